import { formatAppointmentCode, type Appointment, type Service } from "@dost/shared";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/rows.js";
import { appointments, notifications } from "../src/db/schema.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";
import { captureLog, startSmsProvider, type SmsProvider } from "./support/sms-provider.js";

/**
 * The HTTP SMS gateway through the whole server: a booking's confirmation goes out to a real local
 * HTTP server standing in for the provider, failures are retried or given up as they should be,
 * the provider's delivery reports are accepted only with the shared secret, and no phone number,
 * text or appointment code reaches the log.
 */
const SECRET = "provider-shared-secret-0123456789";
// Monday 23 November 2026, 08:00 in Baku; bookings are for Tuesday.
const clock = new FakeClock("2026-11-23T04:00:00Z");
const log = captureLog();
let provider: SmsProvider;
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let service: Service;
/** Every phone number and appointment code this file used, to look for in the log at the end. */
const secrets: string[] = [];

let phoneCounter = 0;
const nextPhone = () => `+99455${String(7_000_000 + phoneCounter++)}`;

async function book(hhmm: string): Promise<{ appointment: Appointment; phone: string }> {
  const phone = nextPhone();
  const res = await api.call<{ appointment: Appointment }>({
    method: "POST",
    url: "/api/v1/appointments",
    payload: {
      centreId: "BAKU-1",
      serviceId: service.id,
      start: new Date(`2026-11-24T${hhmm}:00+04:00`).toISOString(),
      citizen: { name: "Günel Həsənova", phone },
    },
  });
  expect(res.status).toBe(201);
  secrets.push(phone, phone.slice(4), res.body.appointment.code);
  return { appointment: res.body.appointment, phone };
}

async function outboxOf(code: string) {
  const [row] = await t.db.database.db
    .select({ n: notifications })
    .from(notifications)
    .innerJoin(appointments, eq(appointments.id, notifications.appointmentId))
    .where(and(eq(appointments.code, code), eq(notifications.kind, "booking_confirmed")));
  return row!.n;
}

/** The requests that carried one outbox message (other texts, such as reminders, go out too). */
const requestsFor = (id: string) => provider.requests.filter((r) => r.headers["idempotency-key"] === id);

beforeAll(async () => {
  provider = await startSmsProvider();
  t = await startTestApp({
    clock,
    logger: log.logger,
    env: {
      SMS_HTTP_URL: provider.url,
      SMS_HTTP_USERNAME: "dost",
      SMS_HTTP_PASSWORD: "s3cret:with-colon",
      // Long enough that a loaded machine never times out a provider that does answer.
      SMS_HTTP_TIMEOUT_MS: "3000",
      SMS_HTTP_MESSAGE_ID_PATH: "messages.0.id",
      SMS_SENDER: "DOST",
      SMS_CALLBACK_SECRET: SECRET,
      // Empty means unset, as in a compose file that lists every variable.
      SMS_HTTP_TOKEN: "",
    },
  });
  api = apiClient(t.app);
  service = (await api.services("BAKU-1")).find((s) => s.appointmentEnabled)!;
});
afterAll(async () => {
  await t?.close();
  await provider.close();
});
beforeEach(() => {
  provider.requests.length = 0;
});

describe("HTTP SMS gateway", () => {
  it("sends the text with the templated JSON body, basic auth and our id as the idempotency reference", async () => {
    const { appointment, phone } = await book("09:00");
    const { sent } = await t.app.appointmentJobs.run();
    expect(sent).toBe(1);
    const row = await outboxOf(appointment.code);
    const [request, ...more] = requestsFor(row.id);
    expect(more).toHaveLength(0);
    expect(request!.method).toBe("POST");
    expect(request!.headers.authorization).toBe(
      `Basic ${Buffer.from("dost:s3cret:with-colon").toString("base64")}`,
    );
    expect(request!.headers["content-type"]).toContain("application/json");
    expect(request!.headers["idempotency-key"]).toBe(row.id);
    expect(JSON.parse(request!.body)).toEqual({
      to: phone,
      text: row.body,
      reference: row.id,
      from: "DOST",
    });
    expect(row.body).toContain(formatAppointmentCode(appointment.code));
    expect(row).toMatchObject({ status: "sent", attempts: 1, providerMessageId: "prov-1", lastError: null });
  });

  it("retries a 5xx and a 429 later, with backoff, and then sends", async () => {
    const { appointment } = await book("09:20");
    provider.reply({ status: 503, body: { error: "busy" } });
    await t.app.appointmentJobs.run();
    let row = await outboxOf(appointment.code);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "provider answered 503" });
    // Two minutes after the first failure, not before.
    expect(row.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 2 * 60_000);
    await t.app.appointmentJobs.run();
    expect(requestsFor(row.id)).toHaveLength(1);

    clock.advance(2 * 60_000);
    provider.reply({ status: 429 });
    await t.app.appointmentJobs.run();
    row = await outboxOf(appointment.code);
    expect(row).toMatchObject({ status: "pending", attempts: 2, lastError: "provider answered 429" });
    expect(row.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 4 * 60_000);

    clock.advance(4 * 60_000);
    await t.app.appointmentJobs.run();
    row = await outboxOf(appointment.code);
    expect(row).toMatchObject({ status: "sent", attempts: 3 });
    // Every attempt carried the same reference, so a provider that deduplicates sends one text.
    expect(requestsFor(row.id)).toHaveLength(3);
  });

  it("gives a provider that does not answer up after the timeout, and retries later", async () => {
    const { appointment } = await book("09:40");
    provider.reply({ stall: true });
    await t.app.appointmentJobs.run();
    let row = await outboxOf(appointment.code);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "no answer within 3000 ms" });
    clock.advance(2 * 60_000);
    await t.app.appointmentJobs.run();
    row = await outboxOf(appointment.code);
    expect(row.status).toBe("sent");
  });

  it("fails a message the provider refuses with a 4xx at once, without retrying", async () => {
    const { appointment } = await book("10:00");
    provider.reply({ status: 400, body: { error: "invalid number" } });
    await t.app.appointmentJobs.run();
    const row = await outboxOf(appointment.code);
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastError: "provider answered 400" });
    clock.advance(120 * 60_000);
    await t.app.appointmentJobs.run();
    expect(requestsFor(row.id)).toHaveLength(1);
    expect((await outboxOf(appointment.code)).status).toBe("failed");
  });
});

describe("delivery reports", () => {
  const report = (payload: unknown, secret?: string, form = false) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/notifications/sms/status",
      headers: {
        ...(secret !== undefined ? { "x-callback-secret": secret } : {}),
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(form
        ? { payload: new URLSearchParams(payload as Record<string, string>).toString() }
        : { payload: payload as object }),
    });

  it("refuses a report without the right secret with 401 and changes nothing", async () => {
    const { appointment } = await book("10:20");
    await t.app.appointmentJobs.run();
    const before = await outboxOf(appointment.code);
    for (const secret of [undefined, "", "wrong", `${SECRET}x`, SECRET.slice(0, -1)]) {
      const res = await report({ messageId: before.id, status: "delivered" }, secret);
      expect(res.statusCode, String(secret)).toBe(401);
      expect(res.json().error.code).toBe("UNAUTHENTICATED");
    }
    expect(await outboxOf(appointment.code)).toEqual(before);
    expect(before.deliveryStatus).toBeNull();
  });

  it("marks a message delivered by our id, and failed by the provider's id from a form report", async () => {
    const first = await book("10:40");
    const second = await book("11:00");
    await t.app.appointmentJobs.run();
    const a = await outboxOf(first.appointment.code);
    const b = await outboxOf(second.appointment.code);
    expect([a.status, b.status]).toEqual(["sent", "sent"]);
    expect(b.providerMessageId).toMatch(/^prov-/);

    const ok = await report({ messageId: a.id, status: "DELIVRD" }, SECRET);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ recorded: "delivered" });
    expect((await outboxOf(first.appointment.code)).deliveryStatus).toBe("delivered");

    const failed = await report(
      { providerMessageId: b.providerMessageId!, status: "undelivered", error: "absent subscriber" },
      SECRET,
      true,
    );
    expect(failed.statusCode).toBe(200);
    expect(await outboxOf(second.appointment.code)).toMatchObject({
      deliveryStatus: "failed",
      deliveryError: "absent subscriber",
    });

    // A late "failed" never undoes "delivered"; an interim status changes nothing.
    await report({ messageId: a.id, status: "failed" }, SECRET);
    expect((await report({ messageId: a.id, status: "enroute" }, SECRET)).json()).toEqual({ recorded: null });
    expect((await outboxOf(first.appointment.code)).deliveryStatus).toBe("delivered");
  });

  it("answers 404 for a message it does not know and 400 for a malformed report", async () => {
    const unknown = await report({ messageId: crypto.randomUUID(), status: "delivered" }, SECRET);
    expect(unknown.statusCode).toBe(404);
    expect((await report({ providerMessageId: "nope", status: "queued" }, SECRET)).statusCode).toBe(404);
    for (const bad of [
      { status: "delivered" },
      { messageId: "not-a-uuid", status: "delivered" },
      {},
      "text",
    ]) {
      const res = await report(bad, SECRET);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    }
    const [changed] = await queryRows<{ n: number }>(
      t.db.database.db,
      sql`SELECT count(*)::int AS n FROM notifications WHERE delivery_status IS NOT NULL`,
    );
    expect(changed?.n).toBe(2);
  });
});

describe("the log", () => {
  it("masks appointment codes and device keys in the addresses of requests", async () => {
    const { appointment } = await book("11:40");
    const lookup = await api.call({ method: "GET", url: `/api/v1/appointments/${appointment.code}` });
    expect(lookup.status).toBe(200);
    await api.call({ method: "GET", url: `/kiosk/book/manage?lang=az&code=${appointment.code}` });
    await api.call({ method: "GET", url: "/kiosk/?key=demo-kiosk-BAKU-1" });
    expect(log.text).toContain('"url":"/api/v1/appointments/***"');
    expect(log.text).toContain('"url":"/kiosk/book/manage?lang=az&code=***"');
    expect(log.text).toContain('"url":"/kiosk/?key=***"');
    expect(log.text).not.toContain("demo-kiosk-BAKU-1");
  });

  it("holds no phone number, text or appointment code, though it notes the sends that failed", async () => {
    const rows = await t.db.database.db.select({ body: notifications.body }).from(notifications);
    expect(log.text).toContain("notification failed, will retry");
    expect(log.text).toContain("notification failed for good");
    for (const secret of [...secrets, ...rows.map((r) => r.body!)]) {
      expect(log.text.includes(secret), `log holds ${secret.slice(0, 3)}…`).toBe(false);
    }
  });

  it("the log gateway (no provider configured) notes the masked phone, kind and length, never the text", async () => {
    const logGatewayLog = captureLog();
    const other = await startTestApp({
      clock: new FakeClock("2026-11-23T04:00:00Z"),
      logger: logGatewayLog.logger,
    });
    try {
      const otherApi = apiClient(other.app);
      const phone = "+994557654321";
      const res = await otherApi.call<{ appointment: Appointment }>({
        method: "POST",
        url: "/api/v1/appointments",
        payload: {
          centreId: "BAKU-1",
          serviceId: service.id,
          start: new Date("2026-11-24T11:20:00+04:00").toISOString(),
          citizen: { name: "Günel Həsənova", phone },
        },
      });
      expect(res.status).toBe(201);
      expect((await other.app.appointmentJobs.run()).sent).toBe(1);
      const [row] = await other.db.database.db
        .select()
        .from(notifications)
        .where(eq(notifications.recipient, phone));
      const line = logGatewayLog.lines.find((l) => l.includes("log gateway"));
      expect(JSON.parse(line!)).toMatchObject({
        notification: row!.id,
        kind: "booking_confirmed",
        to: "+994*******21",
        length: row!.body!.length,
      });
      for (const secret of [phone, phone.slice(4), row!.body!, res.body.appointment.code]) {
        expect(logGatewayLog.text.includes(secret)).toBe(false);
      }
    } finally {
      await other.close();
    }
  });
});
