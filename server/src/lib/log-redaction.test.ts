import { describe, expect, it } from "vitest";
import { maskUrlForLog } from "./log-redaction.js";

describe("request addresses in the log", () => {
  it("masks appointment codes in paths and secrets in queries, and leaves the rest", () => {
    expect(maskUrlForLog("/api/v1/appointments/K7M2Q9XA")).toBe("/api/v1/appointments/***");
    expect(maskUrlForLog("/api/v1/appointments/K7M2Q9XA/cancel")).toBe("/api/v1/appointments/***/cancel");
    expect(maskUrlForLog("/api/v1/appointments")).toBe("/api/v1/appointments");
    expect(maskUrlForLog("/api/v1/centres/BAKU-1/appointments?date=2026-11-24")).toBe(
      "/api/v1/centres/BAKU-1/appointments?date=2026-11-24",
    );
    expect(maskUrlForLog("/kiosk/book/manage?code=K7M2Q9XA&lang=ru")).toBe(
      "/kiosk/book/manage?code=***&lang=ru",
    );
    expect(maskUrlForLog("/display/?KEY=demo-display-BAKU-1")).toBe("/display/?KEY=***");
    expect(maskUrlForLog("/kiosk/?pair=123456")).toBe("/kiosk/?pair=***");
    expect(maskUrlForLog("/display/?pair=123456&lang=en")).toBe("/display/?pair=***&lang=en");
    expect(maskUrlForLog("/x?%6Bey=secret&a=%E0")).toBe("/x?%6Bey=***&a=%E0");
  });
});
