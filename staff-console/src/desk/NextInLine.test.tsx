import type { CallReasonView, CounterNext, Language } from "@dost/shared";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { TEXTS } from "../i18n/i18n.js";
import { aTicket } from "../test/render.js";
import { fakeServer, renderWithServer } from "../test/server.js";
import { callReasonText } from "./call-reason-text.js";
import { NextInLine } from "./NextInLine.js";

afterEach(cleanup);

const COUNTER = "3f6c2b1a-9d8e-4f7a-b6c5-d4e3f2a1b0c9";
const say = (language: Language, reason: CallReasonView) =>
  callReasonText(reason, TEXTS[language], language, "Asia/Baku");
const veteran: CallReasonView = {
  waitedMinutes: 12,
  priorityBonus: { priority: "veteran", minutes: 15 },
  appointment: null,
  totalMinutes: 27,
};
const dueAppointment: CallReasonView = {
  waitedMinutes: 39,
  priorityBonus: null,
  // 11:00 in Baku.
  appointment: { at: "2026-11-24T07:00:00.000Z", bonusMinutes: 60 },
  totalMinutes: 99,
};
const laterAppointment: CallReasonView = {
  ...dueAppointment,
  waitedMinutes: 9,
  appointment: { at: "2026-11-24T07:00:00.000Z", bonusMinutes: null },
  totalMinutes: 9,
};

describe("why a ticket is next, in words", () => {
  it("adds the wait and the bonus, as the policy does, in all three languages", () => {
    expect(say("en", veteran)).toBe("waited 12 min + veteran bonus 15 min");
    expect(say("ru", veteran)).toBe("ждёт 12 мин + бонус ветерана 15 мин");
    expect(say("az", veteran)).toBe("12 dəq. gözləyib + veteran bonusu 15 dəq.");
  });

  it("names the appointment's time in the centre's timezone, with its bonus only once due", () => {
    expect(say("en", dueAppointment)).toBe("waited 39 min + appointment due 11:00, bonus 60 min");
    expect(say("en", laterAppointment)).toBe("waited 9 min, appointment at 11:00, no bonus before then");
    expect(say("en", { ...veteran, priorityBonus: null, totalMinutes: 12 })).toBe("waited 12 min");
  });
});

describe("the desk's why-next list", () => {
  it("shows the called ticket and the next ones in the server's order, each with its reason", async () => {
    const answer: CounterNext = {
      current: { ticket: aTicket("called", { code: "P001" }), reason: dueAppointment },
      next: [
        {
          ticket: aTicket("waiting", { id: "11111111-1111-4111-8111-111111111111", code: "P004" }),
          reason: veteran,
        },
        {
          ticket: aTicket("waiting", { id: "22222222-2222-4222-8222-222222222222", code: "P002" }),
          reason: { ...veteran, priorityBonus: null, waitedMinutes: 14, totalMinutes: 14 },
        },
      ],
    };
    const server = fakeServer((url) =>
      url.pathname === `/api/v1/counters/${COUNTER}/next` ? { body: answer } : undefined,
    );
    renderWithServer(<NextInLine counterId={COUNTER} timeZone="Asia/Baku" version={0} />, server.fetch);
    const list = await screen.findByRole("list");
    expect([...list.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "P001, called: waited 39 min + appointment due 11:00, bonus 60 min",
      "P004: waited 12 min + veteran bonus 15 min",
      "P002: waited 14 min",
    ]);
  });
});
