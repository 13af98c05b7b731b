import { describe, expect, it } from "vitest";
import { encodeReceipt, receiptDetails, type TicketReceipt } from "./receipt.js";

const receipt = (language: TicketReceipt["language"], range: { low: number; high: number } | null) => ({
  language,
  centre: { name: { az: "DOST Bakı 1", ru: "ДОСТ Баку 1", en: "DOST Baku 1" }, timezone: "Asia/Baku" },
  service: { name: { az: "Pensiya", ru: "Пенсия", en: "Pension" } },
  ticket: {
    code: "A042",
    publicId: "Xk3vQ9pL2mN8",
    issuedAt: "2026-11-24T06:00:00Z",
    position: 4,
    estimatedWaitMinutes: 12.4,
    estimatedWaitRange: range,
  },
});
const waitLine = (r: TicketReceipt) => receiptDetails(r).at(-1)?.text;

describe("the wait on the printed receipt", () => {
  it("prints the band the kiosk shows, 'about 10–15 min', in the ticket's language", () => {
    expect(waitLine(receipt("en", { low: 9.6, high: 14.2 }))).toBe("Estimated wait: about 9–15 min");
    expect(waitLine(receipt("ru", { low: 10, high: 15 }))).toBe("Примерное ожидание: примерно 10–15 мин");
    expect(waitLine(receipt("az", { low: 10, high: 15 }))).toBe("Təxmini gözləmə: təxminən 10–15 dəq.");
  });

  it("prints the single estimate when there is no band, and the band changes what goes to the printer", () => {
    expect(waitLine(receipt("en", null))).toBe("Estimated wait: ~12 min");
    const layout = { publicUrl: "https://queue.example.az" };
    const withBand = Buffer.from(encodeReceipt(receipt("en", { low: 10, high: 15 }), layout));
    const without = Buffer.from(encodeReceipt(receipt("en", null), layout));
    expect(withBand.equals(without)).toBe(false);
  });
});
