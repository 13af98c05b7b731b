// @vitest-environment node
import type { Language } from "@dost/shared";
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../server/test/support/api.js";
import { startTestApp, type TestApp } from "../../server/test/support/app.js";
import { seriousViolations } from "../../server/test/support/axe.js";
import { launchBrowser } from "../../server/test/support/browser.js";
import { DICTIONARIES } from "../src/i18n/i18n.js";
import { assertKioskBuilt, openPhone, smallTargets } from "./kiosk-support.js";

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

async function storedComments(): Promise<string[]> {
  const client = new pg.Client({ connectionString: test.db.url });
  await client.connect();
  try {
    return (await client.query<{ comment: string }>("SELECT comment FROM feedback")).rows.map(
      (r) => r.comment,
    );
  } finally {
    await client.end();
  }
}

describe("rating the visit on the status page, in a real browser", () => {
  it.each<Language>(["az", "ru", "en"])(
    "in %s: asked when the visit ends, keyboard-usable, axe-clean, sent once",
    async (language) => {
      const api = apiClient(test.app);
      const f = DICTIONARIES[language].feedback;
      const [service] = await api.services("BAKU-1");
      const { auth } = await api.login("staff.baku1.1");
      const [counter] = await api.counters("BAKU-1", auth);
      if (!service || !counter) throw new Error("BAKU-1 has no service or counter");
      await api.openCounter(counter.id, auth, [service.id]);
      const issued = (await api.issue("BAKU-1", { serviceId: service.id, language })).body.ticket;
      expect((await api.callNext(counter.id, auth)).body.ticket?.id).toBe(issued.id);
      await api.act(issued.id, "start", auth);

      const phone = await openPhone(browser, { axe: true });
      await phone.page.goto(`${test.url}/kiosk/t/${issued.publicId}`);
      await phone.page.getByText(DICTIONARIES[language].statusServing(counter.label)).waitFor();
      expect(await phone.page.getByRole("heading", { level: 2, name: f.heading }).count()).toBe(0);

      await api.act(issued.id, "complete", auth);
      await phone.page.getByRole("heading", { level: 2, name: f.heading }).waitFor({ timeout: 30_000 });
      expect(await seriousViolations(phone.page)).toEqual([]);
      expect(await smallTargets(phone.page, 44)).toEqual([]);

      // Keyboard only: arrows move between the scores, Space ticks a reason, Enter sends.
      await phone.page.getByRole("radio", { name: f.scores[1] }).focus();
      await phone.page.keyboard.press("Space");
      for (let i = 0; i < 3; i++) await phone.page.keyboard.press("ArrowDown");
      expect(await phone.page.getByRole("radio", { name: f.scores[4] }).isChecked()).toBe(true);
      await phone.page.getByRole("checkbox", { name: f.reasons.hall }).focus();
      await phone.page.keyboard.press("Space");
      await phone.page
        .getByRole("textbox", { name: f.commentLabel })
        .fill(`${language}: call +994 50 123 45 67`);
      await phone.page.getByRole("button", { name: f.send }).focus();
      await phone.page.keyboard.press("Enter");
      await phone.page.getByText(f.thanks).waitFor({ timeout: 30_000 });
      expect(await seriousViolations(phone.page)).toEqual([]);

      expect(await storedComments()).toContain(`${language}: call [phone]`);
      // Reloaded, the page does not ask again.
      await phone.page.reload();
      await phone.page.getByText(f.thanks).waitFor({ timeout: 30_000 });
      expect(await phone.page.getByRole("radio").count()).toBe(0);
      expect(phone.errors).toEqual([]);
      await phone.context.close();
    },
    180_000,
  );
});
