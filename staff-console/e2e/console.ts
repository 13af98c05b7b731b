import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Service, Ticket, TicketCalled } from "@dost/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import pg from "pg";
import { io } from "socket.io-client";
import { apiClient } from "../../server/test/support/api.js";
import type { TestApp } from "../../server/test/support/app.js";

export const CENTRE = "BAKU-1";

/** The e2e tests drive the built app; a missing build would only show the server's 503 page. */
export function assertConsoleBuilt(): void {
  const index = path.join(path.dirname(fileURLToPath(import.meta.url)), "../dist/index.html");
  if (!existsSync(index))
    throw new Error('staff-console/dist is missing: run "npm run build -w staff-console" first');
}

/**
 * A fresh browser profile on the console, in English unless the page itself switches (the init
 * script only fills an empty choice, so a switch survives reloads as it would for a person).
 * `axe` relaxes the server's CSP, which rightly refuses the injected axe-core script.
 */
export async function openConsole(
  browser: Browser,
  baseUrl: string,
  { axe = false }: { axe?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: axe });
  await context.addInitScript(() => {
    if (!localStorage.getItem("dost.console.language")) localStorage.setItem("dost.console.language", "en");
  });
  // A missing element fails in seconds with Playwright's message, not at the test's timeout.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${baseUrl}/console/`);
  return { context, page, errors };
}

export async function signIn(page: Page, username: string, password = "dost-demo"): Promise<void> {
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/** Picks a free counter and a work profile on the "Open a counter" screen, then opens it. */
export async function openCounter(page: Page, label: string, services?: Service[]): Promise<void> {
  await page.getByRole("heading", { name: "Open a counter" }).waitFor();
  await page
    .locator("label.counter-tile", { has: page.getByRole("radio", { name: `${label} Free`, exact: true }) })
    .click();
  if (services) {
    await page.getByRole("button", { name: "None", exact: true }).click();
    for (const s of services) await page.getByRole("checkbox", { name: s.name.en }).check();
  }
  await page.getByRole("button", { name: `Open counter ${label}` }).click();
  await page.getByText(`Counter ${label}`, { exact: true }).waitFor();
}

/** Resolves once the visitor panel shows `code`. */
export async function showsVisitor(page: Page, code: string): Promise<void> {
  await page
    .getByTestId("current-code")
    .filter({ hasText: new RegExp(`^${code}$`) })
    .waitFor();
}

export async function showsNobody(page: Page): Promise<void> {
  await page.getByText("Nobody at the counter.", { exact: false }).waitFor();
}

/** The hall display's view of the centre: a real socket with the display's device key. */
export async function watchDisplay(url: string, centreKey = `demo-display-${CENTRE}`) {
  const calls: TicketCalled[] = [];
  const socket = io(url, { auth: { deviceKey: centreKey }, transports: ["websocket"] });
  socket.on("ticket:called", (payload: TicketCalled) => calls.push(payload));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return {
    calls,
    async received(code: string, recall: boolean, timeoutMs = 5000): Promise<TicketCalled> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.find((c) => c.code === code && c.recall === recall);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`the display never heard ${code} (recall ${recall})`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => socket.disconnect(),
  };
}

/** The server's word on a ticket, through the citizen's public status endpoint. */
export async function serverTicket(test: TestApp, ticket: Ticket): Promise<Ticket> {
  const res = await apiClient(test.app).call<{ ticket: Ticket }>({
    method: "GET",
    url: `/api/v1/public/tickets/${ticket.publicId}`,
  });
  return res.body.ticket;
}

/** Polls the server until the ticket has `status` (a held action is sent after its undo window). */
export async function untilStatus(
  test: TestApp,
  ticket: Ticket,
  status: Ticket["status"],
  timeoutMs = 9000,
): Promise<Ticket> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await serverTicket(test, ticket);
    if (now.status === status) return now;
    if (Date.now() > deadline) throw new Error(`${ticket.code} is ${now.status}, never became ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function issueTickets(test: TestApp, service: Service, count: number): Promise<Ticket[]> {
  const api = apiClient(test.app);
  const tickets: Ticket[] = [];
  for (let i = 0; i < count; i++) {
    const res = await api.issue(CENTRE, { serviceId: service.id });
    if (res.status !== 201) throw new Error(`issue: ${res.status}`);
    tickets.push(res.body.ticket);
  }
  return tickets;
}

/** The notes in a ticket's event log, read straight from the database the server wrote. */
export async function eventNotes(test: TestApp, ticket: Ticket): Promise<string[]> {
  const client = new pg.Client({ connectionString: test.db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ note: string }>(
      "SELECT note FROM ticket_events WHERE ticket_id = $1 AND note IS NOT NULL ORDER BY id",
      [ticket.id],
    );
    return rows.map((r) => r.note);
  } finally {
    await client.end();
  }
}

/** Resolves once the desk's status line says `text`: the answer has arrived and the desk is free. */
export async function notice(page: Page, text: string): Promise<void> {
  await page.locator(".notice", { hasText: text }).waitFor();
}

/** Waits for the visitor panel to show a code other than `previous`, and returns it. */
export async function nextCode(page: Page, previous: string | null): Promise<string> {
  const handle = await page.waitForFunction((prev) => {
    const text = document.querySelector('[data-testid="current-code"]')?.textContent ?? null;
    return text !== null && text !== prev ? text : null;
  }, previous);
  return (await handle.jsonValue()) as string;
}
