import { describe, expect, it } from "vitest";
import { parseStatus } from "./printer-status.js";

/** Answers to DLE EOT 1, 2 and 4, as an Epson TM printer sends them. */
const answer = (printer: number, cause: number, paper: number) => Uint8Array.of(printer, cause, paper);
const READY = 0x12;

describe("ESC/POS real-time status", () => {
  it("reads a ready printer, and a roll near its end as a warning only", () => {
    expect(parseStatus(answer(READY, READY, READY))).toEqual({ problem: null, paperNearEnd: false });
    expect(parseStatus(answer(READY, READY, READY | 0x0c))).toEqual({ problem: null, paperNearEnd: true });
  });

  it("reads paper out from the roll sensor or from the offline cause", () => {
    expect(parseStatus(answer(READY | 0x08, READY | 0x20, READY | 0x6c)).problem).toBe("paper_out");
    expect(parseStatus(answer(READY | 0x08, READY | 0x20, READY)).problem).toBe("paper_out");
  });

  it("reads an open cover, and other offline causes as offline", () => {
    expect(parseStatus(answer(READY | 0x08, READY | 0x04, READY)).problem).toBe("cover_open");
    expect(parseStatus(answer(READY | 0x08, READY, READY)).problem).toBe("offline");
    expect(parseStatus(answer(READY, READY | 0x40, READY)).problem).toBe("offline");
  });

  it("takes bytes that are not status bytes (not an ESC/POS printer) as offline", () => {
    expect(parseStatus(Uint8Array.from(Buffer.from("HTT"))).problem).toBe("offline");
    expect(() => parseStatus(Uint8Array.of(READY))).toThrow();
  });
});
