// @vitest-environment node
import type { Browser, Page } from "playwright-core";
import { QRCodeSVG } from "qrcode.react";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { DICTIONARIES } from "../src/i18n/i18n.js";
import {
  KIOSK_KEY,
  assertKioskBuilt,
  openKiosk,
  openPhone,
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

/** The QR code's modules, as qrcode.react draws them: the `d` of its dark path. */
function qrModules(svg: string): string | undefined {
  return [...svg.matchAll(/<path[^>]* d="([^"]+)"/g)].map((m) => m[1]).at(-1);
}

/** Takes a ticket at the kiosk in Russian; returns the status address its QR code holds. */
async function takeTicketInRussian(kiosk: Page): Promise<{ url: string; code: string }> {
  await kiosk.getByRole("heading", { level: 1, name: DICTIONARIES.az.startHeading }).waitFor();
  await kiosk.getByRole("button", { name: "Русский" }).click();
  await kiosk.locator(".service-button").first().click();
  await confirmDocuments(kiosk, DICTIONARIES.ru);
  await kiosk.getByRole("button", { name: DICTIONARIES.ru.priorityNo, exact: true }).click();
  await kiosk.locator(".ticket-code").waitFor();
  const figure = kiosk.locator("figure.qr");
  const url = (await figure.getAttribute("data-status-url")) ?? "";
  // The picture encodes exactly that address: qrcode.react draws the same modules for it here.
  const drawn = qrModules(await figure.innerHTML());
  const expected = qrModules(
    renderToStaticMarkup(createElement(QRCodeSVG, { value: url, size: 240, marginSize: 2 })),
  );
  expect(drawn).toBeTruthy();
  expect(drawn).toBe(expected);
  return { url, code: (await kiosk.locator(".ticket-code").textContent()) ?? "" };
}

describe("the ticket's status page on a phone", () => {
  it("opens from the QR code and follows the ticket live until it is called", async () => {
    const api = apiClient(test.app);
    const kiosk = await openKiosk(browser, test.url, KIOSK_KEY);
    const { url, code } = await takeTicketInRussian(kiosk.page);

    const [row] = (await ticketRows(test)).filter((r) => r.code === code);
    expect(url).toBe(`${test.url}/kiosk/t/${row?.public_id}`);

    const phone = await openPhone(browser, { axe: true });
    await phone.page.goto(url);
    const ru = DICTIONARIES.ru;
    // The page speaks the language the ticket was taken in, and needs no key.
    await phone.page.getByText(ru.statusWaiting).waitFor();
    expect(await phone.page.getAttribute("html", "lang")).toBe("ru");
    expect(await phone.page.evaluate(() => localStorage.length)).toBe(0);
    expect(await phone.page.getByRole("heading", { level: 1 }).textContent()).toBe(
      `${ru.ticketNumber} ${code}`,
    );
    expect(await phone.page.locator(".status-figures dd").first().textContent()).toBe("0");
    expect(await seriousViolations(phone.page)).toEqual([]);
    expect(await smallTargets(phone.page)).toEqual([]);

    const { auth } = await api.login("staff.baku1.1");
    const [counter] = await api.counters("BAKU-1", auth);
    if (!counter) throw new Error("BAKU-1 has no counters");
    expect((await api.openCounter(counter.id, auth)).status).toBeLessThan(300);
    const called = await api.callNext(counter.id, auth);
    expect(called.body.ticket?.code).toBe(code);

    const detail = phone.page.locator(".status-detail");
    await detail.waitFor({ timeout: 5_000 });
    expect(await detail.textContent()).toBe(ru.goToCounter(counter.label));
    expect(await phone.page.locator(".status-title").textContent()).toBe(ru.statusCalled);
    expect(await phone.page.evaluate(() => window.__vibrations.length)).toBe(1);
    expect(await seriousViolations(phone.page)).toEqual([]);

    // The visitor switches to English; then the counter starts serving them.
    await phone.page.getByRole("button", { name: "English" }).click();
    expect(await detail.textContent()).toBe(DICTIONARIES.en.goToCounter(counter.label));
    await api.act(called.body.ticket?.id ?? "", "start", auth);
    await phone.page.getByText(DICTIONARIES.en.statusServing(counter.label)).waitFor({ timeout: 5_000 });

    expect(phone.errors).toEqual([]);
    expect(kiosk.errors).toEqual([]);
    await Promise.all([phone.context.close(), kiosk.context.close()]);
  });

  it("catches up with the tickets called ahead of it", async () => {
    const api = apiClient(test.app);
    const [service] = await api.services("BAKU-1");
    if (!service) throw new Error("BAKU-1 has no services");
    const ahead = await api.issue("BAKU-1", { serviceId: service.id });
    const mine = await api.issue("BAKU-1", { serviceId: service.id, language: "en" });
    const phone = await openPhone(browser);
    await phone.page.clock.install();
    await phone.page.goto(`${test.url}/kiosk/t/${mine.body.ticket.publicId}`);
    const ahead1 = phone.page.locator(".status-figures dd").first();
    await phone.page.getByText(DICTIONARIES.en.statusWaiting).waitFor();
    expect(Number(await ahead1.textContent())).toBeGreaterThanOrEqual(1);

    const { auth } = await api.login("staff.baku1.2");
    const counter = (await api.counters("BAKU-1", auth)).find((c) => c.status === "closed");
    if (!counter) throw new Error("no closed counter left");
    await api.openCounter(counter.id, auth, [service.id]);
    // Call until the ticket ahead has gone, then let the page's refresh come round.
    for (let i = 0; i < 20; i++) {
      const next = (await api.callNext(counter.id, auth)).body.ticket;
      if (!next) break;
      if (next.id === mine.body.ticket.id) throw new Error("called the phone's own ticket first");
      await api.act(next.id, "no-show", auth);
      if (next.id === ahead.body.ticket.id) break;
    }
    await phone.page.clock.runFor(61_000);
    await phone.page.waitForFunction(
      () => document.querySelector(".status-figures dd")?.textContent === "0",
      undefined,
      { timeout: 5_000 },
    );
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it("says so for a ticket that does not exist", async () => {
    const phone = await openPhone(browser, { axe: true });
    await phone.page.goto(`${test.url}/kiosk/t/AAAAAAAAAAAAAAAAAAAAAA`);
    await phone.page.getByRole("heading", { level: 1, name: DICTIONARIES.az.ticketNotFound }).waitFor();
    expect(await seriousViolations(phone.page)).toEqual([]);
    await phone.context.close();
  });
});
