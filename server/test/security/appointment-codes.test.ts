import { formatAppointmentCode, type Appointment, type Service, type Ticket } from "@dost/shared";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../support/api.js";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeClock } from "../support/clock.js";

/**
 * Issue 12, row 7: a code alone no longer cancels or moves a booking (the phone's last four digits
 * are asked, and wrong ones are refused and rate-limited as bookings are), and the SMS log gateway
 * never logs the code.
 */
const clock = new FakeClock("2026-11-23T04:00:00Z"); // Monday 08:00 in Baku
const tuesday = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00+04:00`).toISOString();
const CHANGES_PER_MINUTE = 12;

const lines: string[] = [];
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let service: Service;
let phoneIndex = 0;

beforeAll(async () => {
  t = await startTestApp({
    clock,
    env: { RATE_LIMIT_BOOKING_PER_MINUTE: String(CHANGES_PER_MINUTE) },
    logger: { level: "trace", stream: { write: (line: string) => void lines.push(line) } },
  });
  api = apiClient(t.app);
  service = (await api.services("BAKU-1")).find((s) => s.appointmentEnabled)!;
});
afterAll(() => t?.close());

async function book(start: string) {
  const phone = `+994 50 ${String(3_579_800 + phoneIndex++)}`;
  const res = await api.call<{ appointment: Appointment }>({
    method: "POST",
    url: "/api/v1/appointments",
    payload: { centreId: "BAKU-1", serviceId: service.id, start, citizen: { name: "Nigar Əhmədova", phone } },
    remoteAddress: `10.7.0.${phoneIndex}`,
  });
  expect(res.status).toBe(201);
  return { code: res.body.appointment.code, last4: phone.replace(/\D/g, "").slice(-4) };
}

const change = (code: string, action: "cancel" | "reschedule", payload?: object, from = "10.9.9.9") =>
  api.call<{ appointment: Appointment; error: { code: string; reason?: string } }>({
    method: "POST",
    url: `/api/v1/appointments/${code}/${action}`,
    remoteAddress: from,
    ...(payload ? { payload } : {}),
  });

const status = async (code: string) =>
  (await api.call<{ appointment: Appointment }>({ method: "GET", url: `/api/v1/appointments/${code}` })).body
    .appointment.status;

describe("changing a booking by its code", () => {
  it("needs the last four digits of its phone: none → 400, wrong → 403 phone_digits_wrong, right → 200", async () => {
    const { code, last4 } = await book(tuesday("10:00"));
    const wrong = last4 === "0000" ? "1111" : "0000";
    expect((await change(code, "cancel", undefined, "10.1.0.1")).status).toBe(400);
    expect((await change(code, "cancel", {}, "10.1.0.1")).status).toBe(400);
    for (const action of ["cancel", "reschedule"] as const) {
      const res = await change(code, action, { start: tuesday("10:20"), phoneLast4: wrong }, "10.1.0.1");
      const refused =
        action === "cancel" ? await change(code, action, { phoneLast4: wrong }, "10.1.0.1") : res;
      expect(refused.status, action).toBe(403);
      expect(refused.body.error, action).toMatchObject({ code: "FORBIDDEN", reason: "phone_digits_wrong" });
    }
    expect(await status(code)).toBe("booked");
    const moved = await change(
      code,
      "reschedule",
      { start: tuesday("10:20"), phoneLast4: last4 },
      "10.1.0.2",
    );
    expect(moved.status).toBe(200);
    expect(moved.body.appointment.start).toBe(tuesday("10:20"));
    const cancelled = await change(code, "cancel", { phoneLast4: last4 }, "10.1.0.2");
    expect(cancelled.status).toBe(200);
    expect(await status(code)).toBe("cancelled");
  });

  it("is rate-limited per address as bookings are: guessing the digits meets 429, never 5xx", async () => {
    const { code } = await book(tuesday("11:00"));
    const answers: number[] = [];
    for (let guess = 0; guess < CHANGES_PER_MINUTE + 5; guess++) {
      answers.push(
        (await change(code, "cancel", { phoneLast4: String(guess).padStart(4, "0") }, "10.2.0.1")).status,
      );
    }
    expect(answers.filter((s) => s >= 500)).toEqual([]);
    expect(answers.slice(CHANGES_PER_MINUTE)).toEqual(Array(5).fill(429));
    expect(await status(code)).toBe("booked");
  });
});

describe("codes of at least 48 bits", () => {
  it("are 10 characters of 31 (49.5 bits), taken grouped, spaced or in lower case", async () => {
    const { code } = await book(tuesday("14:00"));
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
    expect(Math.log2(31 ** code.length)).toBeGreaterThanOrEqual(48);
    const grouped = formatAppointmentCode(code);
    expect(grouped).toBe(`${code.slice(0, 5)}-${code.slice(5)}`);
    for (const typed of [grouped, grouped.toLowerCase(), `${code.slice(0, 5)} ${code.slice(5)}`]) {
      expect(await status(encodeURIComponent(typed)), typed).toBe("booked");
    }
    // One character short or long is no code at all: 400, not a look-up.
    const short = await api.call({ method: "GET", url: `/api/v1/appointments/${code.slice(0, 9)}` });
    expect(short.status).toBe(400);
  });

  it("leave a booking made with an 8-character code working: look-up, check-in and cancel", async () => {
    const legacy = "ABCD2345";
    const cancelLater = "WXYZ6789";
    const [first, second] = [await book(tuesday("09:40")), await book(tuesday("15:00"))];
    await t.db.database.db.execute(sql`UPDATE appointments SET code = ${legacy} WHERE code = ${first.code}`);
    await t.db.database.db.execute(
      sql`UPDATE appointments SET code = ${cancelLater} WHERE code = ${second.code}`,
    );
    expect(await status("abcd-2345")).toBe("booked");
    expect(formatAppointmentCode(legacy)).toBe("ABCD-2345");

    clock.set("2026-11-24T05:30:00Z"); // Tuesday 09:30, within the check-in window of 09:40
    const checkedIn = await api.call<{ ticket: Ticket }>({
      method: "POST",
      url: "/api/v1/centres/BAKU-1/check-in",
      auth: "Device demo-kiosk-BAKU-1",
      payload: { code: "ABCD-2345" },
    });
    expect(checkedIn.status).toBe(201);
    expect(await status(legacy)).toBe("checked_in");

    const cancelled = await change(cancelLater, "cancel", { phoneLast4: second.last4 }, "10.3.0.1");
    expect(cancelled.status).toBe(200);
    expect(await status(cancelLater)).toBe("cancelled");
    clock.set("2026-11-23T04:00:00Z");
  });
});

describe("the SMS log gateway", () => {
  it("notes each text without its appointment code", async () => {
    const { code } = await book(tuesday("12:00"));
    const sent = await t.app.appointmentJobs.run();
    expect(sent.sent).toBeGreaterThan(0);
    const log = lines.join("");
    expect(log).toContain("notification (log gateway, not sent)");
    expect(log).not.toContain(code);
  });
});
