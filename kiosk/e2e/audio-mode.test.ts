// @vitest-environment node
import type { Page } from "playwright-core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { spokenCode } from "../src/audio/spoken.js";
import { DICTIONARIES } from "../src/i18n/i18n.js";
import { KIOSK_KEY, assertKioskBuilt, openKiosk, smallTargets, ticketRows } from "./kiosk-support.js";

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

interface Said {
  text: string;
  lang: string;
}

declare global {
  interface Window {
    /** Everything said since the speaker last cut itself off (cancel). */
    __said: Said[];
    __everSaid: Said[];
  }
}

/** Replaces speechSynthesis before the app loads, as the display's tests do, and records each phrase. */
function installSpeechRecorder(): void {
  window.__said = [];
  window.__everSaid = [];
  const engine = {
    speaking: false,
    pending: false,
    paused: false,
    onvoiceschanged: null,
    getVoices: () => [],
    speak(utterance: SpeechSynthesisUtterance) {
      const said = { text: utterance.text, lang: utterance.lang };
      window.__said.push(said);
      window.__everSaid.push(said);
      setTimeout(() => utterance.dispatchEvent(new Event("end")), 40);
    },
    cancel() {
      window.__said = [];
    },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => true,
  };
  Object.defineProperty(window, "speechSynthesis", { value: engine, configurable: true });
}

const said = (page: Page) => page.evaluate(() => window.__said.map((s) => s.text));

/** Waits until the kiosk's latest sentence begins with `start` (each new sentence cuts the last). */
async function hears(page: Page, start: string): Promise<string[]> {
  await page.waitForFunction((start) => window.__said[0]?.text.startsWith(start) === true, start, {
    timeout: 5_000,
  });
  return said(page);
}

/** Presses the down arrow until the focused choice's words begin with `start`. */
async function arrowTo(page: Page, start: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("ArrowDown");
    if ((await said(page))[0]?.startsWith(start)) return;
  }
  throw new Error(`never heard "${start}"`);
}

describe("a blind visitor takes a ticket by ear", () => {
  it("starts audio mode with the keypad's * key, chooses English, a service, documents and priority by keys", async () => {
    const en = DICTIONARIES.en;
    const services = await apiClient(test.app).services("BAKU-1");
    const chosen = services.find((s) => s.code === "DOC-CERT");
    if (!chosen) throw new Error("no DOC-CERT at BAKU-1");
    const before = (await ticketRows(test)).length;

    const { context, page, errors } = await openKiosk(browser, test.url, KIOSK_KEY, { axe: true });
    await page.getByRole("heading", { level: 1, name: DICTIONARIES.az.startHeading }).waitFor();
    // The recorder must be in place before the app loads; the key is kept, so a reload suffices.
    await context.addInitScript(installSpeechRecorder);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: DICTIONARIES.az.startHeading }).waitFor();
    const audioButton = page.getByRole("button", { name: new RegExp(DICTIONARIES.az.audio.button) });
    expect(await audioButton.getAttribute("aria-pressed")).toBe("false");

    await page.keyboard.press("NumpadMultiply");
    expect(await hears(page, DICTIONARIES.az.audio.welcome)).toEqual([
      DICTIONARIES.az.audio.welcome,
      DICTIONARIES.ru.audio.welcome,
      en.audio.welcome,
      "Azərbaycanca",
    ]);
    expect(await page.evaluate(() => window.__said.map((s) => s.lang))).toEqual([
      "az-AZ",
      "ru-RU",
      "en-GB",
      "az-AZ",
    ]);
    expect(await audioButton.getAttribute("aria-pressed")).toBe("true");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await arrowTo(page, "English");
    expect(await page.evaluate(() => window.__said[0]?.lang)).toBe("en-GB");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: en.startHeading }).waitFor();
    await hears(page, en.startHeading);

    await arrowTo(page, chosen.name.en);
    expect((await said(page))[0]).toMatch(/people waiting|person waiting/);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: en.bring.heading }).waitFor();
    const documents = (await hears(page, `${en.chosenService}: ${chosen.name.en}`))[0] ?? "";
    for (const document of chosen.documents ?? []) expect(documents).toContain(document.en);
    expect(await seriousViolations(page)).toEqual([]);

    // Escape goes back a step; the start screen is read again.
    await page.keyboard.press("Escape");
    await page.getByRole("heading", { level: 1, name: en.startHeading }).waitFor();
    await hears(page, en.startHeading);
    await arrowTo(page, chosen.name.en);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: en.bring.heading }).waitFor();

    await arrowTo(page, en.bring.continue);
    await page.keyboard.press("Enter");
    // The optional phone for texts is read out and skipped by ear.
    await page.getByRole("heading", { level: 1, name: en.phone.heading }).waitFor();
    await hears(page, en.phone.heading);
    await arrowTo(page, en.phone.skip);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: en.priorityHeading }).waitFor();
    await hears(page, `${en.chosenService}: ${chosen.name.en}. ${en.priorityHeading}`);
    expect(await seriousViolations(page)).toEqual([]);
    await arrowTo(page, en.priorityNo);
    await page.keyboard.press("Enter");

    await page.getByRole("heading", { level: 1, name: en.ticketHeading }).waitFor();
    const code = (await page.locator(".ticket-code").textContent()) ?? "";
    const ticketSpeech = (await hears(page, "Your ticket number is"))[0] ?? "";
    expect(ticketSpeech).toContain(`Your ticket number is ${spokenCode(code, "en")}. People ahead of you: `);
    // No counter is open in this test, so the voice says what the screen says instead of a figure.
    expect(ticketSpeech).toContain(`Estimated wait: ${en.noEstimate}.`);
    expect(await seriousViolations(page)).toEqual([]);

    const rows = await ticketRows(test);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ code, priority: "none", language: "en", service_id: chosen.id });

    // Done ends the visit and audio mode with it: the next visitor finds a silent kiosk in Azerbaijani.
    await page.getByRole("button", { name: en.done }).click();
    await page.getByRole("heading", { level: 1, name: DICTIONARIES.az.startHeading }).waitFor();
    expect(await audioButton.getAttribute("aria-pressed")).toBe("false");
    expect(errors).toEqual([]);
    await context.close();
  });
});
