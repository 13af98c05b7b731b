// @vitest-environment node
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { DICTIONARIES } from "../src/i18n/i18n.js";
import {
  KIOSK_KEY,
  assertKioskBuilt,
  openKiosk,
  smallTargets,
  ticketRows,
  confirmDocuments,
} from "./kiosk-support.js";

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

const az = DICTIONARIES.az;
const startHeading = (page: Page) => page.getByRole("heading", { level: 1, name: az.startHeading });
const ticketHeading = (page: Page) => page.getByRole("heading", { level: 1, name: az.ticketHeading });

async function toPriorityQuestion(page: Page) {
  await startHeading(page).waitFor();
  await page.locator(".service-button").first().click();
  await confirmDocuments(page, az);
  await page.getByRole("heading", { level: 1, name: az.priorityHeading }).waitFor();
}

describe("pairing", () => {
  it("asks for a key when it has none, refuses a wrong one, and remembers a good one", async () => {
    const { context, page, errors } = await openKiosk(browser, test.url, null, { axe: true });
    await page.getByRole("heading", { level: 1, name: az.pairingTitle }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${test.url}/kiosk/?key=not-a-real-key`);
    await page.getByText(az.pairingRefused).waitFor();
    expect(new URL(page.url()).search).toBe("");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await page.getByLabel(az.deviceKeyLabel).fill(KIOSK_KEY);
    await page.getByRole("button", { name: az.pairWithKey }).click();
    await startHeading(page).waitFor();
    await page.reload();
    await startHeading(page).waitFor();
    // The refused key's 401 is the only error the console may show.
    expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
    await context.close();
  });

  it("does not accept a hall display's key", async () => {
    const { context, page } = await openKiosk(browser, test.url, "demo-display-BAKU-1");
    await page.getByText(az.pairingNotKiosk).waitFor();
    await context.close();
  });
});

describe("a visitor who walks away", () => {
  it("leaves the kiosk back at the start after 30 s without a touch", async () => {
    const { context, page } = await openKiosk(browser, test.url);
    await page.clock.install();
    await page.reload();
    await startHeading(page).waitFor();
    await page.getByRole("button", { name: "English" }).click();
    await page.locator(".service-button").first().click();
    await confirmDocuments(page, DICTIONARIES.en);
    const question = page.getByRole("heading", { level: 1, name: DICTIONARIES.en.priorityHeading });
    await question.waitFor();

    await page.clock.runFor(29_000);
    expect(await question.isVisible()).toBe(true);
    await page.clock.runFor(2_000);
    await startHeading(page).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("az");
    await context.close();
  });
});

describe("when the server cannot be reached", () => {
  it("says so at start-up and recovers with Retry", async () => {
    const { context, page } = await openKiosk(browser, test.url, null);
    await page.evaluate((key) => localStorage.setItem("dost.kiosk.deviceKey", key), KIOSK_KEY);
    await page.route("**/api/**", (route) => route.abort("internetdisconnected"));
    await page.reload();
    await page.getByRole("heading", { level: 1, name: az.unreachableTitle }).waitFor();
    await page.unroute("**/api/**");
    await page.getByRole("button", { name: az.retry }).click();
    await startHeading(page).waitFor();
    await context.close();
  });

  it("says so when issuing, and Retry then issues exactly one ticket", async () => {
    const before = (await ticketRows(test)).length;
    const { context, page } = await openKiosk(browser, test.url, KIOSK_KEY, { axe: true });
    await toPriorityQuestion(page);
    await page.route("**/api/**", (route) => route.abort("internetdisconnected"));
    await page.getByRole("button", { name: az.priorityNo, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: az.unreachableTitle }).waitFor();
    expect(await page.getByText(az.issueFailedText).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await page.unroute("**/api/**");
    await page.getByRole("button", { name: az.retry }).click();
    await ticketHeading(page).waitFor();
    expect(await ticketRows(test)).toHaveLength(before + 1);
    await context.close();
  });

  it("issues one ticket when the answer is lost on the way back and the visitor retries", async () => {
    const before = (await ticketRows(test)).length;
    const { context, page } = await openKiosk(browser, test.url);
    await toPriorityQuestion(page);
    // The request reaches the server, which issues the ticket; the kiosk never hears the answer.
    await page.route("**/tickets", async (route) => {
      await route.fetch();
      await route.abort("connectionreset");
    });
    await page.getByRole("button", { name: az.priorityNo, exact: true }).click();
    await page.getByRole("button", { name: az.retry }).waitFor();
    expect(await ticketRows(test)).toHaveLength(before + 1);

    await page.unroute("**/tickets");
    await page.getByRole("button", { name: az.retry }).click();
    await ticketHeading(page).waitFor();
    const rows = await ticketRows(test);
    expect(rows).toHaveLength(before + 1);
    expect(await page.locator(".ticket-code").textContent()).toBe(rows.at(-1)?.code);
    await context.close();
  });
});

describe("a double tap", () => {
  it("issues one ticket", async () => {
    const before = (await ticketRows(test)).length;
    const { context, page } = await openKiosk(browser, test.url);
    await toPriorityQuestion(page);
    // Slow the answer down, as a busy network would, so the taps land while the first is in flight.
    await page.route("**/tickets", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    let posts = 0;
    page.on("request", (request) => {
      if (request.method() === "POST") posts += 1;
    });
    await page.getByRole("button", { name: az.priorityNo, exact: true }).dblclick();
    // And a tap on every choice within the same task, before the screen can change.
    await page.evaluate(() => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>(".priority-choices button")];
      for (const button of [...buttons, ...buttons]) button.click();
    });
    await ticketHeading(page).waitFor();
    expect(posts).toBe(1);
    expect(await ticketRows(test)).toHaveLength(before + 1);
    await context.close();
  });
});
