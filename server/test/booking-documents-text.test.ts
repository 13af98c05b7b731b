import { formatAppointmentCode, type Appointment, type Language, type Service } from "@dost/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";
import { startSmsProvider, type SmsProvider } from "./support/sms-provider.js";

/**
 * The booking confirmation's text names what to bring, in the citizen's language, as the local
 * HTTP provider receives it; a service that needs nothing adds nothing.
 */
// Monday 23 November 2026, 08:00 in Baku; bookings are for Tuesday.
const clock = new FakeClock("2026-11-23T04:00:00Z");
let provider: SmsProvider;
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let services: Service[];

let phoneCounter = 0;
const nextPhone = () => `+99455${String(8_000_000 + phoneCounter++)}`;

/** Books on Tuesday at hh:mm and returns the text the provider received for it. */
async function confirmationText(service: Service, language: Language, hhmm: string): Promise<string> {
  const phone = nextPhone();
  const res = await api.call<{ appointment: Appointment }>({
    method: "POST",
    url: "/api/v1/appointments",
    payload: {
      centreId: "BAKU-1",
      serviceId: service.id,
      start: new Date(`2026-11-24T${hhmm}:00+04:00`).toISOString(),
      citizen: { name: "Günel Həsənova", phone },
      language,
    },
  });
  expect(res.status).toBe(201);
  await t.app.appointmentJobs.run();
  const sent = provider.requests
    .map((r) => JSON.parse(r.body) as { to: string; text: string })
    .filter((body) => body.to === phone);
  expect(sent).toHaveLength(1);
  expect(sent[0]!.text).toContain(formatAppointmentCode(res.body.appointment.code));
  return sent[0]!.text;
}

beforeAll(async () => {
  provider = await startSmsProvider();
  t = await startTestApp({
    clock,
    env: { SMS_HTTP_URL: provider.url, SMS_HTTP_MESSAGE_ID_PATH: "messages.0.id" },
  });
  api = apiClient(t.app);
  services = await api.services("BAKU-1");
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

const BRING = { az: "Gətirin", ru: "Возьмите", en: "Bring" } as const;

describe("the booking confirmation text", () => {
  it.each([
    ["az", "09:00"],
    ["ru", "09:20"],
    ["en", "09:40"],
  ] as const)("names what to bring in %s", async (language, hhmm) => {
    // PEN-AGE: identity card, employment record book, bank account statement.
    const pension = services.find((s) => s.code === "PEN-AGE")!;
    const names = (pension.documents ?? []).map((d) => d[language]);
    expect(names).toHaveLength(3);
    const text = await confirmationText(pension, language, hhmm);
    expect(text).toContain(`${BRING[language]}: ${names.join(", ")}.`);
  });

  it("names three and marks the rest, so the text stays short", async () => {
    // TSA lists four documents.
    const tsa = services.find((s) => s.code === "TSA")!;
    const documents = tsa.documents ?? [];
    expect(documents).toHaveLength(4);
    const text = await confirmationText(tsa, "en", "10:00");
    const named = documents.slice(0, 3).map((d) => d.en);
    expect(text).toContain(`Bring: ${named.join(", ")}, ….`);
    expect(text).not.toContain(documents[3]!.en);
  });

  it("adds nothing for a service that needs no documents", async () => {
    const pension = services.find((s) => s.code === "PEN-SURV")!;
    const { auth } = await api.login("admin");
    const res = await api.call({
      method: "PATCH",
      url: `/api/v1/admin/services/${pension.id}`,
      auth,
      payload: { documents: [] },
    });
    expect(res.status).toBe(200);
    const text = await confirmationText(pension, "en", "10:20");
    expect(text).not.toContain("Bring");
    expect(text).toMatch(/Check in at the kiosk when you arrive\.$/);
  });
});
