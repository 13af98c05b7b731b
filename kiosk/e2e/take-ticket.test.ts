// @vitest-environment node
import type { Language } from "@dost/shared";
import type { Browser } from "playwright-core";
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

const CASES: { language: Language; service: string; priority: "none" | "elderly" | "pregnant" }[] = [
  { language: "az", service: "PEN-AGE", priority: "none" },
  { language: "ru", service: "EMP-JOBS", priority: "elderly" },
  { language: "en", service: "DOC-CERT", priority: "pregnant" },
];

describe("a visitor takes a ticket at the kiosk", () => {
  it.each(CASES)(
    "in $language, and the ticket is in the database",
    async ({ language, service, priority }) => {
      const t = DICTIONARIES[language];
      const services = await apiClient(test.app).services("BAKU-1");
      const chosen = services.find((s) => s.code === service);
      if (!chosen) throw new Error(`no ${service} at BAKU-1`);
      const before = (await ticketRows(test)).length;

      const { context, page, errors } = await openKiosk(browser, test.url, KIOSK_KEY, { axe: true });
      await page.getByRole("heading", { level: 1, name: DICTIONARIES.az.startHeading }).waitFor();
      // The key has left the address bar and stays in the kiosk.
      expect(new URL(page.url()).search).toBe("");
      expect(await page.evaluate(() => localStorage.getItem("dost.kiosk.deviceKey"))).toBe(
        "demo-kiosk-BAKU-1",
      );

      await page.getByRole("button", { name: t.languageName }).click();
      await page.getByRole("heading", { level: 1, name: t.startHeading }).waitFor();
      expect(await page.getAttribute("html", "lang")).toBe(language);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);

      const started = Date.now();
      await page
        .getByRole("button", { name: new RegExp(chosen.name[language].replace(/[()]/g, ".")) })
        .click();
      // "Do you have these with you?": the service's documents in the visitor's language.
      await page.getByRole("heading", { level: 1, name: t.bring.heading }).waitFor();
      expect(await page.locator(".documents-to-bring li").allTextContents()).toEqual(
        (chosen.documents ?? []).map((d) => d[language]),
      );
      expect(chosen.documents?.length).toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
      await confirmDocuments(page, t);
      await page.getByRole("heading", { level: 1, name: t.priorityHeading }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);

      await page
        .getByRole("button", {
          name: priority === "none" ? t.priorityNo : t.priorityGroups[priority],
          exact: true,
        })
        .click();
      await page.getByRole("heading", { level: 1, name: t.ticketHeading }).waitFor();
      const elapsed = Date.now() - started;

      const code = (await page.locator(".ticket-code").textContent()) ?? "";
      expect(code).toMatch(new RegExp(`^${chosen.prefix}\\d{3}$`));
      await page.waitForFunction(() => window.__printed === 1);
      expect(await page.locator("[aria-live='polite']").textContent()).toBe(
        t.ticketAnnouncement(code, 0, (await page.locator(".ticket-details dd").nth(4).textContent()) ?? ""),
      );
      expect(await seriousViolations(page)).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);

      const rows = await ticketRows(test);
      expect(rows).toHaveLength(before + 1);
      expect(rows.at(-1)).toMatchObject({
        code,
        priority,
        language,
        status: "waiting",
        service_id: chosen.id,
      });

      console.log(`${language}: service and priority to ticket on screen in ${elapsed} ms`);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it("prints an 80 mm receipt on one page, with the code and the QR", async () => {
    const { context, page } = await openKiosk(browser, test.url);
    await page.getByRole("heading", { level: 1, name: DICTIONARIES.az.startHeading }).waitFor();
    await page.locator(".service-button").first().click();
    await confirmDocuments(page, DICTIONARIES.az);
    await page.getByRole("button", { name: DICTIONARIES.az.priorityNo, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: DICTIONARIES.az.ticketHeading }).waitFor();

    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".ticket-screen").isVisible()).toBe(false);
    expect(await page.locator(".kiosk-header").isVisible()).toBe(false);
    const receipt = page.locator(".receipt");
    expect(await receipt.isVisible()).toBe(true);
    expect(await receipt.locator(".receipt-code").textContent()).toMatch(/^A\d{3}$/);
    expect(await receipt.locator("svg").count()).toBe(1);
    // What to bring is on the paper too (the first demo service, PEN-AGE, lists three documents).
    expect(await receipt.locator(".document-list li").count()).toBe(3);
    expect(await receipt.locator(".document-list").isVisible()).toBe(true);

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    // 80 mm is 226.77 pt: the page's MediaBox is the receipt's width.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
    expect(Number(box?.[1])).toBeCloseTo(226.77, 0);
    await context.close();
  });

  it("returns to the start on its own after showing the ticket", async () => {
    const { context, page } = await openKiosk(browser, test.url);
    await page.clock.install();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: DICTIONARIES.az.startHeading }).waitFor();
    await page.getByRole("button", { name: "English" }).click();
    await page.locator(".service-button").first().click();
    await confirmDocuments(page, DICTIONARIES.en);
    await page.getByRole("button", { name: "No", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Your ticket" }).waitFor();
    await page.clock.runFor(13_000);
    await page.getByRole("heading", { level: 1, name: DICTIONARIES.az.startHeading }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("az");
    await context.close();
  });
});
