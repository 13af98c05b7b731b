// @vitest-environment node
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
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

describe("a display that loses its connection", () => {
  it("shows the offline badge when cut off and, back online, the calls it missed", async () => {
    const { context, page } = await openDisplay(browser, test.url);
    const { api, auth, counter, ticket } = await counterWithWaitingTicket(test, "staff.baku1.1", "3");

    const cutAt = Date.now();
    await context.setOffline(true);
    await page.locator(".offline-badge").waitFor({ timeout: 10_000 });
    const badgeAfter = Date.now() - cutAt;

    await api.callNext(counter.id, auth);
    await page.waitForTimeout(1_500);
    expect(await page.locator(`[data-code="${ticket.code}"]`).count()).toBe(0);

    const backAt = Date.now();
    await context.setOffline(false);
    await page.locator(`.now-call[data-code="${ticket.code}"]`).waitFor({ timeout: 15_000 });
    const caughtUpAfter = Date.now() - backAt;
    await page.locator(".offline-badge").waitFor({ state: "detached" });
    console.log(
      `offline badge after ${badgeAfter} ms; missed call shown ${caughtUpAfter} ms after the network returned`,
    );
    await context.close();
  });

  it("reconnects by itself when the server drops it (a restart) and catches up, without a badge", async () => {
    const { context, page } = await openDisplay(browser, test.url);
    const { api, auth, counter, ticket } = await counterWithWaitingTicket(test, "staff.baku1.2", "4");
    const centreId = ticket.centreId;
    const droppedAt = Date.now();
    test.app.io.in(`centre:${centreId}:display`).disconnectSockets(true);
    // Called while the display is away: it can only learn of it from display-state.
    await api.callNext(counter.id, auth);
    await page.locator(`.now-call[data-code="${ticket.code}"]`).waitFor({ timeout: 5_000 });
    console.log(`server-dropped display showed the missed call after ${Date.now() - droppedAt} ms`);
    // A blip shorter than the grace period does not alarm the hall.
    expect(await page.locator(".offline-badge").count()).toBe(0);
    // A call this recent is still announced after the catch-up.
    await page.waitForFunction(() => window.__speech.length >= 3, undefined, { timeout: 10_000 });
    await context.close();
  });
});
