// @vitest-environment node
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import {
  assertConsoleBuilt,
  CENTRE,
  issueTickets,
  nextCode,
  notice,
  openConsole,
  openCounter,
  showsVisitor,
  signIn,
} from "./console.js";

let test: TestApp;
let browser: Browser;

beforeAll(async () => {
  assertConsoleBuilt();
  [test, browser] = await Promise.all([startTestApp({ listen: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await test?.close();
});

async function firstService() {
  const [service] = await apiClient(test.app).services(CENTRE);
  if (!service) throw new Error("the demo has no services");
  return service;
}

describe("two consoles at once", () => {
  it("never give the same visitor to two counters", async () => {
    const service = await firstService();
    const issued = await issueTickets(test, service, 12);
    const [one, two] = await Promise.all([openConsole(browser, test.url), openConsole(browser, test.url)]);
    await Promise.all([signIn(one.page, "staff.baku1.5"), signIn(two.page, "staff.baku1.6")]);
    await Promise.all([openCounter(one.page, "10", [service]), openCounter(two.page, "11", [service])]);

    const seen: string[] = [];
    let codes: [string | null, string | null] = [null, null];
    for (let round = 0; round < 5; round++) {
      // Both press N in the same instant; from round 2 it also sends each one's held completion.
      await Promise.all([one.page.keyboard.press("n"), two.page.keyboard.press("n")]);
      codes = await Promise.all([nextCode(one.page, codes[0]), nextCode(two.page, codes[1])]);
      expect(codes[0]).not.toBe(codes[1]);
      seen.push(...(codes as string[]));
      await Promise.all(codes.map((code, i) => notice([one.page, two.page][i] as Page, `Called ${code}.`)));
      await Promise.all([one.page.keyboard.press("s"), two.page.keyboard.press("s")]);
      await Promise.all(codes.map((code, i) => notice([one.page, two.page][i] as Page, `Serving ${code}.`)));
      await Promise.all([one.page.keyboard.press("c"), two.page.keyboard.press("c")]);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.every((code) => issued.some((t) => t.code === code))).toBe(true);

    // Each console's waiting list follows the other's calls live: both show the server's list.
    const { auth } = await apiClient(test.app).login("manager.baku1");
    const waiting = await apiClient(test.app).call<{ tickets: { code: string }[] }>({
      method: "GET",
      url: `/api/v1/centres/${CENTRE}/tickets?status=waiting&serviceId=${service.id}`,
      auth,
    });
    const expected = waiting.body.tickets.map((t) => t.code);
    for (const { page } of [one, two]) {
      await page.waitForFunction(
        (want) =>
          [...document.querySelectorAll(".waiting tbody tr")]
            .map((r) => r.getAttribute("data-code"))
            .join() === want.join(),
        expected,
      );
    }
    expect([...one.errors, ...two.errors]).toEqual([]);
    await Promise.all([one.context.close(), two.context.close()]);
  });
});

describe("sessions", () => {
  it("returns to sign-in when the session is revoked, and the counter is still there after", async () => {
    const service = await firstService();
    const [ticket] = await issueTickets(test, service, 1);
    if (!ticket) throw new Error("issue");
    const { context, page } = await openConsole(browser, test.url);
    await signIn(page, "staff.baku1.7");
    await openCounter(page, "12", [service]);
    await page.keyboard.press("n");
    const code = await nextCode(page, null);

    // Someone signs this session out elsewhere: the server revokes it and drops its sockets.
    const token = await page.evaluate(() => sessionStorage.getItem("dost.console.token"));
    expect(token).toBeTruthy();
    const api = apiClient(test.app);
    expect(
      (await api.call({ method: "POST", url: "/api/v1/auth/logout", auth: `Bearer ${token}` })).status,
    ).toBe(204);
    await page.getByText("Your session has ended.").waitFor({ timeout: 10_000 });
    await page.locator("#username").waitFor();

    // The counter and its visitor are as they were on the server.
    const { auth } = await api.login("manager.baku1");
    const counter = (await api.counters(CENTRE, auth)).find((c) => c.label === "12");
    expect([counter?.status, counter?.user?.username, counter?.currentTicket?.code]).toEqual([
      "open",
      "staff.baku1.7",
      code,
    ]);

    // Signing in again puts the employee back at that counter with that visitor.
    await signIn(page, "staff.baku1.7");
    await showsVisitor(page, code);
    await page.getByText("Counter 12", { exact: true }).waitFor();

    // Signing out sends nothing that was not decided, and ends at the sign-in screen.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You have signed out.").waitFor();
    await context.close();
  });

  it("keeps the language chosen on any screen across reloads", async () => {
    const { context, page } = await openConsole(browser, test.url);
    await page.getByRole("button", { name: /^RU/ }).click();
    await page.getByRole("button", { name: "Войти" }).waitFor();
    await page.reload();
    await page.getByRole("button", { name: "Войти" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ru");
    await page.getByRole("button", { name: /^AZ/ }).click();
    await page.getByLabel("İstifadəçi adı").fill("staff.baku1.8");
    await page.getByLabel("Şifrə").fill("dost-demo");
    await page.getByRole("button", { name: "Daxil ol" }).click();
    await page.getByRole("button", { name: "Çıxış" }).waitFor();
    await page.getByRole("heading", { name: "Masanı açın" }).waitFor();
    await context.close();
  });

  it("shows a manager the way to monitoring and back to the counter", async () => {
    const { context, page } = await openConsole(browser, test.url);
    await signIn(page, "manager.baku1");
    await page.getByRole("link", { name: "Monitoring" }).click();
    await page.getByRole("heading", { name: "Queues by service" }).waitFor();
    await page.getByRole("link", { name: "Counter", exact: true }).click();
    await page.getByRole("heading", { name: "Open a counter" }).waitFor();
    await context.close();
  });

  it("lets an admin, who belongs to no centre, choose the centre to work in", async () => {
    const { context, page } = await openConsole(browser, test.url);
    await signIn(page, "admin");
    await page.getByText("Choose the centre you work in").waitFor();
    const centres = await apiClient(test.app).call<{ centres: { id: string; code: string }[] }>({
      method: "GET",
      url: "/api/v1/centres",
    });
    const baku = centres.body.centres.find((c) => c.code === CENTRE);
    await page.getByLabel("Centre").selectOption(baku?.id ?? "");
    await page.getByRole("heading", { name: "Open a counter" }).waitFor();
    await page.getByRole("link", { name: "Monitoring" }).waitFor();
    await context.close();
  });
});
