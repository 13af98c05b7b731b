// @vitest-environment node
import type { Service } from "@dost/shared";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, WORKING_MORNING, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { FakeClock } from "../../server/test/support/clock.js";
import { assertConsoleBuilt, CENTRE, issueTickets, openConsole, signIn } from "./console.js";

const clock = new FakeClock(WORKING_MORNING);
let test: TestApp;
let browser: Browser;
let services: Service[];

beforeAll(async () => {
  assertConsoleBuilt();
  [test, browser] = await Promise.all([startTestApp({ listen: true, clock }), launchBrowser()]);
  services = await apiClient(test.app).services(CENTRE);
});

afterAll(async () => {
  await browser?.close();
  await test?.close();
});

describe("the manager's alert tray and staffing chart, in Chromium", () => {
  it("shows an alert the server raises, live, with its suggested action, accessibly", async () => {
    const { context, page, errors } = await openConsole(browser, test.url, { axe: true });
    await signIn(page, "manager.baku1");
    await page.getByRole("link", { name: "Monitoring" }).click();
    await page.getByRole("heading", { name: "Queues by service" }).waitFor();
    await page.getByText("Live updates are off").waitFor({ state: "hidden" });
    await page.getByText("No open alerts: every queue looks fine.").waitFor();
    await page.getByRole("figure", { name: "Counters needed and counters open, by the hour" }).waitFor();

    // Someone waits for a service no open counter serves, past the minute's grace.
    const service = services[0]!;
    await issueTickets(test, service, 1);
    clock.advance(61_000);
    await test.app.alerts.tick();
    const item = page.locator('.alert-item[data-kind="service_uncovered"]');
    await item.waitFor();
    expect(await item.textContent()).toContain(
      `${service.name.en} (${service.prefix}): no open counter serves it`,
    );
    expect(await item.locator(".alert-suggestion").textContent()).toMatch(/^Suggested: \S/);
    expect(await seriousViolations(page)).toEqual([]);

    // The mute toggle works from the keyboard.
    const mute = page.getByRole("button", { name: "Mute the alert sound" });
    await mute.focus();
    await page.keyboard.press("Enter");
    expect(await mute.getAttribute("aria-pressed")).toBe("true");
    expect(errors).toEqual([]);
    await context.close();
  });
});
