// @vitest-environment node
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { messages } from "../src/i18n/messages.js";
import { assertDisplayBuilt } from "./hall.js";

let test: TestApp;
let browser: Browser;

beforeAll(async () => {
  assertDisplayBuilt();
  [test, browser] = await Promise.all([startTestApp({ listen: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await test?.close();
});

describe("a display paired with a one-time code", () => {
  it("opened at its pairing link, shows the hall with no code or key in the address; the link works once", async () => {
    const api = apiClient(test.app);
    const manager = await api.login("manager.baku1");
    const created = await api.call<{ device: { id: string } }>({
      method: "POST",
      url: "/api/v1/admin/centres/BAKU-1/devices",
      auth: manager.auth,
      payload: { kind: "display", label: "Hall display (paired)" },
    });
    const { body } = await api.call<{ code: string; pairingUrl: string }>({
      method: "POST",
      url: `/api/v1/admin/devices/${created.body.device.id}/pairing-code`,
      auth: manager.auth,
    });
    expect(body.pairingUrl).toBe(`/display/?pair=${body.code}`);

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${test.url}${body.pairingUrl}&lang=en`);
    await page.locator('.hall-main[aria-busy="false"]').waitFor();
    expect(await page.locator("h1.centre-name").textContent()).toMatch(/Baku/);
    const key = await page.evaluate(() => localStorage.getItem("dost.display.deviceKey"));
    expect(key).toMatch(/.{16,}/);
    const href = await page.evaluate(() => window.location.href);
    expect(href).toBe(`${test.url}/display/?lang=en`);
    expect(href).not.toContain(key ?? "?");
    await context.close();

    // The same link on another screen: the code is spent.
    const again = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    const second = await again.newPage();
    await second.goto(`${test.url}${body.pairingUrl}&lang=ru`);
    await second.getByRole("alert").filter({ hasText: messages.ru.codeRefused }).waitFor();
    expect(await seriousViolations(second)).toEqual([]);
    expect(await second.evaluate(() => window.location.href)).toBe(`${test.url}/display/?lang=ru`);
    await again.close();
  });
});
