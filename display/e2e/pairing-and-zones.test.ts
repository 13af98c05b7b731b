// @vitest-environment node
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { assertDisplayBuilt, counterWithWaitingTicket, openDisplay } from "./hall.js";

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

describe("pairing", () => {
  it("remembers the key from the address, drops it from the address bar and keeps the other parameters", async () => {
    const { context, page } = await openDisplay(browser, test.url, { query: { zone: "ground", lang: "en" } });
    const url = new URL(page.url());
    expect(url.searchParams.has("key")).toBe(false);
    expect(url.searchParams.get("zone")).toBe("ground");
    expect(url.searchParams.get("lang")).toBe("en");
    expect(await page.evaluate(() => localStorage.getItem("dost.display.deviceKey"))).toBe(
      "demo-display-BAKU-1",
    );
    expect(await page.locator("h1.centre-name").textContent()).toMatch(/Baku/);

    // Switched off and on again: no key in the address, still paired.
    await page.goto(`${test.url}/display/?lang=en`);
    await page.locator('.hall-main[aria-busy="false"]').waitFor();
    await context.close();
  });

  it("asks for a key when it has none, says when one is refused, and pairs with a good one", async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${test.url}/display/?lang=en`);
    await page.getByLabel("Pairing code or device key").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Pairing code or device key").fill("not-a-key");
    await page.getByRole("button", { name: "Pair" }).click();
    await page.getByRole("alert").filter({ hasText: "refused" }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem("dost.display.deviceKey"))).toBeNull();

    await page.getByLabel("Pairing code or device key").fill("demo-kiosk-BAKU-1");
    await page.getByRole("button", { name: "Pair" }).click();
    await page.getByRole("alert").filter({ hasText: "does not belong to a hall display" }).waitFor();

    await page.getByLabel("Pairing code or device key").fill("demo-display-SUMGAYIT");
    await page.getByRole("button", { name: "Pair" }).click();
    await page.locator('.hall-main[aria-busy="false"]').waitFor();
    expect(await page.locator("h1.centre-name").textContent()).toMatch(/Sumgayit|Sumqayıt/);
    await context.close();
  });
});

describe("zones", () => {
  it("shows only the calls of its own zone, live and after a reload", async () => {
    const { context, page } = await openDisplay(browser, test.url, { query: { zone: "first" } });
    const ground = await counterWithWaitingTicket(test, "staff.baku1.3", "2");
    const first = await counterWithWaitingTicket(test, "staff.baku1.4", "14");
    await ground.api.callNext(ground.counter.id, ground.auth);
    await first.api.callNext(first.counter.id, first.auth);
    // Events arrive in order on one socket: once the first-floor call is shown, the ground-floor
    // one has been received and must have been left out.
    await page.locator(`.now-call[data-code="${first.ticket.code}"]`).waitFor({ timeout: 1_000 });
    expect(await page.locator(`[data-code="${ground.ticket.code}"]`).count()).toBe(0);

    await page.reload();
    await page.locator('.hall-main[aria-busy="false"]').waitFor();
    expect(await page.locator(`.now-call[data-code="${first.ticket.code}"]`).count()).toBe(1);
    expect(await page.locator(`[data-code="${ground.ticket.code}"]`).count()).toBe(0);

    // The ground floor's screen shows its own call, and not the first floor's.
    const groundScreen = await openDisplay(browser, test.url, { query: { zone: "ground" } });
    expect(await groundScreen.page.locator(`.now-call[data-code="${ground.ticket.code}"]`).count()).toBe(1);
    expect(await groundScreen.page.locator(`[data-code="${first.ticket.code}"]`).count()).toBe(0);
    await groundScreen.context.close();
    await context.close();
  });
});
