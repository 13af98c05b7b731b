// @vitest-environment node
import {
  formatAppointmentCode,
  type Appointment,
  type Centre,
  type Language,
  type Service,
} from "@dost/shared";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { FakeClock } from "../../server/test/support/clock.js";
import { DICTIONARIES } from "../src/i18n/i18n.js";
import {
  appointmentRows,
  assertKioskBuilt,
  openPhone,
  overflowsSideways,
  smallTargets,
} from "./kiosk-support.js";

// Monday 23 November 2026, 10:00 in Baku: the server's clock, and the phones' (see phonePage).
const clock = new FakeClock("2026-11-23T06:00:00Z");
let test: TestApp;
let browser: Browser;
let centre: Centre;
let service: Service;

beforeAll(async () => {
  assertKioskBuilt();
  [test, browser] = await Promise.all([startTestApp({ listen: true, clock }), launchBrowser()]);
  const api = apiClient(test.app);
  const centres = await api.call<{ centres: Centre[] }>({ method: "GET", url: "/api/v1/centres" });
  centre = centres.body.centres.find((c) => c.code === "BAKU-1") as Centre;
  service = (await api.services("BAKU-1")).find((s) => s.code === "PEN-SURV") as Service;
});

afterAll(async () => {
  await browser?.close();
  await test?.close();
});

/** A phone whose clock agrees with the server's fake one, so the calendar opens on its month. */
async function phonePage(width = 390) {
  const opened = await openPhone(browser, { axe: true });
  if (width !== 390) await opened.page.setViewportSize({ width, height: 740 });
  await opened.page.clock.setFixedTime(clock.now());
  return opened;
}

const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name }).waitFor();

/** No serious axe finding, no target under 44 px, no sideways scrolling. */
async function expectAccessible(page: Page, screen: string) {
  expect(await seriousViolations(page), screen).toEqual([]);
  expect(await smallTargets(page, 44), screen).toEqual([]);
  expect(await overflowsSideways(page), screen).toBe(false);
}

const bakuInstant = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+04:00`);

const CASES: {
  language: Language;
  width: number;
  date: string;
  time: string;
  phone: string;
  stored: string;
  pin: string;
}[] = [
  {
    language: "az",
    width: 390,
    date: "2026-11-24",
    time: "11:00",
    phone: "050 111 22 33",
    stored: "+994501112233",
    pin: "5abc123",
  },
  {
    language: "ru",
    width: 390,
    date: "2026-11-25",
    time: "09:40",
    phone: "+994 55 444 55 66",
    stored: "+994554445566",
    pin: "",
  },
  {
    language: "en",
    width: 360,
    date: "2026-12-02",
    time: "15:20",
    phone: "0702223344",
    stored: "+994702223344",
    pin: "",
  },
];

describe("a citizen books an appointment on a phone", () => {
  it.each(CASES)("in $language at $width px, and the booking is in the database", async (c) => {
    const t = DICTIONARIES[c.language];
    const { context, page, errors } = await phonePage(c.width);
    await page.goto(`${test.url}/kiosk/book`);
    await heading(page, DICTIONARIES.az.booking.centreHeading);
    if (c.language !== "az") await page.getByRole("button", { name: t.languageName }).click();
    await heading(page, t.booking.centreHeading);
    await expectAccessible(page, "centre");

    await page.getByRole("button", { name: centre.name[c.language], exact: true }).click();
    await heading(page, t.booking.serviceHeading);
    await expectAccessible(page, "service");
    await page.getByRole("button", { name: service.name[c.language], exact: true }).click();

    await heading(page, t.booking.dayHeading);
    const day = page.locator(`[data-date="${c.date}"]`);
    if (c.date.startsWith("2026-12")) await page.getByRole("button", { name: t.booking.nextMonth }).click();
    await day.waitFor();
    // Saturdays are closed; the day's name says so.
    const saturday = page.locator('[data-date="2026-11-28"], [data-date="2026-12-05"]').first();
    expect(await saturday.textContent()).toContain(t.booking.dayClosed);
    await expectAccessible(page, "day");
    await day.click();

    await heading(page, t.booking.timeHeading);
    await expectAccessible(page, "time");
    await page.getByRole("button", { name: new RegExp(`^${c.time},`) }).click();

    await heading(page, t.booking.detailsHeading);
    await page.getByRole("button", { name: t.booking.submit }).click();
    await page.getByText(t.booking.fixErrors).waitFor();
    expect(await page.getByLabel(t.booking.nameLabel).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await expectAccessible(page, "details with errors");
    await page.getByLabel(t.booking.nameLabel).fill("Leyla Əliyeva");
    await page.getByLabel(t.booking.phoneLabel).fill(c.phone);
    await page.getByLabel(t.booking.pinLabel).fill(c.pin);
    await page.getByRole("button", { name: t.booking.submit }).click();

    await heading(page, t.booking.confirmedHeading);
    await expectAccessible(page, "confirmation");
    const shown = (await page.locator(".appointment-code").textContent()) ?? "";
    // 10 characters (about 49.5 bits), shown as two groups of five.
    expect(shown).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    const code = shown.replace("-", "");
    const row = (await appointmentRows(test)).find((r) => r.code === code);
    expect(row).toMatchObject({
      status: "booked",
      language: c.language,
      service_id: service.id,
      citizen_name: "Leyla Əliyeva",
      citizen_phone: c.stored,
      citizen_pin: c.pin ? c.pin.toUpperCase() : null,
      ticket_id: null,
    });
    expect(row?.start.toISOString()).toBe(bakuInstant(c.date, c.time).toISOString());
    expect(await page.getByText(c.time, { exact: true }).count()).toBe(1);

    const ics = page.getByRole("link", { name: t.booking.addToCalendar });
    const file = await page.request.get(new URL((await ics.getAttribute("href")) ?? "", test.url).href);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toContain("text/calendar");
    expect(await file.text()).toContain("BEGIN:VEVENT");

    // Nothing personal stays in the browser; the QR code opens the booking's own page.
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    const manage = (await page.locator("figure.qr").getAttribute("data-manage-url")) ?? "";
    expect(manage).toBe(`${test.url}/kiosk/book/manage?code=${code}`);
    await page.goto(manage);
    await heading(page, t.manage.title);
    expect(await page.locator(".appointment-code").textContent()).toBe(shown);
    expect(await page.content()).not.toContain("Leyla Əliyeva");

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("the booking's own page", () => {
  it("finds a booking by a typed code, moves it, then cancels it after asking", async () => {
    const api = apiClient(test.app);
    const booked = await api.call<{ appointment: Appointment }>({
      method: "POST",
      url: "/api/v1/appointments",
      payload: {
        centreId: "BAKU-1",
        serviceId: service.id,
        start: bakuInstant("2026-11-27", "10:00").toISOString(),
        citizen: { name: "Rəşad Quliyev", phone: "0508887766" },
        language: "ru",
      },
    });
    expect(booked.status).toBe(201);
    const { code } = booked.body.appointment;
    const ru = DICTIONARIES.ru;
    const { context, page, errors } = await phonePage();

    await page.goto(`${test.url}/kiosk/book/manage`);
    await heading(page, DICTIONARIES.az.manage.lookupHeading);
    await expectAccessible(page, "lookup");
    await page.getByLabel(DICTIONARIES.az.booking.codeLabel).fill(formatAppointmentCode(code).toLowerCase());
    await page.getByRole("button", { name: DICTIONARIES.az.manage.find }).click();
    // The page now speaks the booking's language.
    await heading(page, ru.manage.title);
    await expectAccessible(page, "booking");
    expect(await page.content()).not.toContain("Rəşad Quliyev");

    await page.getByRole("button", { name: ru.manage.reschedule }).click();
    await heading(page, ru.booking.dayHeading);
    expect(await page.locator('[aria-selected="true"] [data-date]').getAttribute("data-date")).toBe(
      "2026-11-27",
    );
    await expectAccessible(page, "move: day");
    await page.locator('[data-date="2026-11-30"]').click();
    await heading(page, ru.booking.timeHeading);
    await page.getByRole("button", { name: /^12:00,/ }).click();
    await heading(page, ru.manage.moveHeading);
    await expectAccessible(page, "move: confirm");
    // The code alone does not move a booking: wrong digits of the phone are refused, the right ones move it.
    await page.getByLabel(ru.manage.phoneLast4Label).fill("1234");
    await page.getByRole("button", { name: ru.manage.move }).click();
    await page.getByText(ru.manage.phoneLast4Wrong).waitFor();
    await expectAccessible(page, "move: wrong digits");
    await page.getByLabel(ru.manage.phoneLast4Label).fill("7766");
    await page.getByRole("button", { name: ru.manage.move }).click();
    await page
      .getByRole("status")
      .filter({ hasText: ru.manage.moved("").slice(0, 10) })
      .waitFor();
    let row = (await appointmentRows(test)).find((r) => r.code === code);
    expect(row?.start.toISOString()).toBe(bakuInstant("2026-11-30", "12:00").toISOString());
    expect(row?.status).toBe("booked");

    await page.getByRole("button", { name: ru.manage.cancel }).click();
    await heading(page, ru.manage.cancelHeading);
    await expectAccessible(page, "cancel: confirm");
    await page.getByLabel(ru.manage.phoneLast4Label).fill("7766");
    await page.getByRole("button", { name: ru.manage.confirmCancel }).click();
    await page.getByRole("status").filter({ hasText: ru.manage.cancelled }).waitFor();
    row = (await appointmentRows(test)).find((r) => r.code === code);
    expect(row?.status).toBe("cancelled");
    await expectAccessible(page, "cancelled");

    // The browser notes the one refusal of the wrong digits; nothing else went wrong.
    expect(errors).toEqual([expect.stringContaining("status of 403")]);
    await context.close();
  });
});
