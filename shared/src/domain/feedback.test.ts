import { describe, expect, it } from "vitest";
import { feedbackRefusal, satisfactionPercent, scrubComment } from "./feedback.js";

describe("feedback rules", () => {
  const finishedAt = new Date("2026-03-03T08:00:00Z");
  const done = { status: "done", finishedAt };

  it("takes feedback for a done ticket within 24 hours, once", () => {
    expect(feedbackRefusal(done, false, new Date("2026-03-04T08:00:00Z"))).toBeNull();
    expect(feedbackRefusal(done, true, new Date("2026-03-03T08:01:00Z"))).toBe("already_given");
    expect(feedbackRefusal(done, false, new Date("2026-03-04T08:00:01Z"))).toBe("too_late");
  });

  it("refuses a ticket whose visit has not ended", () => {
    for (const status of ["waiting", "called", "serving", "no_show", "cancelled", "expired"])
      expect(feedbackRefusal({ status, finishedAt: null }, false, finishedAt)).toBe("not_done");
  });

  it("counts 4 and 5 as satisfied, to one decimal", () => {
    expect(satisfactionPercent(2, 3)).toBe(66.7);
    expect(satisfactionPercent(0, 0)).toBeNull();
  });
});

describe("scrubbing comments", () => {
  it("removes phone numbers in the forms people type them", () => {
    expect(scrubComment("zəng edin +994 50 123 45 67 lütfən")).toBe("zəng edin [phone] lütfən");
    expect(scrubComment("call 050-123-45-67.")).toBe("call [phone].");
    expect(scrubComment("тел (012) 555 12 34")).toBe("тел [phone]");
    expect(scrubComment("0501234567")).toBe("[phone]");
  });

  it("removes FINs and ID card numbers", () => {
    expect(scrubComment("FIN 5AB12CD, card AZE12345678")).toBe("FIN [FIN], card [id]");
    expect(scrubComment("my fin is 7xk2m9p")).toBe("my fin is [FIN]");
  });

  it("keeps ordinary words and short numbers", () => {
    const text = "Waited 45 minutes at counter 5, STAFFED well, thanks";
    expect(scrubComment(text)).toBe(text);
    expect(scrubComment("  two   spaces ")).toBe("two spaces");
  });
});
