// @vitest-environment node
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCode } from "../../server/src/modules/auth/index.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { assertConsoleBuilt, openConsole } from "./console.js";

/**
 * Two-step sign-in in the console: a manager held to it by the policy sets it up at first sign-in
 * (QR code and key, a code to confirm, the recovery codes once), then signs in with a code as a
 * second step; a wrong code is said so. Every screen of it is checked with axe.
 */
let test: TestApp;
let browser: Browser;

beforeAll(async () => {
  assertConsoleBuilt();
  [test, browser] = await Promise.all([
    startTestApp({ listen: true, env: { MFA_REQUIRED_ROLES: "manager" } }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await test?.close();
});

describe("two-step sign-in", () => {
  it("is set up at first sign-in when the policy asks, then asked for as a second step", async () => {
    const { context, page, errors } = await openConsole(browser, test.url, { axe: true });
    const axeOn: Record<string, unknown[]> = {};

    await page.locator("#username").fill("manager.baku1");
    await page.locator("#password").fill("dost-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Set up two-step sign-in" }).waitFor();
    await page.getByRole("img", { name: "QR code for the authenticator app" }).waitFor();
    // The policy holds the manager here: no way into the console but signing out.
    expect(await page.getByRole("button", { name: "Not now" }).count()).toBe(0);
    axeOn.enrolment = await seriousViolations(page);

    const secret = (await page.getByTestId("mfa-secret").textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel("Six-digit code from the app").fill(totpCode(secret, new Date(0)));
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByText("That code is wrong").waitFor();
    await page.getByLabel("Six-digit code from the app").fill(totpCode(secret, test.clock.now()));
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByRole("heading", { name: "Two-step sign-in is on" }).waitFor();
    const codes = await page
      .getByRole("list", { name: "Recovery codes" })
      .getByRole("listitem")
      .allTextContents();
    expect(codes).toHaveLength(10);
    axeOn.recoveryCodes = await seriousViolations(page);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();

    // Next time: the password, then the code.
    await page.locator("#username").fill("manager.baku1");
    await page.locator("#password").fill("dost-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    const code = page.getByLabel("Code", { exact: true });
    await code.waitFor();
    axeOn.secondStep = await seriousViolations(page);
    await code.fill("000000" === totpCode(secret, test.clock.now()) ? "111111" : "000000");
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByText("That code is wrong or was already used").waitFor();
    // The next step's code (the one confirmed at set-up is used up).
    await code.fill(totpCode(secret, new Date(test.clock.now().getTime() + 30_000)));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    // Set up: the top bar no longer offers it.
    expect(await page.getByRole("button", { name: "Two-step sign-in" }).count()).toBe(0);

    expect(axeOn).toEqual({ enrolment: [], recoveryCodes: [], secondStep: [] });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("is offered to a member of staff outside the policy, who may leave it for later", async () => {
    const { context, page, errors } = await openConsole(browser, test.url);
    await page.locator("#username").fill("staff.baku1.2");
    await page.locator("#password").fill("dost-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Two-step sign-in" }).click();
    await page.getByRole("heading", { name: "Set up two-step sign-in" }).waitFor();
    await page.getByRole("button", { name: "Not now" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
