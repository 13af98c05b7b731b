// @vitest-environment node
import type { Issuing, Service } from "@dost/shared";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { FakeClock } from "../../server/test/support/clock.js";
import { DICTIONARIES } from "../src/i18n/i18n.js";
import { openingDay, openingTime } from "../src/i18n/opening.js";
import { assertKioskBuilt, openKiosk, smallTargets, confirmDocuments } from "./kiosk-support.js";

/** Tuesday 24 November 2026, 10:00 in Baku. */
const WORKING_MORNING = "2026-11-24T06:00:00.000Z";
const BAKU = "Asia/Baku";
const clock = new FakeClock(WORKING_MORNING);
let test: TestApp;
let browser: Browser;

beforeAll(async () => {
  assertKioskBuilt();
  [test, browser] = await Promise.all([startTestApp({ listen: true, clock }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await test?.close();
});

async function catalogue(): Promise<{ services: Service[]; issuing: Issuing }> {
  const res = await fetch(`${test.url}/api/v1/centres/BAKU-1/services`);
  const body = (await res.json()) as { services: Service[]; issuing?: Issuing };
  if (!body.issuing) throw new Error("the services answer has no issuing state");
  return { services: body.services, issuing: body.issuing };
}

describe("the kiosk outside the centre's hours, against the real server", () => {
  it("shows when the centre opens instead of the services, in Russian, accessibly", async () => {
    clock.set("2026-11-24T18:00:00.000Z"); // 22:00 in Baku
    const { issuing } = await catalogue();
    expect(issuing.open).toBe(false);
    const opensAt = new Date(issuing.opensAt ?? "");
    const ru = DICTIONARIES.ru;
    const { context, page, errors } = await openKiosk(browser, test.url, undefined, {
      axe: true,
      serverClock: true,
    });
    await page.getByRole("heading", { level: 1, name: DICTIONARIES.az.closedHeading }).waitFor();
    await page.getByRole("button", { name: ru.languageName }).click();
    await page.getByRole("heading", { level: 1, name: ru.closedHeading }).waitFor();
    const expected = ru.opensAt(openingDay(opensAt, clock.now(), BAKU), openingTime(opensAt, BAKU));
    expect(expected).toBe("Откроемся завтра в 09:00");
    await page.getByText(expected).waitFor();
    expect(await page.locator(".service-button").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the closed screen when issuing closes while a visitor chooses", async () => {
    clock.set(WORKING_MORNING);
    const { services, issuing } = await catalogue();
    const [service] = services;
    if (!service || !issuing.lastTicketAt) throw new Error("BAKU-1 is not issuing on a working morning");
    const en = DICTIONARIES.en;
    const { context, page, errors } = await openKiosk(browser, test.url, undefined, { serverClock: true });
    await page.getByRole("button", { name: en.languageName }).click();
    await page.getByRole("button", { name: new RegExp(service.name.en) }).click();
    await confirmDocuments(page, en);
    // The last-ticket time passes while the visitor reads the priority question.
    clock.set(new Date(Date.parse(issuing.lastTicketAt) + 60_000));
    await page.getByRole("button", { name: en.priorityNo, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: en.closedHeading }).waitFor();
    await page.getByText("We open tomorrow at 09:00").waitFor();
    expect(await page.getByText("not taking tickets").count()).toBe(0);
    expect(errors.filter((e) => !e.includes("409"))).toEqual([]);
    await context.close();
  });
});
