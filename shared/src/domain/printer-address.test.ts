import { describe, expect, it } from "vitest";
import { normalisePrinterAddress, parsePrinterAddress } from "./printer-address.js";

describe("a kiosk's printer address", () => {
  it("takes a host or an IPv4 address, the port 9100 unless given", () => {
    expect(parsePrinterAddress("10.0.5.21")).toEqual({ host: "10.0.5.21", port: 9100 });
    expect(parsePrinterAddress(" printer-3.baku1.local:9101 ")).toEqual({
      host: "printer-3.baku1.local",
      port: 9101,
    });
    expect(parsePrinterAddress("[fd00::21]:9100")).toEqual({ host: "fd00::21", port: 9100 });
    expect(normalisePrinterAddress("10.0.5.21")).toBe("10.0.5.21:9100");
    expect(normalisePrinterAddress("[fd00::21]")).toBe("[fd00::21]:9100");
  });

  it("refuses what is not an address", () => {
    for (const bad of [
      "",
      ":9100",
      "10.0.5.21:0",
      "10.0.5.21:65536",
      "host:port",
      "a b",
      "-x.local",
      "fd00::21",
      "http://p:9100",
    ])
      expect(parsePrinterAddress(bad), bad).toBeNull();
  });
});
