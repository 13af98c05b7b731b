import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TicketCalled } from "@dost/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { apiClient } from "../../server/test/support/api.js";
import type { TestApp } from "../../server/test/support/app.js";
import { alignClockWithServer } from "../../server/test/support/browser.js";

/** The e2e tests drive the built app; a missing build would only show the server's 503 page. */
export function assertDisplayBuilt(): void {
  const index = path.join(path.dirname(fileURLToPath(import.meta.url)), "../dist/index.html");
  if (!existsSync(index)) throw new Error('display/dist is missing: run "npm run build -w display" first');
}

export interface SpokenPhrase {
  text: string;
  lang: string;
  at: number;
}

declare global {
  interface Window {
    __speech: SpokenPhrase[];
    /** Phrases handed to speak() while another was still being spoken: a cut-off or an overlap. */
    __speechOverlaps: number;
    __speechCancels: number;
  }
}

/**
 * Replaces speechSynthesis before the app loads: every phrase is recorded and "ends" after a short
 * pause, so tests can read what the hall heard, in which order, and whether anything overlapped.
 */
function installSpeechRecorder(): void {
  window.__speech = [];
  window.__speechOverlaps = 0;
  window.__speechCancels = 0;
  let speaking = false;
  const engine = {
    speaking: false,
    pending: false,
    paused: false,
    onvoiceschanged: null,
    getVoices: () => [],
    speak(utterance: SpeechSynthesisUtterance) {
      if (speaking) window.__speechOverlaps += 1;
      speaking = true;
      window.__speech.push({ text: utterance.text, lang: utterance.lang, at: Date.now() });
      setTimeout(() => {
        speaking = false;
        utterance.dispatchEvent(new Event("end"));
      }, 40);
    },
    cancel() {
      window.__speechCancels += 1;
    },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => true,
  };
  Object.defineProperty(window, "speechSynthesis", { value: engine, configurable: true });
}

/**
 * Headless Chromium never blocks audio, so this plays the autoplay policy of a real browser: the
 * AudioContext stays suspended, and resume() unsettled, until the page has had a user gesture.
 */
function blockSoundUntilClick(): void {
  // navigator.userActivation already reads true under the test browser's flags, so gestures are
  // tracked here: only a trusted click or key press counts, as in a browser's autoplay policy.
  let activated = false;
  const activate = (event: Event) => {
    if (event.isTrusted) activated = true;
  };
  window.addEventListener("pointerdown", activate, true);
  window.addEventListener("keydown", activate, true);
  const Real = window.AudioContext;
  class GatedAudioContext extends Real {
    override get state(): AudioContextState {
      return activated ? super.state : "suspended";
    }
    override resume(): Promise<void> {
      return activated ? super.resume() : new Promise<void>(() => {});
    }
  }
  window.AudioContext = GatedAudioContext;
}

export interface OpenedDisplay {
  context: BrowserContext;
  page: Page;
}

export interface DisplayOptions {
  query?: Record<string, string>;
  centre?: string;
  /**
   * The server's CSP (script-src 'self') rightly refuses injected scripts; axe-core has to be
   * injected, so only the pages that run axe relax it.
   */
  injectAxe?: boolean;
  viewport?: { width: number; height: number };
  soundBlockedUntilClick?: boolean;
}

/** A fresh browser profile with the display paired to BAKU-1 (or another centre) by address. */
export async function openDisplay(
  browser: Browser,
  baseUrl: string,
  {
    query = {},
    centre = "BAKU-1",
    injectAxe = false,
    viewport = { width: 1920, height: 1080 },
    soundBlockedUntilClick = false,
  }: DisplayOptions = {},
): Promise<OpenedDisplay> {
  const context = await browser.newContext({ viewport, bypassCSP: injectAxe });
  await alignClockWithServer(context, baseUrl);
  await context.addInitScript(installSpeechRecorder);
  if (soundBlockedUntilClick) await context.addInitScript(blockSoundUntilClick);
  const page = await context.newPage();
  const params = new URLSearchParams({ key: `demo-display-${centre}`, ...query });
  await page.goto(`${baseUrl}/display/?${params}`);
  // aria-busy clears once the first display-state is drawn.
  await page.locator('.hall-main[aria-busy="false"]').waitFor();
  return { context, page };
}

/** Staff at a counter with a ticket waiting for it, ready for call-next. */
export async function counterWithWaitingTicket(
  test: TestApp,
  username: string,
  counterLabel: string,
  centre = "BAKU-1",
) {
  const api = apiClient(test.app);
  const { auth } = await api.login(username);
  const counters = await api.counters(centre, auth);
  const counter = counters.find((c) => c.label === counterLabel);
  if (!counter) throw new Error(`no counter ${counterLabel} at ${centre}`);
  const [service] = await api.services(centre);
  if (!service) throw new Error(`no services at ${centre}`);
  const opened = await api.openCounter(counter.id, auth, [service.id]);
  if (opened.status >= 300)
    throw new Error(`open counter ${counterLabel}: ${opened.status} ${JSON.stringify(opened.body)}`);
  const issued = await api.issue(centre, { serviceId: service.id });
  if (issued.status !== 201) throw new Error(`issue: ${issued.status}`);
  return { api, auth, counter, service, ticket: issued.body.ticket };
}

/** Epoch ms at which `.now-call[data-code=code]` first appears, recorded inside the page. */
export async function watchForNewestCall(page: Page, code: string): Promise<void> {
  await page.evaluate((wanted) => {
    const w = window as unknown as { __seenAt: Promise<number> };
    w.__seenAt = new Promise<number>((resolve) => {
      const found = () => document.querySelector(`.now-call[data-code="${wanted}"]`) !== null;
      if (found()) return resolve(Date.now());
      const observer = new MutationObserver(() => {
        if (!found()) return;
        observer.disconnect();
        resolve(Date.now());
      });
      observer.observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
    });
  }, code);
}

export function seenAt(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __seenAt: Promise<number> }).__seenAt);
}

/** A synthetic ticket:called for the display room, as the server would send it. */
export function fakeCall(
  centreId: string,
  n: number,
  counter: { id: string; label: string; zone: string },
  serviceId: string,
  calledAt = new Date(),
): TicketCalled {
  return {
    centreId,
    ticketId: randomUUID(),
    code: `Z${String(n % 1000).padStart(3, "0")}`,
    serviceId,
    counter,
    calledAt: calledAt.toISOString(),
    recall: false,
  };
}
