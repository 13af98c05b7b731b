// @vitest-environment node
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, it } from "vitest";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { openKiosk, openPhone } from "./kiosk-support.js";

let test: TestApp;
let browser: Browser;
beforeAll(async () => {
  [test, browser] = await Promise.all([startTestApp({ listen: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await test?.close();
});

it("shots", async () => {
  const api = apiClient(test.app);
  const services = await api.services("BAKU-1");
  for (let i = 0; i < 6; i++) await api.issue("BAKU-1", { serviceId: services[i % 3]!.id });
  const { page } = await openKiosk(browser, test.url);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await page.screenshot({ path: "/tmp/shots/start.png", fullPage: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: "/tmp/shots/start-landscape.png" });
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.getByRole("button", { name: "Русский" }).click();
  await page.locator(".service-button").first().click();
  await page.screenshot({ path: "/tmp/shots/priority.png" });
  await page.getByRole("button", { name: "Нет", exact: true }).click();
  await page.locator(".ticket-code").waitFor();
  await page.screenshot({ path: "/tmp/shots/ticket.png" });
  const url = await page.locator("figure").getAttribute("data-status-url");
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: "/tmp/shots/receipt.pdf", preferCSSPageSize: true });
  await page.setViewportSize({ width: 302, height: 600 });
  await page.screenshot({ path: "/tmp/shots/receipt.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });
  const phone = await openPhone(browser);
  await phone.page.goto(url!);
  await phone.page.locator(".status-code").waitFor();
  await phone.page.screenshot({ path: "/tmp/shots/status.png", fullPage: true });
  const { auth } = await api.login("staff.baku1.1");
  const counters = await api.counters("BAKU-1", auth);
  await api.openCounter(counters[0]!.id, auth);
  for (let i = 0; i < 7; i++)
    await api.callNext(counters[0]!.id, auth).then(async (r) => {
      if (r.body.ticket && r.body.ticket.publicId !== url!.split("/").pop()) {
        await api.act(r.body.ticket.id, "no-show", auth);
      }
    });
  await phone.page.waitForTimeout(500);
  await phone.page.screenshot({ path: "/tmp/shots/status-called.png", fullPage: true });
  const pairing = await openKiosk(browser, test.url, "bad");
  await pairing.page.getByRole("heading", { level: 1 }).waitFor();
  await pairing.page.screenshot({ path: "/tmp/shots/pairing.png" });
});
