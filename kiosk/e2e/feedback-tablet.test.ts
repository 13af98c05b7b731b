// @vitest-environment node
import type { Report } from "@dost/shared";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, WORKING_MORNING, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { TABLET_MESSAGES } from "../src/feedback-tablet/i18n.js";
import { DICTIONARIES } from "../src/i18n/i18n.js";
import { assertKioskBuilt } from "./kiosk-support.js";

// A working Tuesday morning in Baku, 2026-11-24 (its service day).
const DAY = "2026-11-24";
let test: TestApp;
let browser: Browser;

beforeAll(async () => {
  assertKioskBuilt();
  [test, browser] = await Promise.all([startTestApp({ listen: true }), launchBrowser()]);
  expect(WORKING_MORNING.toISOString().slice(0, 10)).toBe(DAY);
});

afterAll(async () => {
  await browser?.close();
  await test?.close();
});

describe("the counter's feedback tablet, in a real browser", () => {
  it("asks about the visit that just ended at its counter, and the score reaches the report", async () => {
    const api = apiClient(test.app);
    const admin = (await api.login("admin")).auth;
    const manager = (await api.login("manager.baku1")).auth;
    const { auth } = await api.login("staff.baku1.3");
    const [service] = await api.services("BAKU-1");
    const counter = (await api.counters("BAKU-1", auth)).find((c) => c.status === "closed");
    if (!service || !counter) throw new Error("BAKU-1 has no service or free counter");
    const paired = await api.call<{ key: string }>({
      method: "POST",
      url: "/api/v1/admin/centres/BAKU-1/devices",
      auth: admin,
      payload: { kind: "feedback", label: `Tablet at ${counter.label}`, counterId: counter.id },
    });
    expect(paired.status).toBe(201);

    const satisfaction = async () =>
      (
        await api.call<Report>({
          method: "GET",
          url: `/api/v1/reports/summary?centreId=BAKU-1&from=${DAY}&to=${DAY}&groupBy=day`,
          auth: manager,
        })
      ).body.rows.find((r) => r.key === DAY);
    expect((await satisfaction())?.feedbackCount ?? 0).toBe(0);

    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      hasTouch: true,
      bypassCSP: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${test.url}/kiosk/feedback/?key=${encodeURIComponent(paired.body.key)}`);
    // The key leaves the address at once, and the idle tablet greets in Azerbaijani.
    expect(new URL(page.url()).search).toBe("");
    await page.getByRole("heading", { name: TABLET_MESSAGES.az.idle }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await api.openCounter(counter.id, auth, [service.id]);
    const issued = (await api.issue("BAKU-1", { serviceId: service.id })).body.ticket;
    expect((await api.callNext(counter.id, auth)).body.ticket?.id).toBe(issued.id);
    await api.act(issued.id, "start", auth);
    await api.act(issued.id, "complete", auth);

    await page.getByRole("heading", { name: TABLET_MESSAGES.az.ask(issued.code) }).waitFor();
    await page.getByRole("button", { name: DICTIONARIES.en.languageName }).click();
    const f = DICTIONARIES.en.feedback;
    await page.getByRole("heading", { name: TABLET_MESSAGES.en.ask(issued.code) }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("radio", { name: f.scores[5] }).check();
    await page.getByRole("checkbox", { name: f.reasons.documents }).check();
    await page.getByRole("button", { name: f.send }).click();
    await page.getByRole("heading", { name: f.thanks }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    expect(await satisfaction()).toMatchObject({ feedbackCount: 1, satisfactionPercent: 100 });
    // Then idle again, back in Azerbaijani, and the rated visit is not offered again.
    await page.getByRole("heading", { name: TABLET_MESSAGES.az.idle }).waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
