// @vitest-environment node
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { DICTIONARIES } from "../src/i18n/i18n.js";
import { assertKioskBuilt, confirmDocuments, openKiosk } from "./kiosk-support.js";

let test: TestApp;
let browser: Browser;

beforeAll(async () => {
  assertKioskBuilt();
  [test, browser] = await Promise.all([startTestApp({ listen: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await test?.close();
});

/** What a manager does in the console's Devices screen, through the API: a new kiosk and its code. */
async function newKioskPairingCode(): Promise<{ code: string; pairingUrl: string }> {
  const api = apiClient(test.app);
  const manager = await api.login("manager.baku1");
  const created = await api.call<{ device: { id: string } }>({
    method: "POST",
    url: "/api/v1/admin/centres/BAKU-1/devices",
    auth: manager.auth,
    payload: { kind: "kiosk", label: "Entrance kiosk (paired)" },
  });
  expect(created.status).toBe(201);
  const pairing = await api.call<{ code: string; pairingUrl: string }>({
    method: "POST",
    url: `/api/v1/admin/devices/${created.body.device.id}/pairing-code`,
    auth: manager.auth,
  });
  expect(pairing.status).toBe(200);
  return pairing.body;
}

describe("a kiosk paired with a one-time code", () => {
  it("opened at its pairing link, trades the code for a key, forgets the link, and issues", async () => {
    const { code, pairingUrl } = await newKioskPairingCode();
    expect(pairingUrl).toBe(`/kiosk/?pair=${code}`);

    const { context, page, errors } = await openKiosk(browser, test.url, null);
    const addresses: string[] = [];
    page.on("framenavigated", (frame) => addresses.push(frame.url()));
    await page.goto(`${test.url}${pairingUrl}`);
    await page.getByRole("heading", { level: 1, name: DICTIONARIES.az.startHeading }).waitFor();

    const key = await page.evaluate(() => localStorage.getItem("dost.kiosk.deviceKey"));
    expect(key).toMatch(/.{16,}/);
    expect(key).not.toBe(code);
    const href = await page.evaluate(() => window.location.href);
    expect(href).toBe(`${test.url}/kiosk/`);
    for (const secret of [code, key ?? "?"]) {
      expect(href).not.toContain(secret);
      expect(page.url()).not.toContain(secret);
    }

    await page.locator(".service-button").first().click();
    await confirmDocuments(page, DICTIONARIES.az);
    await page.getByRole("button", { name: DICTIONARIES.az.priorityNo, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: DICTIONARIES.az.ticketHeading }).waitFor();
    const ticketCode = (await page.locator(".ticket-code").textContent()) ?? "";
    expect(ticketCode).toMatch(/^[A-Z]{1,3}\d{3}$/);
    // Through the API rather than SQL, so the test runs on PGlite as well as PostgreSQL.
    const api = apiClient(test.app);
    const listed = await api.call<{ tickets: { code: string; status: string }[] }>({
      method: "GET",
      url: "/api/v1/centres/BAKU-1/tickets",
      auth: (await api.login("manager.baku1")).auth,
    });
    expect(listed.body.tickets.filter((t) => t.code === ticketCode)).toEqual([
      expect.objectContaining({ code: ticketCode, status: "waiting" }),
    ]);
    // The page was loaded once with the code; no later address held it, nor ever the key.
    expect(addresses.filter((a) => a.includes(code))).toHaveLength(1);
    expect(addresses.filter((a) => key !== null && a.includes(key))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();

    // The same link again: the code was used up; the kiosk says so, in each language.
    const again = await openKiosk(browser, test.url, null, { axe: true });
    await again.page.goto(`${test.url}${pairingUrl}`);
    for (const language of ["az", "ru", "en"] as const) {
      const t = DICTIONARIES[language];
      await again.page.getByRole("button", { name: t.languageName }).click();
      await again.page.getByRole("alert").filter({ hasText: t.pairingCodeRefused }).waitFor();
      expect(await seriousViolations(again.page)).toEqual([]);
    }
    expect(await again.page.evaluate(() => window.location.href)).toBe(`${test.url}/kiosk/`);
    expect(await again.page.evaluate(() => localStorage.getItem("dost.kiosk.deviceKey"))).toBeNull();
    await again.context.close();
  });

  it("pairs with the six digits typed on its keypad", async () => {
    const { code } = await newKioskPairingCode();
    const { context, page, errors } = await openKiosk(browser, test.url, null, { axe: true });
    await page.getByRole("heading", { level: 1, name: DICTIONARIES.az.pairingTitle }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const keypad = page.getByRole("group", { name: DICTIONARIES.az.pairingKeypad });
    for (const digit of code) await keypad.getByRole("button", { name: digit, exact: true }).click();
    await page.getByRole("button", { name: DICTIONARIES.az.pair, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: DICTIONARIES.az.startHeading }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem("dost.kiosk.deviceKey"))).not.toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });
});
