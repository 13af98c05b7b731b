import { act, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DICTIONARIES } from "../i18n/i18n.js";
import { TICKET_SCREEN_SECONDS } from "../kiosk/TicketScreen.js";
import { IDLE_RESET_MS } from "../kiosk/useIdleReset.js";
import { CERTIFICATES, CENTRE, PENSION, ticket } from "../test/fixtures.js";
import { installFakeServer, json } from "../test/fake-server.js";
import { findStartScreen, renderKiosk, settle } from "../test/render.js";
import "../test/setup.js";

vi.mock("socket.io-client", async () => ({ io: (await import("../test/fake-socket.js")).fakeIo }));

const { az, ru, en } = DICTIONARIES;

/** What the kiosk said, phrase by phrase, since the last time it started a new sentence. */
let said: { text: string; lang: string }[] = [];
let cancels = 0;

class RecordedUtterance {
  lang = "";
  rate = 1;
  voice: SpeechSynthesisVoice | null = null;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}

beforeEach(() => {
  said = [];
  cancels = 0;
  const engine = {
    speak: (u: RecordedUtterance) => void said.push({ text: u.text, lang: u.lang }),
    cancel: () => {
      cancels += 1;
      said = [];
    },
    getVoices: () => [],
  };
  Object.defineProperty(window, "speechSynthesis", { value: engine, configurable: true });
  vi.stubGlobal("SpeechSynthesisUtterance", RecordedUtterance);
});

afterEach(() => {
  Reflect.deleteProperty(window, "speechSynthesis");
});

const press = (key: string) => fireEvent.keyDown(document.activeElement ?? window, { key });
const texts = () => said.map((p) => p.text);

describe("audio mode", () => {
  it("starts with the * key, welcomes in every language and reads the languages", async () => {
    installFakeServer();
    renderKiosk();
    await findStartScreen();
    expect(said).toEqual([]);
    press("*");
    await settle();
    expect(said).toEqual([
      { text: az.audio.welcome, lang: "az-AZ" },
      { text: ru.audio.welcome, lang: "ru-RU" },
      { text: en.audio.welcome, lang: "en-GB" },
      { text: "Azərbaycanca", lang: "az-AZ" },
    ]);
    expect(
      screen.getByRole("button", { name: new RegExp(az.audio.buttonOn) }).getAttribute("aria-pressed"),
    ).toBe("true");
    press("ArrowDown");
    expect(said).toEqual([{ text: "Русский", lang: "ru-RU" }]);
    press("ArrowDown");
    expect(said).toEqual([{ text: "English", lang: "en-GB" }]);
  });

  it("reads each screen in the chosen language and takes a ticket by arrows and Enter", async () => {
    const server = installFakeServer();
    server.routes[`POST /api/v1/centres/${CENTRE.id}/tickets`] = () =>
      json(201, { ticket: ticket({ code: "N007", position: 3, estimatedWaitRange: { low: 10, high: 15 } }) });
    renderKiosk();
    await findStartScreen();
    fireEvent.click(screen.getByRole("button", { name: new RegExp(az.audio.button) }));
    await settle();
    press("ArrowDown");
    press("ArrowDown");
    // Enter on a button is the browser's click.
    fireEvent.click(document.activeElement as HTMLElement);
    await screen.findByRole("heading", { level: 1, name: en.startHeading });
    expect(texts()[0]).toBe(`${en.startHeading}. 3 services. ${en.audio.keysHelp}`);
    expect(said[0]?.lang).toBe("en-GB");

    press("ArrowDown");
    expect(texts()).toEqual(["Old-age labour pension. 4 people waiting. Wait about 18 minutes."]);
    let guard = 0;
    while (!texts()[0]?.startsWith(CERTIFICATES.name.en) && guard++ < 10) press("ArrowDown");
    fireEvent.click(document.activeElement as HTMLElement);
    await screen.findByRole("heading", { level: 1, name: en.bring.heading });
    expect(texts()[0]).toContain("Identity card; Power of attorney when applying for someone else");

    // Escape goes back to the services, and the screen says so.
    press("Escape");
    await screen.findByRole("heading", { level: 1, name: en.startHeading });
    expect(texts()[0]).toContain(en.startHeading);
    guard = 0;
    while (!texts()[0]?.startsWith(CERTIFICATES.name.en) && guard++ < 10) press("ArrowDown");
    fireEvent.click(document.activeElement as HTMLElement);
    await screen.findByRole("heading", { level: 1, name: en.bring.heading });

    press("ArrowDown");
    expect(texts()).toEqual([en.bring.continue]);
    fireEvent.click(document.activeElement as HTMLElement);
    // The optional phone for texts: read out, and skipped by the arrows and Enter.
    await screen.findByRole("heading", { level: 1, name: en.phone.heading });
    expect(texts()[0]).toContain(en.phone.hint);
    guard = 0;
    while (texts()[0] !== en.phone.skip && guard++ < 20) press("ArrowDown");
    expect(texts()).toEqual([en.phone.skip]);
    fireEvent.click(document.activeElement as HTMLElement);
    await screen.findByRole("heading", { level: 1, name: en.priorityHeading });
    expect(texts()[0]).toContain(en.priorityHint);
    press("ArrowDown");
    expect(texts()).toEqual([en.priorityNo]);
    fireEvent.click(document.activeElement as HTMLElement);
    await screen.findByRole("heading", { level: 1, name: en.ticketHeading });
    await settle();
    expect(texts()[0]).toContain("Your ticket number is N, 7. People ahead of you: 3.");
    expect(texts()[0]).toContain("about 10 to 15 minutes");
    // The screen stays long enough to hear it, and to hear it again.
    const left = Number(/\d+/.exec(document.querySelector(".countdown")?.textContent ?? "")?.[0]);
    expect(left).toBeGreaterThan(TICKET_SCREEN_SECONDS);
    // The key repeats it.
    said = [];
    press("*");
    expect(texts()[0]).toContain("Your ticket number is N, 7.");
  });

  it("is ended by idleness, and the next visitor finds the kiosk silent in Azerbaijani", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installFakeServer();
    renderKiosk();
    await findStartScreen();
    press("*");
    await settle();
    expect(said.length).toBeGreaterThan(0);
    const before = cancels;
    act(() => void vi.advanceTimersByTime(IDLE_RESET_MS + 100));
    await settle();
    expect(cancels).toBeGreaterThan(before);
    expect(
      screen.getByRole("button", { name: new RegExp(az.audio.button) }).getAttribute("aria-pressed"),
    ).toBe("false");
    said = [];
    press("ArrowDown");
    expect(said).toEqual([]);
  });

  it("is ended by Escape on the start screen, which says so", async () => {
    installFakeServer();
    renderKiosk();
    await findStartScreen();
    press("F1");
    await settle();
    press("Escape");
    await settle();
    expect(said).toEqual([{ text: az.audio.off, lang: "az-AZ" }]);
    expect(
      screen.getByRole("button", { name: new RegExp(az.audio.button) }).getAttribute("aria-pressed"),
    ).toBe("false");
    expect(screen.getByRole("heading", { level: 1, name: az.startHeading })).toBeTruthy();
  });
});

describe("without speech in the browser", () => {
  it("offers no audio mode", async () => {
    Reflect.deleteProperty(window, "speechSynthesis");
    installFakeServer();
    renderKiosk();
    await findStartScreen();
    expect(screen.queryByRole("button", { name: new RegExp(az.audio.button) })).toBeNull();
    expect(PENSION.name.az).toBeTruthy();
  });
});
