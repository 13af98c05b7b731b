// @vitest-environment node
import type { Service } from "@dost/shared";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import {
  assertConsoleBuilt,
  CENTRE,
  eventNotes,
  issueTickets,
  notice,
  openConsole,
  openCounter,
  serverTicket,
  showsNobody,
  showsVisitor,
  signIn,
  untilStatus,
  watchDisplay,
} from "./console.js";

let test: TestApp;
let browser: Browser;
let display: Awaited<ReturnType<typeof watchDisplay>>;
let services: Service[];

beforeAll(async () => {
  assertConsoleBuilt();
  [test, browser] = await Promise.all([startTestApp({ listen: true }), launchBrowser()]);
  display = await watchDisplay(test.url);
  services = await apiClient(test.app).services(CENTRE);
});

afterAll(async () => {
  display?.close();
  await browser?.close();
  await test?.close();
});

function service(index: number): Service {
  const found = services[index];
  if (!found) throw new Error(`the demo has no service #${index}`);
  return found;
}

const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

describe("counter work by mouse", () => {
  it("signs in, opens a counter and serves visitors through every action", async () => {
    const [a, b] = [service(0), service(1)];
    const [t0, t1, t2, t3, t4] = await issueTickets(test, a, 5);
    if (!t0 || !t1 || !t2 || !t3 || !t4) throw new Error("issue");
    const { context, page, errors } = await openConsole(browser, test.url, { axe: true });
    expect(await seriousViolations(page)).toEqual([]);

    await signIn(page, "staff.baku1.1");
    await page.getByRole("heading", { name: "Open a counter" }).waitFor();
    expect(await page.getByRole("link", { name: "Monitoring" }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await openCounter(page, "3", [a]);

    // Call next: the hall display hears it.
    await button(page, "Call next").click();
    await showsVisitor(page, t0.code);
    expect((await display.received(t0.code, false)).counter.label).toBe("3");
    expect(await seriousViolations(page)).toEqual([]);

    await button(page, "Recall").click();
    await display.received(t0.code, true);
    await notice(page, `Called ${t0.code} again.`);

    await button(page, "Start").click();
    await notice(page, `Serving ${t0.code}.`);
    expect((await serverTicket(test, t0)).status).toBe("serving");

    await page.getByLabel("A short note").fill("Brought the pension certificate");
    await button(page, "Save note").click();
    await page.getByText(`Note on ${t0.code} saved.`).waitFor();

    await button(page, "Complete").click();
    await page.locator(".pending", { hasText: `${t0.code} will be marked served` }).waitFor();
    expect((await serverTicket(test, t0)).status).toBe("serving");
    await button(page, "Do it now").click();
    await untilStatus(test, t0, "done");
    await showsNobody(page);
    expect(await eventNotes(test, t0)).toContain("Brought the pension certificate");

    // Transfer to another service, with a note: same code, waiting again elsewhere.
    await button(page, "Call next").click();
    await showsVisitor(page, t1.code);
    await button(page, "Transfer").click();
    const transfer = page.getByRole("dialog");
    expect(await seriousViolations(page)).toEqual([]);
    await transfer.getByLabel("To the service").selectOption(b.id);
    await transfer.getByLabel("Note for the next employee").fill("Needs the survivor's pension desk");
    await transfer.getByRole("button", { name: "Transfer" }).click();
    const moved = await untilStatus(test, t1, "waiting");
    expect([moved.serviceId, moved.code]).toEqual([b.id, t1.code]);
    expect(await eventNotes(test, t1)).toContain("Needs the survivor's pension desk");
    await showsNobody(page);

    await button(page, "Call next").click();
    await showsVisitor(page, t2.code);
    await button(page, "No-show").click();
    await button(page, "Do it now").click();
    await untilStatus(test, t2, "no_show");

    // Out of turn: t4 ahead of t3, with the reason in the log.
    await page.getByRole("button", { name: `Call ${t4.code} out of turn` }).click();
    const outOfTurn = page.getByRole("dialog");
    await outOfTurn.getByLabel("Reason").fill("Came back with documents");
    await outOfTurn.getByRole("button", { name: `Call ${t4.code}` }).click();
    await showsVisitor(page, t4.code);
    await display.received(t4.code, false);
    expect((await serverTicket(test, t3)).status).toBe("waiting");
    expect((await eventNotes(test, t4)).join()).toContain("Came back with documents");

    await button(page, "Cancel ticket").click();
    await button(page, "Do it now").click();
    await untilStatus(test, t4, "cancelled");
    await showsNobody(page);

    // A break with a reason, back to work, and closing the counter.
    await page.getByRole("button", { name: "Break" }).click();
    await page.getByRole("dialog").getByLabel("Lunch").check();
    await page.getByRole("dialog").getByRole("button", { name: "Start break" }).click();
    await page.getByText("On break: Lunch").waitFor();
    expect(await button(page, "Call next").isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Back to work" }).click();
    await notice(page, "Counter 3 is open again.");
    await button(page, "Close counter").click();
    await page.getByRole("heading", { name: "Open a counter" }).waitFor();
    const staff = await apiClient(test.app).login("staff.baku1.1");
    const counter3 = (await apiClient(test.app).counters(CENTRE, staff.auth)).find((c) => c.label === "3");
    expect([counter3?.status, counter3?.user]).toEqual(["closed", null]);

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("counter work by keyboard", () => {
  it("does every action with its single key", async () => {
    const [a, c] = [service(0), service(2)];
    const [k0, k1, k2, k3, k4, k5, k6] = await issueTickets(test, c, 7);
    if (!k0 || !k1 || !k2 || !k3 || !k4 || !k5 || !k6) throw new Error("issue");
    const { context, page, errors } = await openConsole(browser, test.url);
    await signIn(page, "staff.baku1.2");
    await openCounter(page, "4", [c]);
    const key = (k: string) => page.keyboard.press(k);

    await key("n");
    await showsVisitor(page, k0.code);
    await display.received(k0.code, false);
    await notice(page, `Called ${k0.code}.`);
    await key("r");
    await display.received(k0.code, true);
    await notice(page, `Called ${k0.code} again.`);
    await key("s");
    await notice(page, `Serving ${k0.code}.`);

    // C holds the completion; U undoes it, and nothing reaches the server even after the window.
    await key("c");
    await page.locator(".pending", { hasText: `${k0.code} will be marked served` }).waitFor();
    await key("u");
    await notice(page, "Undone: nothing was sent.");
    await page.waitForTimeout(5500);
    expect((await serverTicket(test, k0)).status).toBe("serving");

    // C again, then N sends it at once and calls the next visitor.
    await key("c");
    await key("n");
    await showsVisitor(page, k1.code);
    await untilStatus(test, k0, "done", 1000);

    await key("t");
    const transfer = page.getByRole("dialog");
    await transfer.getByLabel("To the service").selectOption(a.id);
    await transfer.getByLabel("Note for the next employee").focus();
    await page.keyboard.type("Pension question");
    await key("Enter");
    expect((await untilStatus(test, k1, "waiting")).serviceId).toBe(a.id);
    await showsNobody(page);

    // X holds the no-show and sends it when its undo window ends.
    await key("n");
    await showsVisitor(page, k2.code);
    await notice(page, `Called ${k2.code}.`);
    await key("x");
    await untilStatus(test, k2, "no_show");
    await showsNobody(page);

    await key("n");
    await showsVisitor(page, k3.code);
    await notice(page, `Called ${k3.code}.`);
    await key("Delete");
    await key("n");
    await showsVisitor(page, k4.code);
    await untilStatus(test, k3, "cancelled", 1000);

    // Free the counter from the keyboard, then call k6 out of turn with Tab-reachable controls.
    await notice(page, `Called ${k4.code}.`);
    await key("Delete");
    await page.getByRole("button", { name: "Do it now" }).focus();
    await key("Enter");
    await untilStatus(test, k4, "cancelled");
    await showsNobody(page);
    await page.getByRole("button", { name: `Call ${k6.code} out of turn` }).focus();
    await key("Enter");
    await page.keyboard.type("Urgent case");
    await key("Enter");
    await showsVisitor(page, k6.code);
    expect((await serverTicket(test, k5)).status).toBe("waiting");
    expect((await eventNotes(test, k6)).join()).toContain("Urgent case");

    // M jumps to the note; Ctrl+Enter saves it; the note's letters never trigger an action.
    await key("m");
    await page.keyboard.type("Needs a certificate");
    await key("Control+Enter");
    await page.getByText(`Note on ${k6.code} saved.`).waitFor();
    expect((await serverTicket(test, k6)).status).toBe("called");
    expect(await eventNotes(test, k6)).toContain("Needs a certificate");

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("why the next visitor is next", () => {
  it("says in plain words why the ticket just called and the next ones stand where they do", async () => {
    const d = service(3);
    const [o1, o2] = await issueTickets(test, d, 2);
    const veteran = (await apiClient(test.app).issue(CENTRE, { serviceId: d.id, priority: "veteran" })).body
      .ticket;
    if (!o1 || !o2) throw new Error("issue");
    const { context, page, errors } = await openConsole(browser, test.url, { axe: true });
    await signIn(page, "staff.baku1.3");
    await openCounter(page, "5", [d]);

    // The server's clock runs in real time: the minutes waited are whatever they are by now.
    const why = page.getByRole("region", { name: "Why next" });
    const lines = () => why.getByRole("listitem").allTextContents();
    // Issued last, the veteran stands first: the bonus is what puts them there, and the desk says so.
    await why.getByRole("listitem").first().filter({ hasText: veteran.code }).waitFor();
    const [first, second, third] = await lines();
    expect(first).toMatch(new RegExp(`^${veteran.code}: waited \\d+ min \\+ veteran bonus 15 min$`));
    expect(second).toMatch(new RegExp(`^${o1.code}: waited \\d+ min$`));
    expect(third).toMatch(new RegExp(`^${o2.code}: waited \\d+ min$`));
    expect(await seriousViolations(page)).toEqual([]);

    await button(page, "Call next").click();
    await showsVisitor(page, veteran.code);
    await why
      .getByText(new RegExp(`^${veteran.code}, called: waited \\d+ min \\+ veteran bonus 15 min$`))
      .waitFor();
    expect((await lines()).map((line) => line.split(":")[0])).toEqual([
      `${veteran.code}, called`,
      o1.code,
      o2.code,
    ]);

    // The same in Russian.
    await page.getByRole("group", { name: "Language" }).getByRole("button", { name: /^RU/ }).click();
    await page
      .getByRole("region", { name: "Почему следующий" })
      .getByText(new RegExp(`^${veteran.code}, вызван: ждёт \\d+ мин \\+ бонус ветерана 15 мин$`))
      .waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});
