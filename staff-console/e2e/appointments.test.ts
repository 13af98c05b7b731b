// @vitest-environment node
import type { Appointment, Service } from "@dost/shared";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { FakeClock } from "../../server/test/support/clock.js";
import { assertConsoleBuilt, CENTRE, openConsole, signIn } from "./console.js";

// Monday 23 November 2026, 10:00 in Baku. The server runs on this clock; the browser on real time,
// so the screen is told the day rather than left on its own "today".
const DAY = "2026-11-23";
const clock = new FakeClock("2026-11-23T06:00:00Z");
let test: TestApp;
let browser: Browser;

beforeAll(async () => {
  assertConsoleBuilt();
  [test, browser] = await Promise.all([startTestApp({ listen: true, clock }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await test?.close();
});

const bakuClock = (instant: Date) =>
  new Intl.DateTimeFormat("en", {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "Asia/Baku",
  }).format(instant);

describe("the appointments screen", () => {
  it("shows a booking of the day, and its check-in live", async () => {
    const api = apiClient(test.app);
    const service = (await api.services(CENTRE)).find((s: Service) => s.appointmentEnabled);
    if (!service) throw new Error("the demo has no service taking appointments");
    const slots = (
      await api.call<{ slots: { start: string; available: number }[] }>({
        method: "GET",
        url: `/api/v1/centres/${CENTRE}/services/${service.id}/slots?date=${DAY}`,
      })
    ).body.slots;
    const slot = slots.find((s) => s.available > 0);
    if (!slot) throw new Error(`no free slot on ${DAY}`);
    const booked = await api.call<{ appointment: Appointment }>({
      method: "POST",
      url: "/api/v1/appointments",
      payload: {
        centreId: CENTRE,
        serviceId: service.id,
        start: slot.start,
        citizen: { name: "Leyla Əliyeva", phone: "+994501234567" },
      },
    });
    expect(booked.status).toBe(201);
    const { appointment } = booked.body;

    const { context, page, errors } = await openConsole(browser, test.url, { axe: true });
    await signIn(page, "staff.baku1.1");
    await page.getByRole("link", { name: "Appointments" }).click();
    await page.getByRole("heading", { name: /^Appointments on / }).waitFor();
    await page.getByLabel("Day").fill(DAY);
    await page.getByRole("table", { name: "Appointments on Mon, 23.11.2026" }).waitFor();
    // DAY is the server's today, and the console keeps the server's time (from each answer's Date
    // header), so the address names no day.
    expect(new URL(page.url()).search).toBe("");
    expect(await page.getByRole("link", { name: "Appointments" }).getAttribute("aria-current")).toBe("page");

    const row = page.locator(`tr[data-code="${appointment.code}"]`);
    await row.getByText("Booked, not checked in").waitFor();
    const code = `${appointment.code.slice(0, 5)}-${appointment.code.slice(5)}`;
    expect(await row.getByRole("rowheader").textContent()).toBe(code);
    expect(await row.getByRole("cell").allTextContents()).toEqual([
      bakuClock(new Date(slot.start)),
      service.name.en,
      "Leyla Əliyeva",
      "+994501234567",
      "Booked, not checked in",
    ]);
    expect(await page.locator('[data-count="booked"]').textContent()).toBe("Booked, not checked in: 1");
    expect(await seriousViolations(page)).toEqual([]);

    // The kiosk checks the citizen in, 20 minutes before the slot (the window opens 30 before).
    await page.getByText("Live updates are off").waitFor({ state: "hidden" });
    const checkInAt = new Date(Math.max(clock.now().getTime(), Date.parse(slot.start) - 20 * 60_000));
    clock.set(checkInAt);
    const checkedIn = await api.call({
      method: "POST",
      url: `/api/v1/centres/${CENTRE}/check-in`,
      auth: `Device demo-kiosk-${CENTRE}`,
      payload: { code: appointment.code },
    });
    expect(checkedIn.status).toBe(201);
    // Well under the one-minute poll: the centre's event brought it.
    await row.getByText(`Checked in at ${bakuClock(checkInAt)}`).waitFor({ timeout: 5000 });
    expect(await page.locator('[data-count="checked_in"]').textContent()).toBe("Checked in: 1");
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
