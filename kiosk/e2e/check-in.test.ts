// @vitest-environment node
import { formatAppointmentCode, type Appointment, type Service } from "@dost/shared";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { FakeClock } from "../../server/test/support/clock.js";
import { DICTIONARIES } from "../src/i18n/i18n.js";
import {
  KIOSK_KEY,
  appointmentRows,
  assertKioskBuilt,
  openKiosk,
  smallTargets,
  ticketRows,
} from "./kiosk-support.js";

// Monday 23 November 2026, 10:00 in Baku. The kiosk's own clock does not matter here: whether
// check-in is open is the server's judgement.
const clock = new FakeClock("2026-11-23T06:00:00Z");
let test: TestApp;
let browser: Browser;
let service: Service;

beforeAll(async () => {
  assertKioskBuilt();
  [test, browser] = await Promise.all([startTestApp({ listen: true, clock }), launchBrowser()]);
  service = (await apiClient(test.app).services("BAKU-1")).find((s) => s.code === "PEN-SURV") as Service;
});

afterAll(async () => {
  await browser?.close();
  await test?.close();
});

const az = DICTIONARIES.az;
const today = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+04:00`).toISOString();

async function bookToday(hhmm: string, phone: string): Promise<string> {
  const booked = await apiClient(test.app).call<{ appointment: Appointment }>({
    method: "POST",
    url: "/api/v1/appointments",
    payload: {
      centreId: "BAKU-1",
      serviceId: service.id,
      start: today(hhmm),
      citizen: { name: "Aysel Həsənova", phone },
      language: "az",
    },
  });
  expect(booked.status).toBe(201);
  return booked.body.appointment.code;
}

async function openCodeEntry(page: Page, language: "az" | "ru" = "az") {
  await page.getByRole("heading", { level: 1, name: az.startHeading }).waitFor();
  const t = DICTIONARIES[language];
  if (language !== "az") await page.getByRole("button", { name: t.languageName }).click();
  await page.getByRole("button", { name: t.checkIn.haveAppointment }).click();
  await page.getByRole("heading", { level: 1, name: t.checkIn.heading }).waitFor();
}

/** Server refusals (404, 409) show in the console as failed loads; nothing else may. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 40[49]/.test(e));

describe("a visitor with an appointment checks in at the kiosk", () => {
  it("with the keypad within the window, and is called at the slot time ahead of an earlier walk-in", async () => {
    const code = await bookToday("11:00", "0501110000");
    const api = apiClient(test.app);
    const walkIn = (await api.issue("BAKU-1", { serviceId: service.id })).body.ticket;

    clock.set(today("10:40")); // 20 minutes before the slot
    const { context, page, errors } = await openKiosk(browser, test.url, KIOSK_KEY, { axe: true });
    await openCodeEntry(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    const keypad = page.getByRole("group", { name: az.checkIn.heading });
    for (const key of code) await keypad.getByRole("button", { name: key, exact: true }).click();
    expect(await page.locator(".code-display").textContent()).toBe(formatAppointmentCode(code));
    await page.getByRole("button", { name: az.checkIn.submit }).click();

    await page.getByRole("heading", { level: 1, name: az.ticketHeading }).waitFor();
    const ticketCode = (await page.locator(".ticket-code").textContent()) ?? "";
    expect(ticketCode).toMatch(new RegExp(`^${service.prefix}\\d{3}$`));
    await page.waitForFunction(() => window.__printed === 1);
    expect(await seriousViolations(page)).toEqual([]);

    const appointment = (await appointmentRows(test)).find((r) => r.code === code);
    expect(appointment?.status).toBe("checked_in");
    const ticket = (await ticketRows(test)).find((r) => r.code === ticketCode);
    expect(ticket).toMatchObject({ status: "waiting", service_id: service.id });

    clock.set(today("11:00"));
    const { auth } = await api.login("staff.baku1.1");
    const counter = (await api.counters("BAKU-1", auth)).find((c) => c.status === "closed");
    if (!counter) throw new Error("no closed counter at BAKU-1");
    expect((await api.openCounter(counter.id, auth, [service.id])).status).toBeLessThan(300);
    const called = await api.callNext(counter.id, auth);
    expect(called.body.ticket?.code).toBe(ticketCode);
    expect(called.body.ticket?.code).not.toBe(walkIn.code);

    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it("is told, in its language, that check-in opens later, with the hour, and can start again", async () => {
    const code = await bookToday("14:00", "0501110001");
    const ru = DICTIONARIES.ru;
    const { context, page, errors } = await openKiosk(browser, test.url, KIOSK_KEY, { axe: true });
    await openCodeEntry(page, "ru");
    // A keyboard (or a scanner acting as one) works too, in any case.
    await page.keyboard.type(code.toLowerCase());
    await page.keyboard.press("Enter");

    const alert = page.getByRole("alert");
    await alert.getByRole("heading", { level: 1, name: ru.checkIn.conflictTitle }).waitFor();
    expect(await alert.textContent()).toContain(ru.checkIn.conflictText);
    // The server's reason, translated, names the hour check-in opens: 30 minutes before 14:00.
    expect(await alert.textContent()).toContain(
      ru.reasons.check_in_too_early({ params: {}, time: () => "13:30" }),
    );
    expect(await alert.locator("q[lang='en']").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await page.getByRole("button", { name: ru.checkIn.enterAgain }).click();
    await page.getByRole("heading", { level: 1, name: ru.checkIn.heading }).waitFor();
    expect(await page.locator(".code-display").textContent()).toBe(formatAppointmentCode(code));
    await page.getByRole("button", { name: ru.back, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: ru.startHeading }).waitFor();
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it("is told that an unknown code has no booking here", async () => {
    const { context, page } = await openKiosk(browser, test.url, KIOSK_KEY, { axe: true });
    await openCodeEntry(page);
    await page.keyboard.type("2222-2222");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: az.checkIn.notFoundTitle }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: az.checkIn.takeTicket }).click();
    await page.getByRole("heading", { level: 1, name: az.startHeading }).waitFor();
    await context.close();
  });
});
