// @vitest-environment node
import type { Page } from "playwright-core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipPhone } from "../../kiosk/e2e/kiosk-support.js";
import { DICTIONARIES as KIOSK_WORDS } from "../../kiosk/src/i18n/i18n.js";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { assertConsoleBuilt, openConsole, signIn } from "./console.js";

let test: TestApp;
let browser: Browser;

beforeAll(async () => {
  assertConsoleBuilt();
  [test, browser] = await Promise.all([startTestApp({ listen: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await test?.close();
});

const NEW_CENTRE = "SUMQAYIT-9";
const NEW_SERVICE = { code: "E2E-LICENCE", prefix: "ZZQ", en: "Fishing licence" };

async function goTo(page: Page, screen: string) {
  await page
    .getByRole("navigation", { name: "Administration screens" })
    .getByRole("link", { name: screen })
    .click();
  await page.getByRole("heading", { level: 2, name: screen }).first().waitFor();
}

async function fillTrilingual(page: Page, group: string, text: string) {
  const fields = page.getByRole("group", { name: group, exact: true });
  for (const language of ["Azerbaijani", "Russian", "English"])
    await fields
      .getByLabel(language, { exact: true })
      .fill(`${text}${language === "English" ? "" : ` (${language.slice(0, 2)})`}`);
}

describe("an admin sets up a new centre from nothing through the screens", () => {
  it("centre, a service offered, a counter, a staff user and a kiosk; the kiosk pairs and a visitor takes a ticket; the employee replaces the temporary password", async () => {
    const { context, page, errors } = await openConsole(browser, test.url, { axe: true });
    await signIn(page, "admin");
    const started = Date.now();
    const axeOn: Record<string, unknown[]> = {};
    const check = async (screen: string) => {
      axeOn[screen] = await seriousViolations(page);
    };

    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByRole("heading", { level: 2, name: "Centres" }).waitFor();
    await check("centres");

    // The centre, with the default week (a lunch break 13:00–14:00) and Saturday morning added.
    await page.getByRole("button", { name: "New centre" }).click();
    await page.getByLabel("Code", { exact: true }).fill(NEW_CENTRE);
    await fillTrilingual(page, "Name", "Sumqayit 9");
    const saturday = page.getByRole("group", { name: "Saturday" });
    await saturday.getByRole("button", { name: "Add a period on Saturday" }).click();
    await saturday.getByLabel("Saturday, period 1, opens").fill("10:00");
    await saturday.getByLabel("Saturday, period 1, closes").fill("14:00");
    await check("centre form");
    await page.getByRole("button", { name: "Create the centre" }).click();
    await page.getByText(`Centre ${NEW_CENTRE} saved.`).waitFor();

    // A new service in the catalogue, with a three-letter prefix.
    await goTo(page, "Service catalogue");
    await check("catalogue");
    await page.getByRole("button", { name: "New service" }).click();
    await page.getByLabel("Code", { exact: true }).fill(NEW_SERVICE.code);
    await page.getByLabel("Prefix", { exact: true }).fill(NEW_SERVICE.prefix);
    await fillTrilingual(page, "Name", NEW_SERVICE.en);
    await page.getByLabel("Category", { exact: true }).fill("licences");
    await page.getByRole("button", { name: "Create the service" }).click();
    await page.getByText(`Service ${NEW_SERVICE.code} saved.`).waitFor();

    // The new centre (chosen when it was created) offers it.
    await goTo(page, "Services offered");
    expect(await page.getByLabel("Centre being set up:").inputValue()).not.toBe("");
    await page.getByRole("searchbox", { name: "Search" }).fill("fishing");
    await page.getByRole("checkbox", { name: `Offer ${NEW_SERVICE.en}` }).check();
    await check("offer");
    await page.getByRole("button", { name: "Save what this centre offers" }).click();
    await page.getByText("Offered here: 1").waitFor();
    await page.getByText("Saved.").waitFor();

    await goTo(page, "Counters");
    await page.getByLabel("Counter", { exact: true }).fill("1");
    await page.getByRole("button", { name: "Add the counter" }).click();
    await page.getByRole("region", { name: "Zone: main" }).getByRole("rowheader", { name: "1" }).waitFor();
    await check("counters");

    await goTo(page, "Users");
    await page.getByLabel("Username", { exact: true }).fill("staff.sumqayit9");
    await page.getByLabel("Full name", { exact: true }).fill("Aysel Mammadova");
    await page.getByRole("button", { name: "Create the account" }).click();
    const password = await page.getByTestId("one-time-secret").textContent();
    expect(password?.length ?? 0).toBeGreaterThanOrEqual(12);
    await check("users");

    await goTo(page, "Devices");
    await page.getByLabel("Name", { exact: true }).fill("Entrance kiosk");
    await page.getByRole("button", { name: "Add the device" }).click();
    await page.getByRole("status", { name: "Key of Entrance kiosk" }).waitFor();
    await page.getByRole("button", { name: "Pairing code for Entrance kiosk" }).click();
    const pairing = page.getByRole("status", { name: "Pairing code for Entrance kiosk" });
    const code = (await pairing.getByTestId("one-time-secret").textContent()) ?? "";
    expect(code).toMatch(/^\d{6}$/);
    expect(await pairing.getByRole("img", { name: "QR code of the pairing link" }).count()).toBe(1);
    expect(await pairing.getByTestId("pairing-link").getAttribute("href")).toBe(
      `${test.url}/kiosk/?pair=${code}`,
    );
    await check("devices");
    const setupMs = Date.now() - started;

    // The rest of the area, for axe.
    await goTo(page, "Closed dates");
    await page.getByRole("heading", { name: "National holidays" }).waitFor();
    await check("closed dates");
    await goTo(page, "Priority policy");
    await page.getByText("A war veteran is called as if they had waited 15 minutes longer.").waitFor();
    await check("policy");
    await goTo(page, "Audit");
    await check("audit");
    await page.getByRole("cell", { name: "device.pairing_code" }).first().waitFor();

    // Each language.
    await page.locator('.top-bar button[lang="az"]').click();
    await page.getByRole("heading", { level: 1, name: "İdarəetmə" }).waitFor();
    await check("audit in az");
    await page.locator('.top-bar button[lang="ru"]').click();
    await page.getByRole("heading", { level: 1, name: "Администрирование" }).waitFor();
    await check("audit in ru");
    await page.locator('.top-bar button[lang="en"]').click();

    expect(axeOn).toEqual(Object.fromEntries(Object.keys(axeOn).map((k) => [k, []])));
    expect(errors).toEqual([]);
    await context.close();

    // The kiosk exchanges its code for a key (what /kiosk/?pair= is for), then a visitor takes a ticket.
    const api = apiClient(test.app);
    const paired = await api.call<{ key: string }>({
      method: "POST",
      url: "/api/v1/devices/pair",
      payload: { code },
    });
    expect(paired.status).toBe(200);
    const kiosk = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const kioskPage = await kiosk.newPage();
    await kioskPage.goto(`${test.url}/kiosk/?key=${encodeURIComponent(paired.body.key)}`);
    const words = KIOSK_WORDS.az;
    await kioskPage.getByRole("heading", { level: 1, name: words.startHeading }).waitFor();
    await kioskPage.getByRole("button", { name: new RegExp(`${NEW_SERVICE.en} \\(Az\\)`) }).click();
    // No documents listed for the new service, so the optional phone comes next: skipped.
    await skipPhone(kioskPage, words);
    await kioskPage.getByRole("heading", { level: 1, name: words.priorityHeading }).waitFor();
    await kioskPage.getByRole("button", { name: words.priorityNo, exact: true }).click();
    await kioskPage.getByRole("heading", { level: 1, name: words.ticketHeading }).waitFor();
    expect(await kioskPage.locator(".ticket-code").textContent()).toMatch(/^ZZQ\d{3}$/);
    await kiosk.close();

    // The new employee signs in with the temporary password, chooses their own, and reaches the desk.
    const desk = await openConsole(browser, test.url);
    await signIn(desk.page, "staff.sumqayit9", password ?? "");
    await desk.page.getByRole("heading", { name: "Choose your own password" }).waitFor();
    await desk.page.getByLabel("New password", { exact: true }).fill("Sumqayit-lantern-42");
    await desk.page.getByLabel("The new password again", { exact: true }).fill("Sumqayit-lantern-42");
    await desk.page.getByRole("button", { name: "Save and continue" }).click();
    await desk.page.getByRole("heading", { name: "Open a counter" }).waitFor();
    expect(desk.errors).toEqual([]);
    await desk.context.close();

    console.log(`administration: new centre set up through the screens in ${setupMs} ms`);
  }, 240_000);

  it("a manager sees only its own centre's settings", async () => {
    const { context, page, errors } = await openConsole(browser, test.url, { axe: true });
    await signIn(page, "manager.baku1");
    await page.getByRole("link", { name: "Administration" }).click();
    const table = page.getByRole("table");
    await table.getByRole("rowheader", { name: "BAKU-1" }).waitFor();
    expect(await table.getByRole("rowheader").allTextContents()).toEqual(["BAKU-1"]);
    expect(await page.getByRole("button", { name: "New centre" }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    const other = (
      await apiClient(test.app).call<{ centres: { id: string; code: string }[] }>({
        method: "GET",
        url: "/api/v1/centres",
      })
    ).body.centres.find((c) => c.code !== "BAKU-1");
    if (!other) throw new Error("the demo has one centre only");
    const status = await page.evaluate(async (id) => {
      const token = sessionStorage.getItem("dost.console.token");
      const answer = await fetch(`/api/v1/admin/centres/${id}/counters`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      return answer.status;
    }, other.id);
    expect(status).toBe(403);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
