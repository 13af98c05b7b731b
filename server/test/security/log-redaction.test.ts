import type { Appointment, Service } from "@dost/shared";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, DEMO_PASSWORD } from "../support/api.js";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeClock } from "../support/clock.js";

/**
 * Issue 12, rows 3, 5 and 7: a run over the API with a known citizen, a device key, a password and
 * a database refusal of a booking, logged at `trace` into a captured stream; no line may hold any
 * of them.
 */
const clock = new FakeClock("2026-11-23T04:00:00Z"); // Monday 08:00 in Baku
const tuesday = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00+04:00`).toISOString();

const CITIZEN = { name: "Zümrüd Qasımova", phone: "+994 (55) 731-64-28", pin: "5QX8K2T" };
const PHONE_DIGITS = "557316428";
/** A name the test database refuses through a check constraint, as a race or a bug might. */
const REFUSED = { name: "Refused Xəyalə", phone: "050 946 21 37", pin: "9ZW4M7R" };
const REFUSED_DIGITS = "509462137";
const DEVICE_KEY = "demo-kiosk-BAKU-1";
const WRONG_PASSWORD = "Not-the-Pa55word!";

const lines: string[] = [];
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let service: Service;
const secrets: string[] = [
  CITIZEN.name,
  "Zümrüd",
  "Qasımova",
  PHONE_DIGITS,
  CITIZEN.pin,
  REFUSED.name,
  "Xəyalə",
  REFUSED_DIGITS,
  REFUSED.pin,
  DEVICE_KEY,
  DEMO_PASSWORD,
  WRONG_PASSWORD,
];

beforeAll(async () => {
  t = await startTestApp({
    clock,
    logger: { level: "trace", stream: { write: (line: string) => void lines.push(line) } },
  });
  api = apiClient(t.app);
  service = (await api.services("BAKU-1")).find((s) => s.appointmentEnabled)!;
});
afterAll(() => t?.close());

const book = (start: string, citizen: Record<string, string>) =>
  api.call<{ appointment: Appointment }>({
    method: "POST",
    url: "/api/v1/appointments",
    payload: { centreId: "BAKU-1", serviceId: service.id, start, citizen },
  });

describe("the log after a run over the whole API", () => {
  it("holds no name, phone, FIN, appointment code, device key, token or password", async () => {
    // Staff: a wrong and a right password, then a session token used on the API.
    expect(
      (
        await api.call({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { username: "admin", password: WRONG_PASSWORD },
        })
      ).status,
    ).toBe(401);
    const staff = await api.login("admin");
    secrets.push(staff.token);
    expect((await api.call({ method: "GET", url: "/api/v1/auth/me", auth: staff.auth })).status).toBe(200);

    // A citizen books, looks the booking up, moves it, takes the calendar file and gets the text.
    const booked = await book(tuesday("11:00"), CITIZEN);
    expect(booked.status).toBe(201);
    const { code } = booked.body.appointment;
    secrets.push(code);
    expect((await api.call({ method: "GET", url: `/api/v1/appointments/${code}` })).status).toBe(200);
    expect((await api.call({ method: "GET", url: `/api/v1/appointments/${code}/calendar.ics` })).status).toBe(
      200,
    );
    await api.call({ method: "GET", url: `/kiosk/book/manage?code=${code}&lang=en` });
    const moved = await api.call({
      method: "POST",
      url: `/api/v1/appointments/${code}/reschedule`,
      payload: { start: tuesday("11:20"), phoneLast4: PHONE_DIGITS.slice(-4) },
    });
    expect(moved.status).toBe(200);
    await t.app.appointmentJobs.run(); // the log gateway "sends" the confirmation

    // The kiosk: opened by its pairing address, checks the citizen in with its Device key.
    await api.call({ method: "GET", url: `/kiosk/?key=${DEVICE_KEY}` });
    clock.set("2026-11-24T07:15:00Z"); // Tuesday 11:15 in Baku, in the check-in window
    const checkIn = await api.call({
      method: "POST",
      url: "/api/v1/centres/BAKU-1/check-in",
      auth: api.kiosk("BAKU-1"),
      payload: { code },
    });
    expect(checkIn.status).toBeLessThan(300);
    // The same citizen, another day, the phone written another way.
    const second = await book(new Date("2026-11-25T11:00:00+04:00").toISOString(), {
      ...CITIZEN,
      phone: "0557316428",
    });
    expect(second.status).toBe(201);
    secrets.push(second.body.appointment.code);
    expect(
      (
        await api.call({
          method: "POST",
          url: `/api/v1/appointments/${second.body.appointment.code}/cancel`,
          payload: { phoneLast4: PHONE_DIGITS.slice(-4) },
        })
      ).status,
    ).toBe(200);

    // The database refuses a booking: its error carries the bound values and the failing row.
    await t.db.database.db.execute(
      sql.raw(
        `ALTER TABLE appointments ADD CONSTRAINT refused_for_test CHECK (citizen_name <> '${REFUSED.name}')`,
      ),
    );
    const refused = await book(tuesday("16:00"), REFUSED);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).not.toContain(REFUSED_DIGITS);

    const log = lines.join("");
    // The run was logged, and the refusal with it, so the scan below looks at something.
    expect(lines.length).toBeGreaterThan(20);
    expect(log).toContain("database rejected the request");
    expect(log).toContain("refused_for_test");
    expect(log).toContain('"url":"/kiosk/?key=***"');
    for (const secret of secrets) {
      expect(log.includes(secret), `the log holds ${secret.slice(0, 3)}…`).toBe(false);
    }
    // No phone number in any formatting: the digits without separators.
    expect(log.replace(/[\s().-]/g, "")).not.toContain(PHONE_DIGITS);
    expect(log.replace(/[\s().-]/g, "")).not.toContain(REFUSED_DIGITS);
  });
});
