// @vitest-environment node
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { startSmsProvider, type SmsProvider } from "../../server/test/support/sms-provider.js";
import { DICTIONARIES } from "../src/i18n/i18n.js";
import { KIOSK_KEY, assertKioskBuilt, openKiosk, smallTargets } from "./kiosk-support.js";

/**
 * A visitor enters a phone at the kiosk on the keypad and with the keyboard: the screen shows only
 * the last two digits, the ticket is issued with the number, and the "come to counter" text reaches
 * the local HTTP provider in the visitor's language when the ticket is called.
 */
let test: TestApp;
let browser: Browser;
let provider: SmsProvider;

beforeAll(async () => {
  assertKioskBuilt();
  provider = await startSmsProvider();
  [test, browser] = await Promise.all([
    startTestApp({
      listen: true,
      env: { SMS_HTTP_URL: provider.url, TURN_NEAR_POSITION: "0", TURN_NEAR_MINUTES: "0" },
    }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await test?.close();
  await provider?.close();
});

describe("the phone step at the kiosk", () => {
  it("takes a number, masks it, and the visitor is texted when called", async () => {
    const t = DICTIONARIES.ru;
    const { context, page, errors } = await openKiosk(browser, test.url, KIOSK_KEY, { axe: true });
    await page.getByRole("heading", { level: 1, name: DICTIONARIES.az.startHeading }).waitFor();
    await page.getByRole("button", { name: t.languageName }).click();
    await page.getByRole("heading", { level: 1, name: t.startHeading }).waitFor();
    const services = await test.app.inject({ method: "GET", url: "/api/v1/centres/BAKU-1/services" });
    const pension = (
      services.json() as { services: { id: string; code: string; name: { ru: string } }[] }
    ).services.find((s) => s.code === "PEN-AGE")!;
    await page.getByRole("button", { name: pension.name.ru }).click();
    await page.getByRole("heading", { level: 1, name: t.bring.heading }).waitFor();
    await page.getByRole("button", { name: t.bring.continue, exact: true }).click();

    await page.getByRole("heading", { level: 1, name: t.phone.heading }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    const keypad = page.getByRole("group", { name: t.phone.keypad });
    for (const digit of "0551234") await keypad.getByRole("button", { name: digit, exact: true }).click();
    // The rest from a physical keypad.
    await page.keyboard.type("567");
    const shown = page.getByTestId("phone-number");
    expect(await shown.textContent()).toBe("+994 •• ••• •• 67");
    expect(await page.locator("body").innerText()).not.toContain("5512");
    await page.getByRole("button", { name: t.phone.use, exact: true }).click();

    await page.getByRole("button", { name: t.priorityNo, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: t.ticketHeading }).waitFor();
    expect(await page.locator("body").innerText()).not.toContain("1234");

    // A counter calls it: the text arrives, in Russian.
    const login = await test.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "staff.baku1.1", password: "dost-demo" },
    });
    const auth = `Bearer ${(login.json() as { token: string }).token}`;
    const counters = await test.app.inject({
      method: "GET",
      url: "/api/v1/centres/BAKU-1/counters",
      headers: { authorization: auth },
    });
    const counter = (counters.json() as { counters: { id: string; label: string }[] }).counters[0]!;
    await test.app.inject({
      method: "POST",
      url: `/api/v1/counters/${counter.id}/open`,
      headers: { authorization: auth },
      payload: {},
    });
    const called = await test.app.inject({
      method: "POST",
      url: `/api/v1/counters/${counter.id}/call-next`,
      headers: { authorization: auth },
    });
    expect(called.statusCode).toBe(200);
    const expected = `DOST: ${(called.json() as { ticket: { code: string } }).ticket.code} — подойдите: окно ${counter.label}.`;
    const mine = () =>
      provider.requests
        .map((r) => JSON.parse(r.body) as { to: string; text: string })
        .filter((m) => m.to.endsWith("551234567"))
        .map((m) => m.text);
    for (let n = 1; !mine().includes(expected); n += 1) await provider.waitForRequests(n);
    expect(mine().filter((text) => text === expected)).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
