import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Messages } from "../src/i18n/messages.js";
import type { TestApp } from "../../server/test/support/app.js";
import { alignClockWithServer } from "../../server/test/support/browser.js";

export const KIOSK_KEY = "demo-kiosk-BAKU-1";

/** The e2e tests drive the built app; a missing build would only show the server's 503 page. */
export function assertKioskBuilt(): void {
  const index = path.join(path.dirname(fileURLToPath(import.meta.url)), "../dist/index.html");
  if (!existsSync(index)) throw new Error('kiosk/dist is missing: run "npm run build -w kiosk" first');
}

declare global {
  interface Window {
    __printed: number;
    __vibrations: unknown[];
  }
}

/**
 * Records window.print() and navigator.vibrate() instead of performing them: headless Chromium has
 * no printer, and a test must see that the kiosk printed and the phone buzzed.
 */
function installRecorders(): void {
  window.__printed = 0;
  window.__vibrations = [];
  window.print = () => {
    window.__printed += 1;
  };
  Object.defineProperty(navigator, "vibrate", {
    configurable: true,
    value: (pattern: unknown) => {
      window.__vibrations.push(pattern);
      return true;
    },
  });
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors: a broken screen fails the test that saw it. */
  errors: string[];
}

async function open(context: BrowserContext): Promise<Opened> {
  await context.addInitScript(installRecorders);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { context, page, errors };
}

/**
 * The axe helper injects axe-core as an inline script, which the server's Content-Security-Policy
 * rightly refuses; contexts that run axe bypass the CSP, the others keep it, so those tests also
 * prove the app runs under it.
 */
export interface OpenOptions {
  axe?: boolean;
  /** Set the browser's clock to the server's (its test clock) before the page loads. */
  serverClock?: boolean;
}

/** A 1080×1920 portrait touch kiosk, as DOST halls mount them. */
export async function openKiosk(
  browser: Browser,
  baseUrl: string,
  key: string | null = KIOSK_KEY,
  options: OpenOptions = {},
) {
  const opened = await open(
    await browser.newContext({
      viewport: { width: 1080, height: 1920 },
      hasTouch: true,
      bypassCSP: options.axe ?? false,
    }),
  );
  if (options.serverClock) await alignClockWithServer(opened.context, baseUrl);
  await opened.page.goto(`${baseUrl}/kiosk/${key ? `?key=${encodeURIComponent(key)}` : ""}`);
  return opened;
}

/** A visitor's phone. */
export async function openPhone(browser: Browser, options: OpenOptions = {}) {
  return open(
    await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      bypassCSP: options.axe ?? false,
    }),
  );
}

export interface TicketRow {
  code: string;
  priority: string;
  language: string;
  status: string;
  public_id: string;
  service_id: string;
}

/** The tickets table as the database has it, newest last. */
export async function ticketRows(test: TestApp): Promise<TicketRow[]> {
  const client = new pg.Client({ connectionString: test.db.url });
  await client.connect();
  try {
    const result = await client.query<TicketRow>(
      "SELECT code, priority, language, status, public_id, service_id FROM tickets ORDER BY issued_at, code",
    );
    return result.rows;
  } finally {
    await client.end();
  }
}

/**
 * Controls on screen smaller than `min` × `min` CSS pixels: 64 is the kiosk's least touch target,
 * 44 a phone's (the appointment pages).
 */
export async function smallTargets(page: Page, min = 64): Promise<string[]> {
  return page.evaluate(
    (min) =>
      [...document.querySelectorAll<HTMLElement>("button, input, a[href], [role='button']")]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < min || box.height < min)
        .map(
          ({ el, box }) =>
            `${el.textContent ?? el.tagName} (${Math.round(box.width)}×${Math.round(box.height)})`,
        ),
    min,
  );
}

/** Whether the page is wider than its viewport, which on a phone means sideways scrolling. */
export async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

export interface AppointmentRow {
  code: string;
  status: string;
  start: Date;
  language: string;
  service_id: string;
  citizen_name: string | null;
  citizen_phone: string | null;
  citizen_pin: string | null;
  ticket_id: string | null;
}

/** The appointments table as the database has it, oldest first. */
export async function appointmentRows(test: TestApp): Promise<AppointmentRow[]> {
  const client = new pg.Client({ connectionString: test.db.url });
  await client.connect();
  try {
    const result = await client.query<AppointmentRow>(
      `SELECT code, status, start, language, service_id, citizen_name, citizen_phone, citizen_pin, ticket_id
       FROM appointments ORDER BY created_at, code`,
    );
    return result.rows;
  } finally {
    await client.end();
  }
}

/**
 * "Do you have these with you?": every demo service lists documents, so after choosing a service the
 * kiosk asks this before the priority question; answers Continue, then skips the optional phone
 * number that comes next (phone-texts.test.ts enters one).
 */
export async function confirmDocuments(page: Page, t: Messages): Promise<void> {
  await page.getByRole("heading", { level: 1, name: t.bring.heading }).waitFor();
  await page.getByRole("button", { name: t.bring.continue, exact: true }).click();
  await skipPhone(page, t);
}

/** The optional phone number before the priority question: Skip. */
export async function skipPhone(page: Page, t: Messages): Promise<void> {
  await page.getByRole("heading", { level: 1, name: t.phone.heading }).waitFor();
  await page.getByRole("button", { name: t.phone.skip, exact: true }).click();
}
