// @vitest-environment node
/**
 * A whole shift on the default install (issue 11): the BUILT server as `npm start` runs it, with no
 * DATABASE_URL, so on PGlite in a fresh DATA_DIR with the demo seeded. Every cache lives one second
 * and the actions are spaced by longer idle pauses, the pattern that once hung the embedded server
 * (a root-handle read of an expired cache entry inside a transaction, on PGlite's one connection).
 * It runs once, in this project, since the server is a separate process on its own database.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Appointment, Service, Ticket } from "@dost/shared";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announcementText } from "../../display/src/sound/phrases.js";
import { openDisplay, type SpokenPhrase } from "../../display/e2e/hall.js";
import { DICTIONARIES } from "../../kiosk/src/i18n/i18n.js";
import { confirmDocuments, openKiosk } from "../../kiosk/e2e/kiosk-support.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { startServerProcess, type ServerProcess } from "../../server/test/support/processes.js";
import {
  assertConsoleBuilt,
  CENTRE,
  notice,
  openConsole,
  openCounter,
  showsNobody,
  showsVisitor,
  signIn,
} from "./console.js";

/** Tuesday 24 November 2026, 10:00 in Baku: a working morning. */
const WORKING_MORNING = "2026-11-24T06:00:00.000Z";
const CACHE_SECONDS = 1;
/** Longer than every cache's lifetime, so each action after it reads its configuration afresh. */
const IDLE_MS = CACHE_SECONDS * 1000 * 2.5;

let server: ServerProcess;
let dataDir: string;
let browser: Browser;
const health: { status: number; body: string }[] = [];
let polling: ReturnType<typeof setInterval> | undefined;

const idle = () => new Promise((r) => setTimeout(r, IDLE_MS));

async function api<T>(pathname: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}/api/v1${pathname}`, {
    ...init,
    headers: { "content-type": "application/json", ...init.headers },
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const publicTicket = async (publicId: string): Promise<Ticket> =>
  (await api<{ ticket: Ticket }>(`/public/tickets/${publicId}`)).body.ticket;

async function untilTicket(publicId: string, wanted: (t: Ticket) => boolean): Promise<Ticket> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ticket = await publicTicket(publicId);
    if (wanted(ticket)) return ticket;
    if (Date.now() > deadline) throw new Error(`${ticket.code} stayed ${ticket.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A walk-in takes a ticket on the kiosk's screen, in Azerbaijani, and the kiosk resets. */
async function takeTicket(kiosk: Page, service: Service): Promise<{ code: string; publicId: string }> {
  const az = DICTIONARIES.az;
  await kiosk.getByRole("heading", { level: 1, name: az.startHeading }).waitFor();
  await kiosk.getByRole("button", { name: new RegExp(service.name.az) }).click();
  await confirmDocuments(kiosk, az);
  await kiosk.getByRole("button", { name: az.priorityNo, exact: true }).click();
  await kiosk.locator(".ticket-code").waitFor();
  const code = ((await kiosk.locator(".ticket-code").textContent()) ?? "").trim();
  const statusUrl = (await kiosk.locator("figure.qr").getAttribute("data-status-url")) ?? "";
  await kiosk.getByRole("button", { name: az.done }).click();
  return { code, publicId: statusUrl.split("/").pop() ?? "" };
}

async function spoken(page: Page, atLeast: number): Promise<SpokenPhrase[]> {
  await page.waitForFunction((n) => window.__speech.length >= n, atLeast, { timeout: 15_000 });
  return page.evaluate(() => window.__speech);
}

beforeAll(async () => {
  assertConsoleBuilt();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "dost-shift-"));
  [server, browser] = await Promise.all([
    startServerProcess(
      {
        DATABASE_URL: undefined,
        REDIS_URL: undefined,
        DATA_DIR: dataDir,
        NODE_ENV: "development",
        SEED_DEMO: "true",
        CLOCK_START: WORKING_MORNING,
        CONFIG_CACHE_SECONDS: String(CACHE_SECONDS),
        RATE_LIMIT_PUBLIC_PER_MINUTE: "100000",
        RATE_LIMIT_BOOKING_PER_MINUTE: "100000",
      },
      { built: true },
    ),
    launchBrowser(),
  ]);
  // /health, polled through the whole shift: a hang or a "db down" shows up here.
  polling = setInterval(() => {
    void fetch(`${server.url}/health`, { signal: AbortSignal.timeout(5_000) }).then(
      async (r) => health.push({ status: r.status, body: await r.text() }),
      (e: unknown) => health.push({ status: 0, body: String(e) }),
    );
  }, 300);
}, 180_000);

afterAll(async () => {
  clearInterval(polling);
  await browser?.close();
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("a shift on the embedded database (no DATABASE_URL)", () => {
  it("issues, calls, serves, calls out of turn, transfers, books, moves and cancels, never hanging", async () => {
    const services = (await api<{ services: Service[] }>(`/centres/${CENTRE}/services`)).body.services;
    const [a, b] = services;
    if (!a || !b) throw new Error("the demo centre has fewer than two services");

    const display = await openDisplay(browser, server.url);
    const kiosk = await openKiosk(browser, server.url);
    const t0 = await takeTicket(kiosk.page, a);
    await idle();
    const t1 = await takeTicket(kiosk.page, a);
    await idle();
    const t2 = await takeTicket(kiosk.page, a);
    expect(new Set([t0.code, t1.code, t2.code]).size).toBe(3);

    const { page, errors } = await openConsole(browser, server.url);
    await signIn(page, "staff.baku1.1");
    await openCounter(page, "3", [a]);
    const button = (name: string) => page.getByRole("button", { name, exact: true });
    await idle();

    // Call next after an idle pause: the path that once hung on PGlite.
    await button("Call next").click();
    await showsVisitor(page, t0.code);
    await display.page.locator(`.now-call[data-code="${t0.code}"]`).waitFor();
    await idle();
    await button("Start").click();
    await notice(page, `Serving ${t0.code}.`);
    await idle();
    await button("Complete").click();
    await button("Do it now").click();
    await untilTicket(t0.publicId, (t) => t.status === "done");
    await showsNobody(page);
    await idle();

    // Out of turn, after a pause: t2 ahead of t1.
    await page.getByRole("button", { name: `Call ${t2.code} out of turn` }).click();
    const outOfTurn = page.getByRole("dialog");
    await outOfTurn.getByLabel("Reason").fill("Came back with documents");
    await outOfTurn.getByRole("button", { name: `Call ${t2.code}` }).click();
    await showsVisitor(page, t2.code);
    await display.page.locator(`.now-call[data-code="${t2.code}"]`).waitFor();
    expect((await publicTicket(t1.publicId)).status).toBe("waiting");
    await idle();

    // Transfer to another service: waiting again, there.
    await button("Transfer").click();
    const transfer = page.getByRole("dialog");
    await transfer.getByLabel("To the service").selectOption(b.id);
    await transfer.getByRole("button", { name: "Transfer" }).click();
    const moved = await untilTicket(t2.publicId, (t) => t.status === "waiting");
    expect(moved.serviceId).toBe(b.id);
    await showsNobody(page);
    await idle();

    await button("Call next").click();
    await showsVisitor(page, t1.code);
    await display.page.locator(`.now-call[data-code="${t1.code}"]`).waitFor();
    await button("Start").click();
    await notice(page, `Serving ${t1.code}.`);
    await idle();
    await button("Complete").click();
    await button("Do it now").click();
    await untilTicket(t1.publicId, (t) => t.status === "done");

    // The hall heard each call in its three languages, in the order they were made.
    const phrases = await spoken(display.page, 9);
    const heard = phrases.filter((p) => p.lang.startsWith("az")).map((p) => p.text);
    expect(heard).toEqual(
      [t0.code, t2.code, t1.code].map((code) =>
        announcementText({ code, counterLabel: "3", recall: false }, "az"),
      ),
    );

    // A visitor books, moves and cancels an appointment, with idle pauses between.
    const bookable = services.find((s) => s.appointmentEnabled);
    if (!bookable) throw new Error("the demo centre takes no appointments");
    const slots = (
      await api<{ slots: { start: string; available: number }[] }>(
        `/centres/${CENTRE}/services/${bookable.id}/slots?date=2026-11-25`,
      )
    ).body.slots.filter((s) => s.available > 0);
    const [first, second] = slots;
    if (!first || !second) throw new Error("no two free slots tomorrow");
    const booked = await api<{ appointment: Appointment }>("/appointments", {
      method: "POST",
      body: JSON.stringify({
        centreId: CENTRE,
        serviceId: bookable.id,
        start: first.start,
        citizen: { name: "Aysel Məmmədova", phone: "0501234567" },
        language: "az",
      }),
    });
    expect(booked.status).toBe(201);
    const code = booked.body.appointment.code;
    await idle();
    const rescheduled = await api<{ appointment: Appointment }>(`/appointments/${code}/reschedule`, {
      method: "POST",
      // A code alone no longer moves or cancels a booking: the phone's last four digits go with it.
      body: JSON.stringify({ start: second.start, phoneLast4: "4567" }),
    });
    expect([rescheduled.status, rescheduled.body.appointment.start]).toEqual([200, second.start]);
    await idle();
    const cancelled = await api<{ appointment: Appointment }>(`/appointments/${code}/cancel`, {
      method: "POST",
      body: JSON.stringify({ phoneLast4: "4567" }),
    });
    expect([cancelled.status, cancelled.body.appointment.status]).toEqual([200, "cancelled"]);

    // The kiosk still issues after all that, and /health never wavered.
    await idle();
    await takeTicket(kiosk.page, a);
    expect(health.length).toBeGreaterThan(20);
    expect(health.filter((h) => h.status !== 200 || !h.body.includes('"ok"'))).toEqual([]);
    expect(errors).toEqual([]);
    expect(kiosk.errors).toEqual([]);
  }, 300_000);
});
