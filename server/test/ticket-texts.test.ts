import type { Counter, Language, Service, Ticket } from "@dost/shared";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, ticketContacts } from "../src/db/schema.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { captureLog, startSmsProvider, type SmsProvider } from "./support/sms-provider.js";

/**
 * Texts to a walk-in visitor who left a phone at the kiosk, through the whole server to a real
 * local HTTP server standing in for the SMS provider: "your turn is near" when one visitor or fewer
 * is ahead, "come to counter …" when called, each once, in the ticket's language; the phone never
 * comes back in an answer nor reaches the log, and is deleted once it has served.
 */
const log = captureLog();
let provider: SmsProvider;
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let service: Service;
let staff: string;
let counter: Counter;
/** Every answer the API gave in this file, to look for the phones in. */
const answers: string[] = [];

const PHONES = { ru: "+994 55 612 34 71", en: "055 612 34 72", az: "994556123473" } as const;
const DIGITS = { ru: "556123471", en: "556123472", az: "556123473" } as const;

interface Sent {
  to: string;
  text: string;
}
const sent = (): Sent[] => provider.requests.map((r) => JSON.parse(r.body) as Sent);
const textsTo = (language: keyof typeof DIGITS) => sent().filter((m) => m.to.endsWith(DIGITS[language]));

async function issue(language: Language, phone?: string): Promise<Ticket> {
  const res = await api.issue("BAKU-1", { serviceId: service.id, language, ...(phone ? { phone } : {}) });
  answers.push(JSON.stringify(res.body));
  expect(res.status).toBe(201);
  return res.body.ticket;
}

async function act(path: string): Promise<Ticket | null> {
  const res = await api.call<{ ticket: Ticket | null }>({ method: "POST", url: path, auth: staff });
  answers.push(JSON.stringify(res.body));
  expect(res.status).toBe(200);
  return res.body.ticket;
}

/** Start and complete a called visit. */
async function serve(ticket: Ticket): Promise<void> {
  await act(`/api/v1/tickets/${ticket.id}/start`);
  await act(`/api/v1/tickets/${ticket.id}/complete`);
}

async function view(ticket: Ticket): Promise<void> {
  const res = await api.call({ method: "GET", url: `/api/v1/public/tickets/${ticket.publicId}` });
  answers.push(JSON.stringify(res.body));
  const list = await api.call({ method: "GET", url: "/api/v1/centres/BAKU-1/tickets", auth: staff });
  answers.push(JSON.stringify(list.body));
}

/** Waits for `count` texts in all; the near check runs after each coalesced queue refresh. */
async function waitForTexts(count: number): Promise<void> {
  await provider.waitForRequests(count);
}

beforeAll(async () => {
  provider = await startSmsProvider();
  t = await startTestApp({
    env: {
      SMS_HTTP_URL: provider.url,
      SMS_HTTP_MESSAGE_ID_PATH: "messages.0.id",
      TURN_NEAR_POSITION: "1",
      TURN_NEAR_MINUTES: "0",
    },
    logger: log.logger,
  });
  api = apiClient(t.app);
  const services = await api.services("BAKU-1");
  const session = await api.login("staff.baku1.1");
  staff = session.auth;
  // A service nobody else in this file uses, served by one counter.
  service = services[services.length - 1]!;
  counter = (await api.counters("BAKU-1", staff))[0]!;
  expect((await api.openCounter(counter.id, staff, [service.id])).status).toBeLessThan(300);
  // The embedded run builds its database template once per set of migrations, slow on a busy machine.
}, 400_000);
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

describe("texts to a visitor who left a phone", () => {
  it("refuses a phone that is not one, with its reason, and without echoing it", async () => {
    const res = await api.issue("BAKU-1", { serviceId: service.id, phone: "12-34-5678-99999" });
    expect(res.status).toBe(400);
    const body = res.body as unknown as { error: { reason?: string; details?: { path: string }[] } };
    expect(body.error.reason).toBe("phone_invalid");
    expect(body.error.details?.map((d) => d.path)).toContain("body.phone");
    expect(JSON.stringify(res.body)).not.toContain("5678");
  });

  it("texts near and called once each, in the ticket's language", async () => {
    const first = await issue("az");
    const second = await issue("az");
    const ru = await issue("ru", PHONES.ru);
    const en = await issue("en", PHONES.en);
    const az = await issue("az", PHONES.az);
    expect(provider.requests).toHaveLength(0);

    // first called: ru has one ahead (second), so its turn is near.
    expect((await act(`/api/v1/counters/${counter.id}/call-next`))!.id).toBe(first.id);
    await waitForTexts(1);
    expect(textsTo("ru")).toHaveLength(1);
    expect(textsTo("ru")[0]!.text).toContain(`${ru.code} — ваша очередь подходит`);
    expect(textsTo("ru")[0]!.text).toMatch(/Ожидание: около \d+(–\d+)? мин\./);

    await serve(first);
    expect((await act(`/api/v1/counters/${counter.id}/call-next`))!.id).toBe(second.id);
    await waitForTexts(2);
    expect(textsTo("en")).toHaveLength(1);
    expect(textsTo("en")[0]!.text).toContain(`${en.code} — your turn is near`);

    await serve(second);
    expect((await act(`/api/v1/counters/${counter.id}/call-next`))!.id).toBe(ru.id);
    // Called (ru) and, one ahead now, near (az): in either order.
    await waitForTexts(4);
    expect(textsTo("ru").map((m) => m.text)[1]).toBe(`DOST: ${ru.code} — подойдите: окно ${counter.label}.`);
    expect(textsTo("az")).toHaveLength(1);
    expect(textsTo("az")[0]!.text).toContain(`${az.code} — növbəniz yaxınlaşır`);

    // A recall, more changes and housekeeping send nothing again.
    await act(`/api/v1/tickets/${ru.id}/recall`);
    await serve(ru);
    expect((await act(`/api/v1/counters/${counter.id}/call-next`))!.id).toBe(en.id);
    await waitForTexts(5);
    expect(textsTo("en").map((m) => m.text)[1]).toBe(
      `DOST: ${en.code} — please come to counter ${counter.label}.`,
    );
    await t.app.sweeper.sweep();
    await t.app.appointmentJobs.run();
    await serve(en);
    expect((await act(`/api/v1/counters/${counter.id}/call-next`))!.id).toBe(az.id);
    await waitForTexts(6);
    await t.app.sweeper.sweep();
    await t.app.appointmentJobs.run();
    expect(textsTo("ru")).toHaveLength(2);
    expect(textsTo("en")).toHaveLength(2);
    expect(textsTo("az").map((m) => m.text)).toEqual([
      expect.stringContaining("növbəniz yaxınlaşır"),
      `DOST: ${az.code} — masa ${counter.label}, yaxınlaşın.`,
    ]);
    expect(sent()).toHaveLength(6);

    for (const ticket of [first, second, ru, en, az]) await view(ticket);

    // Served: the phones are gone from the tickets and, once sent, from the outbox.
    const db = t.db.database.db;
    const ids = [ru.id, en.id, az.id];
    expect(await db.select().from(ticketContacts).where(inArray(ticketContacts.ticketId, ids))).toEqual([]);
    const outboxNow = () =>
      db
        .select({
          recipient: notifications.recipient,
          body: notifications.body,
          status: notifications.status,
        })
        .from(notifications)
        .where(inArray(notifications.ticketId, ids));
    // The provider has the last text before the outbox records it as sent; then housekeeping blanks it.
    while (!(await outboxNow()).every((m) => m.status === "sent"))
      await new Promise((r) => setTimeout(r, 50));
    await t.app.sweeper.sweep();
    const outbox = await outboxNow();
    expect(outbox).toHaveLength(6);
    expect(outbox.every((m) => m.status === "sent" && m.recipient === null && m.body === null)).toBe(true);
    const [stillKept] = await db.select().from(ticketContacts).where(eq(ticketContacts.ticketId, first.id));
    expect(stillKept).toBeUndefined();
  });

  it("never shows a phone in an answer nor in the log", () => {
    expect(answers.length).toBeGreaterThan(10);
    expect(log.lines.length).toBeGreaterThan(0);
    for (const digits of Object.values(DIGITS)) {
      for (const part of [digits, digits.slice(-7)]) {
        expect(answers.join("\n")).not.toContain(part);
        expect(log.text).not.toContain(part);
      }
    }
  });
});
