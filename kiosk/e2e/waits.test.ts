// @vitest-environment node
import { publicWaitsResponseSchema, type PublicWaits } from "@dost/shared";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, WORKING_MORNING, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { FakeClock } from "../../server/test/support/clock.js";
import { DICTIONARIES } from "../src/i18n/i18n.js";
import { WAITS_REFRESH_MS } from "../src/waits/useWaits.js";
import { assertKioskBuilt, openPhone, overflowsSideways, smallTargets } from "./kiosk-support.js";

const clock = new FakeClock(WORKING_MORNING);
let test: TestApp;
let browser: Browser;

beforeAll(async () => {
  assertKioskBuilt();
  [test, browser] = await Promise.all([startTestApp({ listen: true, clock }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await test?.close();
});

async function openData(): Promise<PublicWaits> {
  const res = await fetch(`${test.url}/api/v1/public/waits`);
  return publicWaitsResponseSchema.parse(await res.json());
}

/** The number shown as waiting for a service of a centre, found by their names as the page shows them. */
async function waitingShown(page: Page, centre: string, service: string): Promise<string | null> {
  return page
    .getByRole("region", { name: centre })
    .locator("li", { has: page.getByRole("heading", { level: 3, name: service, exact: true }) })
    .locator("dd")
    .first()
    .textContent();
}

describe("the public waits page on a phone, against the real server", () => {
  it("shows every centre's queues without signing in, in each language, accessibly, and keeps up", async () => {
    const api = apiClient(test.app);
    const services = await api.services("BAKU-1");
    const first = services[0]!;
    expect((await api.issue("BAKU-1", { serviceId: first.id })).status).toBe(201);
    const staff = await api.login("staff.baku1.1");
    const counter = (await api.counters("BAKU-1", staff.auth))[0]!;
    expect((await api.openCounter(counter.id, staff.auth, [first.id])).status).toBe(204);
    const data = await openData();

    // A phone with its clock held at the server's, so the page's own refresh runs when told to.
    const phone = await openPhone(browser, { axe: true });
    await phone.page.clock.install({ time: clock.now() });
    const res = await phone.page.goto(`${test.url}/waits/`);
    expect(res?.status()).toBe(200);
    const az = DICTIONARIES.az;
    await phone.page.getByRole("heading", { level: 1, name: az.waits.heading }).waitFor();
    const baku = data.centres.find((c) => c.code === "BAKU-1")!;
    await phone.page.getByRole("region", { name: baku.name.az }).waitFor();

    // Every active centre, with its open state, as the open data says.
    for (const centre of data.centres) {
      const region = phone.page.getByRole("region", { name: centre.name.az });
      expect(await region.getByText(centre.openNow ? az.waits.openNow : az.waits.closedNow).count()).toBe(1);
      expect(await region.locator("li").count()).toBe(centre.services.length);
    }
    expect(await waitingShown(phone.page, baku.name.az, first.name.az)).toBe("1");
    const licence = phone.page.getByRole("link", { name: "CC-BY-4.0" });
    expect(await licence.getAttribute("href")).toBe("https://creativecommons.org/licenses/by/4.0/");
    expect(await phone.page.evaluate(() => localStorage.length)).toBe(0);

    expect(await seriousViolations(phone.page)).toEqual([]);
    expect(await smallTargets(phone.page, 44)).toEqual([]);
    expect(await overflowsSideways(phone.page)).toBe(false);

    // Russian and English by the switch, from the keyboard.
    for (const language of ["ru", "en"] as const) {
      const t = DICTIONARIES[language];
      await phone.page.getByRole("button", { name: t.languageName }).focus();
      await phone.page.keyboard.press("Enter");
      await phone.page.getByRole("heading", { level: 1, name: t.waits.heading }).waitFor();
      expect(await phone.page.getAttribute("html", "lang")).toBe(language);
      await phone.page.getByRole("region", { name: baku.name[language] }).waitFor();
      expect(await seriousViolations(phone.page)).toEqual([]);
      expect(await overflowsSideways(phone.page)).toBe(false);
    }

    // Another visitor takes a ticket; once the server's 15 s cache has passed, the page's own
    // refresh shows them.
    expect((await api.issue("BAKU-1", { serviceId: first.id })).status).toBe(201);
    clock.advance(16_000);
    await phone.page.clock.runFor(WAITS_REFRESH_MS);
    await phone.page
      .getByRole("region", { name: baku.name.en })
      .locator("li", { has: phone.page.getByRole("heading", { level: 3, name: first.name.en, exact: true }) })
      .locator("dd")
      .first()
      .filter({ hasText: /^2$/ })
      .waitFor();
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it("sends /waits on to /waits/", async () => {
    const res = await fetch(`${test.url}/waits`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/waits/");
  });
});
