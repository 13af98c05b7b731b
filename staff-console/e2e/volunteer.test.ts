// @vitest-environment node
import type { Appointment, AuditEvent, Service } from "@dost/shared";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ticketContacts } from "../../server/src/db/schema.js";
import { createAccount, TEST_PASSWORD } from "../../server/test/support/accounts.js";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { FakeClock } from "../../server/test/support/clock.js";
import { findServices } from "../src/volunteer/find-service.js";
import { assertConsoleBuilt, CENTRE, openConsole, signIn } from "./console.js";

// Monday 23 November 2026, 08:00 in Baku: the appointment is booked for Tuesday, then the server's
// clock moves to Tuesday morning, when the volunteer works the door.
const clock = new FakeClock("2026-11-23T04:00:00Z");
const TUESDAY = "2026-11-24";
let test: TestApp;
let browser: Browser;
let appointment: Appointment;

beforeAll(async () => {
  assertConsoleBuilt();
  [test, browser] = await Promise.all([startTestApp({ listen: true, clock }), launchBrowser()]);
  const api = apiClient(test.app);
  const bookable = (await api.services(CENTRE)).find((s: Service) => s.appointmentEnabled)!;
  const slots = (
    await api.call<{ slots: { start: string; available: number }[] }>({
      method: "GET",
      url: `/api/v1/centres/${CENTRE}/services/${bookable.id}/slots?date=${TUESDAY}`,
    })
  ).body.slots;
  const slot = slots.find((s) => s.available > 0 && s.start >= `${TUESDAY}T07:00`)!;
  const booked = await api.call<{ appointment: Appointment }>({
    method: "POST",
    url: "/api/v1/appointments",
    payload: {
      centreId: CENTRE,
      serviceId: bookable.id,
      start: slot.start,
      citizen: { name: "Leyla Əliyeva", phone: "+994501234567" },
    },
  });
  expect(booked.status).toBe(201);
  appointment = booked.body.appointment;
  // Twenty minutes before the slot: inside the check-in window.
  clock.set(new Date(Date.parse(slot.start) - 20 * 60_000));
  const admin = (await api.login("admin")).auth;
  await createAccount(api, admin, { username: "volunteer.e2e", role: "volunteer", centreId: CENTRE });
});

afterAll(async () => {
  await browser?.close();
  await test?.close();
});

describe("the volunteer's tablet", () => {
  it("finds a service by a Russian word, issues with a confirmed priority, and checks in by code", async () => {
    const api = apiClient(test.app);
    const services = await api.services(CENTRE);
    const pensions = findServices(services, "пенсии");
    expect(pensions.length).toBeGreaterThan(0);
    const service = pensions[0]!;

    const { context, page, errors } = await openConsole(browser, test.url, { axe: true });
    await signIn(page, "volunteer.e2e", TEST_PASSWORD);
    // A print dialog would block the page: count the calls instead.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    // The tablet, not the counter desk: no counter to open, no navigation to other screens.
    await page.getByRole("heading", { name: "A ticket for a visitor" }).waitFor();
    expect(await page.getByRole("heading", { name: "Open a counter" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Monitoring" }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("What does the visitor need? Words in any language").fill("пенсии");
    const options = page.getByRole("group", { name: "Services found" }).getByRole("radio");
    await expect.poll(() => options.count()).toBe(pensions.length);
    await page.getByRole("radio", { name: service.name.en }).check();

    await page.getByRole("radio", { name: "Person with a disability" }).check();
    const issue = page.getByRole("button", { name: "Issue the ticket" });
    expect(await issue.isDisabled()).toBe(true);
    await page.getByRole("checkbox", { name: "I confirmed this with the person" }).check();
    await page.getByRole("radio", { name: "Русский" }).check();
    // A visitor who steps outside gets a text: the number goes with the ticket, never shown back.
    await page.getByLabel("Visitor's mobile number (optional)").fill("+994 50 123 45 67");
    await issue.click();

    await page.getByRole("heading", { name: "The visitor's ticket" }).waitFor();
    const code = (await page.getByTestId("ticket-code").textContent())!;
    expect(code).toMatch(new RegExp(`^${service.prefix}\\d{3}$`));
    await page.getByText("Person with a disability").waitFor();
    expect(await page.getByText("45 67").count()).toBe(0);
    const [contact] = await test.db.database.db.select().from(ticketContacts);
    expect(contact?.phone).toMatch(/1234567$/);
    const qr = page.locator("figure.volunteer-qr");
    expect(await qr.getAttribute("data-status-url")).toMatch(/\/kiosk\/t\/[A-Za-z0-9_-]{22}$/);
    expect(await qr.locator("svg").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Print the ticket" }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // On paper: only the ticket, without the tablet's bar and buttons.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("button", { name: "Sign out" }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Next visitor" }).isVisible()).toBe(false);
    expect(await page.getByTestId("ticket-code").isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });

    const ticket = (
      await api.call<{ tickets: { code: string; priority: string; language: string }[] }>({
        method: "GET",
        url: `/api/v1/centres/${CENTRE}/tickets?status=waiting`,
        auth: (await api.login("staff.baku1.1")).auth,
      })
    ).body.tickets.find((t) => t.code === code);
    expect(ticket).toMatchObject({ priority: "disability", language: "ru" });

    // An appointment's code, typed as the visitor reads it out.
    await page.getByRole("button", { name: "Next visitor" }).click();
    await page.getByLabel("Appointment code").fill(appointment.code.toLowerCase());
    await page.getByRole("button", { name: "Check in", exact: true }).click();
    await page.getByRole("heading", { name: "The visitor's ticket" }).waitFor();
    const checkedIn = (await page.getByTestId("ticket-code").textContent())!;
    expect(checkedIn).not.toBe(code);

    // A code nobody booked is refused in the volunteer's words.
    await page.getByRole("button", { name: "Next visitor" }).click();
    await page.getByLabel("Appointment code").fill("ZZZZ9999");
    await page.getByRole("button", { name: "Check in", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "No appointment has this code" }).waitFor();

    const admin = (await api.login("admin")).auth;
    const kinds = (
      await api.call<{ events: AuditEvent[] }>({
        method: "GET",
        url: "/api/v1/admin/audit?actor=volunteer.e2e&limit=10",
        auth: admin,
      })
    ).body.events.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["volunteer.ticket_issued", "volunteer.checked_in"]));
    expect(errors).toEqual([]);
    await context.close();
  });
});
