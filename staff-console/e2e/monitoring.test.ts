// @vitest-environment node
import { readFile } from "node:fs/promises";
import type { Centre, Counter, Service } from "@dost/shared";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, TEST_PASSWORD } from "../../server/test/support/accounts.js";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { assertConsoleBuilt, CENTRE, issueTickets, openConsole, signIn } from "./console.js";

let test: TestApp;
let browser: Browser;
let services: Service[];
let centres: Centre[];

beforeAll(async () => {
  assertConsoleBuilt();
  [test, browser] = await Promise.all([startTestApp({ listen: true }), launchBrowser()]);
  const api = apiClient(test.app);
  services = await api.services(CENTRE);
  centres = (await api.call<{ centres: Centre[] }>({ method: "GET", url: "/api/v1/centres" })).body.centres;
});

afterAll(async () => {
  await browser?.close();
  await test?.close();
});

function first<T>(list: T[], what: string): T {
  const found = list[0];
  if (!found) throw new Error(`the demo has no ${what}`);
  return found;
}

/** Signed in and on the live dashboard, with its socket connected (the offline banner gone). */
async function dashboard(username: string, { axe = false } = {}) {
  const opened = await openConsole(browser, test.url, { axe });
  await signIn(opened.page, username);
  await opened.page.getByRole("link", { name: "Monitoring" }).click();
  await opened.page.getByRole("heading", { name: "Queues by service" }).waitFor();
  await opened.page.getByText("Live updates are off").waitFor({ state: "hidden" });
  return opened;
}

const waitingOf = (page: Page, service: Service) =>
  page.locator(`tr[data-service="${service.code}"] [data-testid="waiting"]`);

/** Resolves once `locator`'s text passes `check`, returning how long that took since `since`. */
async function until(page: Page, selector: string, expected: string, since: number): Promise<number> {
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel as string)?.textContent?.includes(want as string) ?? false,
    [selector, expected],
    { polling: 10, timeout: 5000 },
  );
  return Date.now() - since;
}

describe("the live centre dashboard", () => {
  it("follows a ticket issued and a visitor called, live from the events", async () => {
    const service = first(services, "service");
    const { context, page, errors } = await dashboard("manager.baku1", { axe: true });
    expect(await seriousViolations(page)).toEqual([]);
    const before = Number(await waitingOf(page, service).textContent());

    const issuedAt = Date.now();
    await issueTickets(test, service, 1);
    const issueMs = await until(
      page,
      `tr[data-service="${service.code}"] [data-testid="waiting"]`,
      String(before + 1),
      issuedAt,
    );

    // An employee opens counter 1 and calls, through the API, as the desk would.
    const api = apiClient(test.app);
    const { auth } = await api.login("staff.baku1.1");
    const counter = (await api.counters(CENTRE, auth)).find((c: Counter) => c.label === "1");
    if (!counter) throw new Error("no counter 1");
    expect((await api.openCounter(counter.id, auth, [service.id])).status).toBe(204);
    await page.locator('tr[data-counter="1"]', { hasText: "Open, free" }).waitFor();
    const calledAt = Date.now();
    const called = (await api.callNext(counter.id, auth)).body.ticket;
    if (!called) throw new Error("nobody to call");
    const callMs = await until(page, 'tr[data-counter="1"] [data-testid="visitor"]', called.code, calledAt);
    // Speed is the bench's to assert, not a test's: on a loaded machine a second came and went.
    // Each `until` already fails past 5 s, far below any polling, so the figures came by event.
    console.log(`event to dashboard: issue ${issueMs} ms, call ${callMs} ms`);

    // The visit's timer runs, and the employee's name is there.
    const row = page.locator('tr[data-counter="1"]');
    await row.getByText("Called, on the way").waitFor();
    expect(await row.getByTestId("visit-timer").textContent()).toMatch(/^0:0\d$/);
    // A busy machine may skip a tick, so "at least two seconds" rather than exactly 0:02.
    await page.waitForFunction(() => {
      const [m, s] = (
        document.querySelector('tr[data-counter="1"] [data-testid="visit-timer"]')?.textContent ?? ""
      )
        .split(":")
        .map(Number);
      return m !== undefined && s !== undefined && m * 60 + s >= 2;
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("reports", () => {
  it("shows today's figures once visitors are served, and downloads the CSV in Azerbaijani", async () => {
    const service = first(services, "service");
    const api = apiClient(test.app);
    const { auth } = await api.login("staff.baku1.2");
    const counter = (await api.counters(CENTRE, auth)).find((c: Counter) => c.label === "2");
    if (!counter) throw new Error("no counter 2");
    await issueTickets(test, service, 2);
    expect((await api.openCounter(counter.id, auth, [service.id])).status).toBe(204);
    for (let i = 0; i < 2; i++) {
      const ticket = (await api.callNext(counter.id, auth)).body.ticket;
      if (!ticket) throw new Error("nobody to call");
      expect((await api.act(ticket.id, "start", auth)).status).toBe(200);
      expect((await api.act(ticket.id, "complete", auth)).status).toBe(200);
    }

    const { context, page, errors } = await openConsole(browser, test.url, { axe: true });
    await signIn(page, "manager.baku1");
    await page.goto(`${test.url}/console/monitoring/reports`);
    await page.getByRole("button", { name: "Today", exact: true }).click();
    await page.getByLabel("Group by").selectOption("hour");
    const served = page.locator('tfoot [data-figure="served"]');
    await page.waitForFunction(
      () => Number(document.querySelector('tfoot [data-figure="served"]')?.textContent ?? "0") >= 2,
    );
    expect(Number(await served.textContent())).toBeGreaterThanOrEqual(2);
    await page.getByRole("heading", { name: "How long visitors waited" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: /^AZ/ }).click();
    const link = page.getByRole("link", { name: "CSV yüklə" });
    expect(await link.getAttribute("href")).toContain("language=az");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const header = bytes.subarray(3).toString("utf8").split("\r\n")[0] ?? "";
    expect(header).toMatch(/[əğıöüçşİ]/);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("the national view and who may see monitoring", () => {
  it("shows the admin every centre, sortable, each opening its dashboard", async () => {
    const baku = centres.find((c) => c.code === CENTRE);
    if (!baku) throw new Error("no BAKU-1");
    // Visitors waiting at BAKU-1 only, so it leads when sorted by waiting.
    await issueTickets(test, first(services, "service"), 2);
    const { context, page, errors } = await openConsole(browser, test.url, { axe: true });
    await signIn(page, "admin");
    await page.goto(`${test.url}/console/monitoring/national`);
    await page.getByRole("heading", { name: "All centres today" }).waitFor();
    // The heading shows before the figures arrive: wait for the last centre's row.
    await page
      .locator("tbody tr[data-centre]")
      .nth(centres.length - 1)
      .waitFor();
    expect(await page.locator("tbody tr[data-centre]").count()).toBe(centres.length);
    expect(await seriousViolations(page)).toEqual([]);

    const waiting = page.getByRole("columnheader", { name: /^Waiting/ });
    await waiting.getByRole("button").click();
    await waiting.getByRole("button").click();
    expect(await waiting.getAttribute("aria-sort")).toBe("descending");
    expect(await page.locator("tbody tr[data-centre]").first().getAttribute("data-centre")).toBe(CENTRE);

    await page.getByRole("link", { name: baku.name.en }).click();
    await page.getByRole("heading", { name: `Live: ${baku.name.en}` }).waitFor();
    await page.getByRole("heading", { name: "Queues by service" }).waitFor();
    await page.getByText("Live updates are off").waitFor({ state: "hidden" });

    // The admin's socket subscribed to the centre: a new ticket shows at once here too.
    const service = first(services, "service");
    const before = Number(await waitingOf(page, service).textContent());
    await issueTickets(test, service, 1);
    await until(
      page,
      `tr[data-service="${service.code}"] [data-testid="waiting"]`,
      String(before + 1),
      Date.now(),
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets a viewer read the national view and a centre's dashboard, with nothing to change", async () => {
    const baku = centres.find((c) => c.code === CENTRE);
    if (!baku) throw new Error("no BAKU-1");
    const api = apiClient(test.app);
    const admin = await api.login("admin");
    await createAccount(api, admin.auth, { username: "viewer.e2e", role: "viewer", centreId: null });
    const { context, page, errors } = await openConsole(browser, test.url, { axe: true });
    await signIn(page, "viewer.e2e", TEST_PASSWORD);
    // No counter to work at and no appointments list: the console opens on the national view.
    await page.getByRole("heading", { name: "All centres today" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Monitoring"]);
    await page
      .locator("tbody tr[data-centre]")
      .nth(centres.length - 1)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("link", { name: baku.name.en }).click();
    await page.getByRole("heading", { name: `Live: ${baku.name.en}` }).waitFor();
    await page.getByRole("heading", { name: "Queues by service" }).waitFor();
    await page.getByRole("heading", { name: "Appointment capacity" }).waitFor();
    await page.locator(".capacity-table tbody tr").first().waitFor();
    await page.getByText("Live updates are off").waitFor({ state: "hidden" });
    expect(await page.getByRole("button", { name: "Apply suggestions" }).count()).toBe(0);
    expect(await page.locator("main form").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("offers a manager the appointment-capacity table with its one-step apply", async () => {
    const { context, page } = await dashboard("manager.baku1", { axe: true });
    await page.locator(".capacity-table tbody tr").first().waitFor();
    await page.getByRole("button", { name: "Apply suggestions" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it("refuses an employee: no way in, and a plain page at the address", async () => {
    const { context, page } = await openConsole(browser, test.url);
    await signIn(page, "staff.baku1.3");
    expect(await page.getByRole("link", { name: "Monitoring" }).count()).toBe(0);
    for (const path of ["", "/national", "/reports"]) {
      await page.goto(`${test.url}/console/monitoring${path}`);
      await page.getByRole("heading", { name: "Not allowed" }).waitFor();
    }
    await context.close();
  });
});
