// @vitest-environment node
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { announcementText } from "../src/sound/phrases.js";
import {
  assertDisplayBuilt,
  counterWithWaitingTicket,
  openDisplay,
  seenAt,
  watchForNewestCall,
  type SpokenPhrase,
} from "./hall.js";

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

async function spoken(page: Page, atLeast: number): Promise<SpokenPhrase[]> {
  await page.waitForFunction((n) => window.__speech.length >= n, atLeast, { timeout: 15_000 });
  return page.evaluate(() => window.__speech);
}

describe("hall display against the real server", () => {
  it("shows a call made through the API within a second, with its counter", async () => {
    const { context, page } = await openDisplay(browser, test.url);
    // Page errors and console errors (a CSP refusal is one) fail the test.
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    const { api, auth, counter, service, ticket } = await counterWithWaitingTicket(
      test,
      "staff.baku1.1",
      "5",
    );
    const latencies: number[] = [];
    let waiting = ticket;
    for (let round = 0; round < 5; round++) {
      if (round > 0) waiting = (await api.issue("BAKU-1", { serviceId: service.id })).body.ticket;
      await watchForNewestCall(page, waiting.code);
      const before = Date.now();
      const called = await api.callNext(counter.id, auth);
      expect(called.body.ticket?.code).toBe(waiting.code);
      latencies.push((await seenAt(page)) - before);
      expect(await page.locator(".now-call .now-counter-label").textContent()).toBe("5");
      await api.act(waiting.id, "start", auth);
      await api.act(waiting.id, "complete", auth);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `API call-next → display DOM (ms): ${latencies.join(", ")}; median ${sorted[2]}, max ${sorted[4]}`,
    );
    expect(Math.max(...latencies)).toBeLessThan(1_000);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows two calls made in the same second and announces them one after another", async () => {
    const { context, page } = await openDisplay(browser, test.url);
    const first = await counterWithWaitingTicket(test, "staff.baku1.2", "7");
    const second = await counterWithWaitingTicket(test, "staff.baku1.3", "8");
    // Record the order in which codes reach the screen: the hall must hear them in that order.
    await page.evaluate(() => {
      const w = window as unknown as { __appeared: string[] };
      w.__appeared = [];
      new MutationObserver(() => {
        for (const el of document.querySelectorAll("[data-code]")) {
          const code = el.getAttribute("data-code") ?? "";
          if (!w.__appeared.includes(code)) w.__appeared.push(code);
        }
      }).observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    const [a, b] = await Promise.all([
      first.api.callNext(first.counter.id, first.auth),
      second.api.callNext(second.counter.id, second.auth),
    ]);
    const byCode = new Map(
      [a, b].map((r) => [r.body.ticket?.code ?? "", r.body.ticket?.counter?.label ?? ""]),
    );
    const codes = [...byCode.keys()];
    await page.waitForFunction(
      (wanted) => wanted.every((code) => document.querySelector(`[data-code="${code}"]`)),
      codes,
      { timeout: 1_000 },
    );
    // The later call (by calledAt) is on top, the other in the list beneath it, each with its
    // counter. Two calls in the same millisecond are a tie, which the order of arrival breaks.
    const top = await page.locator(".now-call").getAttribute("data-code");
    const [newer, earlier] = [a.body.ticket, b.body.ticket].sort(
      (x, y) => Date.parse(y?.calledAt ?? "") - Date.parse(x?.calledAt ?? ""),
    );
    if (newer?.calledAt !== earlier?.calledAt) expect(top).toBe(newer?.code);
    const below = codes.find((code) => code !== top) ?? "";
    expect(await page.locator(`.now-call .now-counter-label`).textContent()).toBe(byCode.get(top ?? ""));
    expect(await page.locator(`.recent-table tr[data-code="${below}"] .recent-counter`).textContent()).toBe(
      byCode.get(below),
    );

    const phrases = await spoken(page, 6);
    const appeared = await page.evaluate(() =>
      (window as unknown as { __appeared: string[] }).__appeared.filter((code) => code),
    );
    const heardOrder = appeared.filter((code) => byCode.has(code));
    expect(heardOrder).toHaveLength(2);
    const expected = heardOrder.flatMap((code) =>
      (["az", "ru", "en"] as const).map((lang) =>
        announcementText({ code, counterLabel: byCode.get(code) ?? "", recall: false }, lang),
      ),
    );
    expect(phrases.map((p) => p.text)).toEqual(expected);
    expect(phrases.map((p) => p.lang)).toEqual([
      "az-Latn-AZ",
      "ru-RU",
      "en-GB",
      "az-Latn-AZ",
      "ru-RU",
      "en-GB",
    ]);
    // Nothing was spoken over, nothing was cancelled.
    expect(await page.evaluate(() => [window.__speechOverlaps, window.__speechCancels])).toEqual([0, 0]);
    await context.close();
  });

  it("announces a recall again and marks it on screen", async () => {
    const { context, page } = await openDisplay(browser, test.url);
    const { api, auth, counter } = await counterWithWaitingTicket(test, "staff.baku1.4", "9");
    const called = (await api.callNext(counter.id, auth)).body.ticket;
    if (!called) throw new Error("nothing called");
    await spoken(page, 3);
    await api.act(called.id, "recall", auth);
    await page.locator(`.now-call[data-code="${called.code}"] .recall-tag`).waitFor({ timeout: 1_000 });
    const phrases = await spoken(page, 6);
    expect(phrases.slice(3).map((p) => p.text)).toEqual(
      (["az", "ru", "en"] as const).map((lang) =>
        announcementText({ code: called.code, counterLabel: "9", recall: true }, lang),
      ),
    );
    // One line per ticket: the recall replaced the first call rather than listing it twice.
    expect(await page.locator(`[data-code="${called.code}"]`).count()).toBe(1);
    await context.close();
  });

  it("speaks the languages in the order ?langs= gives", async () => {
    const { context, page } = await openDisplay(browser, test.url, { query: { langs: "en,az" } });
    const { api, auth, counter } = await counterWithWaitingTicket(test, "staff.baku1.5", "10");
    await api.callNext(counter.id, auth);
    const phrases = await spoken(page, 2);
    await page.waitForTimeout(300);
    expect((await page.evaluate(() => window.__speech)).map((p) => p.lang)).toEqual(["en-GB", "az-Latn-AZ"]);
    expect(phrases[0]?.text).toMatch(/^Ticket /);
    await context.close();
  });

  it("shows the manager's message line as soon as it is set, in the screen's language", async () => {
    const { context, page } = await openDisplay(browser, test.url, {
      query: { lang: "ru" },
      injectAxe: true,
    });
    const api = apiClient(test.app);
    const { auth } = await api.login("manager.baku1");
    const message = { az: "Xoş gəlmisiniz", ru: "Добро пожаловать", en: "Welcome" };
    const set = await api.call({
      method: "PUT",
      url: "/api/v1/centres/BAKU-1/display-message",
      auth,
      payload: { message },
    });
    expect(set.status).toBe(204);
    await page.locator(".message-line", { hasText: "Добро пожаловать" }).waitFor({ timeout: 2_000 });
    expect(await page.locator("h2#now-title").textContent()).toBe("Вызывается");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ru");

    expect(await seriousViolations(page)).toEqual([]);

    await api.call({
      method: "PUT",
      url: "/api/v1/centres/BAKU-1/display-message",
      auth,
      payload: { message: null },
    });
    await page.locator(".message-line").waitFor({ state: "detached", timeout: 2_000 });
    await context.close();
  });

  it("asks once for a click where the browser blocks sound, and is heard after it", async () => {
    const { context, page } = await openDisplay(browser, test.url, {
      query: { lang: "en" },
      soundBlockedUntilClick: true,
      injectAxe: true,
    });
    const button = page.getByRole("button", { name: "Enable sound" });
    await button.waitFor({ timeout: 3_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await button.click();
    await button.waitFor({ state: "detached" });
    expect(await page.evaluate(() => new AudioContext().state)).toBe("running");

    const { api, auth, counter } = await counterWithWaitingTicket(test, "staff.baku1.6", "11");
    await api.callNext(counter.id, auth);
    await spoken(page, 3);
    // One-time: it does not come back.
    expect(await button.count()).toBe(0);
    await context.close();
  });

  it("has no serious accessibility violation, landscape or portrait", async () => {
    const { context, page } = await openDisplay(browser, test.url, { injectAxe: true });
    expect(await page.locator(".now-call").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1080, height: 1920 });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
