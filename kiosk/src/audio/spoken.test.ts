import { describe, expect, it } from "vitest";
import { DICTIONARIES } from "../i18n/i18n.js";
import { CERTIFICATES, PENSION, ticket } from "../test/fixtures.js";
import { screenSpeech, spokenCode, spokenService, spokenWait } from "./spoken.js";

const { az, ru, en } = DICTIONARIES;

describe("spoken texts", () => {
  it("say a ticket code as the letter's name and the number", () => {
    expect(spokenCode("A042", "en")).toBe("A, 42");
    expect(spokenCode("B-007", "ru")).toBe("бэ, 7");
    expect(spokenCode("Q12", "az")).toBe("qe, 12");
  });

  it("say the wait in words, as a band when there is one", () => {
    expect(spokenWait(en, 12, { low: 10, high: 15 })).toBe("about 10 to 15 minutes");
    expect(spokenWait(ru, 12, { low: 9.2, high: 14.1 })).toBe("примерно от 9 до 15 минут");
    expect(spokenWait(az, 18.4, null)).toBe("təxminən 18 dəqiqə");
    expect(spokenWait(ru, 1, null)).toBe("около 1 минуты");
    expect(spokenWait(en, 0.4, null)).toBe("under a minute");
    expect(spokenWait(en, null, null)).toBe("not known");
  });

  it("give each service its name, its queue and its wait", () => {
    expect(spokenService(en, "en", PENSION)).toBe(
      "Old-age labour pension. 4 people waiting. Wait about 18 minutes.",
    );
    expect(spokenService(ru, "ru", PENSION)).toBe(
      "Назначение трудовой пенсии по возрасту. В очереди 4 человека. Ожидание около 18 минут.",
    );
  });

  it("read the documents to bring, and the ticket with its code, place and wait", () => {
    const documents = screenSpeech(en, "en", {
      visit: { step: "documents", service: CERTIFICATES, attemptKey: "k" },
      serviceCount: null,
      closed: false,
    });
    expect(documents).toContain("Do you have these with you? Identity card; Power of attorney");
    const issued = ticket({ code: "N007", position: 3, estimatedWaitRange: { low: 10, high: 15 } });
    const read = screenSpeech(en, "en", {
      visit: { step: "ticket", service: CERTIFICATES, ticket: issued },
      serviceCount: null,
      closed: false,
    });
    expect(read).toContain(
      "Your ticket number is N, 7. People ahead of you: 3. Estimated wait: about 10 to 15 minutes.",
    );
    expect(
      screenSpeech(az, "az", {
        visit: { step: "ticket", service: CERTIFICATES, ticket: issued },
        serviceCount: null,
        closed: false,
      }),
    ).toContain("Biletinizin nömrəsi en, 7. Sizdən əvvəl 3 nəfər var.");
  });

  it("say that no counter is open yet when a ticket has no estimate, as the screen does", () => {
    const issued = ticket({
      code: "N008",
      position: 0,
      estimatedWaitMinutes: null,
      estimatedWaitRange: null,
    });
    const read = screenSpeech(ru, "ru", {
      visit: { step: "ticket", service: CERTIFICATES, ticket: issued },
      serviceCount: null,
      closed: false,
    });
    expect(read).toContain(ru.noEstimate);
    expect(read).not.toContain(ru.audio.waitUnknown);
  });
});
