import type { Language } from "@dost/shared";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { DICTIONARIES } from "../i18n/i18n.js";
import { CHECK_IN_IDLE_MS, IDLE_RESET_MS } from "../kiosk/useIdleReset.js";
import {
  CODE,
  LEGACY_CODE,
  SURVIVOR_PENSION,
  appointmentRoutes,
  conflict,
} from "../test/fake-appointments.js";
import { DEVICE_KEY, errorBody, installFakeServer, unreachable } from "../test/fake-server.js";
import { CENTRE } from "../test/fixtures.js";
import { findStartScreen, renderKiosk, settle } from "../test/render.js";
import "../test/setup.js";

vi.mock("socket.io-client", async () => ({ io: (await import("../test/fake-socket.js")).fakeIo }));

const LANGUAGES: Language[] = ["az", "ru", "en"];
const CHECK_IN = `POST /api/v1/centres/${CENTRE.id}/check-in`;
const display = () => document.querySelector(".code-display")?.textContent;

async function openCodeEntry(language: Language = "az") {
  await findStartScreen();
  const t = DICTIONARIES[language];
  if (language !== "az") fireEvent.click(screen.getByRole("button", { name: t.languageName }));
  fireEvent.click(screen.getByRole("button", { name: t.checkIn.haveAppointment }));
  const heading = await screen.findByRole("heading", { level: 1, name: t.checkIn.heading });
  await settle();
  return heading;
}

function press(keys: string) {
  const keypad = screen.getByRole("group");
  for (const key of keys) fireEvent.click(within(keypad).getByRole("button", { name: key }));
}

describe("checking in with a booking code", () => {
  it.each(LANGUAGES)("takes the code on the keypad in %s and prints the ticket", async (language) => {
    const server = installFakeServer(appointmentRoutes().routes);
    renderKiosk();
    const t = DICTIONARIES[language];
    expect(await openCodeEntry(language)).toBe(document.activeElement);
    const submit = screen.getByRole("button", { name: t.checkIn.submit });
    expect(submit.hasAttribute("disabled")).toBe(true);
    // Only the code's alphabet is on the keypad: no 0, O, 1, I or L.
    for (const absent of ["0", "O", "1", "I", "L"])
      expect(within(screen.getByRole("group")).queryByRole("button", { name: absent })).toBeNull();

    press("HK7M3A");
    expect(display()).toBe("HK7M3-A");
    fireEvent.click(screen.getByRole("button", { name: t.checkIn.backspace }));
    press("XQ9R");
    // Nine characters are no code: neither a new one (10) nor an older one (8).
    expect(submit.hasAttribute("disabled")).toBe(true);
    press("T");
    expect(display()).toBe("HK7M3-XQ9RT");
    expect(screen.getByText(t.checkIn.entered("H K 7 M 3 X Q 9 R T", 10))).toBeTruthy();
    expect(submit.hasAttribute("disabled")).toBe(false);
    fireEvent.click(submit);

    expect(await screen.findByRole("heading", { level: 1, name: t.ticketHeading })).toBeTruthy();
    const request = server.requests.find((r) => r.method === "POST");
    expect(request?.body).toEqual({ code: CODE });
    expect(request?.headers.authorization).toBe(`Device ${DEVICE_KEY}`);
    expect(document.querySelector(".ticket-code")?.textContent).toBe("B007");
    expect(screen.getAllByText(SURVIVOR_PENSION.name[language]).length).toBeGreaterThan(0);
    await waitFor(() => expect(window.print).toHaveBeenCalledTimes(1));
  });

  it("checks in a booking made with an older 8-character code", async () => {
    const server = installFakeServer(appointmentRoutes().routes);
    renderKiosk();
    await openCodeEntry("en");
    const submit = screen.getByRole("button", { name: "Check in" });
    press(LEGACY_CODE);
    expect(submit.hasAttribute("disabled")).toBe(false);
    fireEvent.click(submit);
    await screen.findByRole("heading", { level: 1, name: "Your ticket" });
    expect(server.requests.find((r) => r.method === "POST")?.body).toEqual({ code: LEGACY_CODE });
  });

  it("takes the code from a keyboard, and the whole address from a QR scanner", async () => {
    const server = installFakeServer(appointmentRoutes().routes);
    renderKiosk();
    await openCodeEntry("en");
    const user = userEvent.setup();
    await user.keyboard("hk7x{Backspace}m3-xq");
    expect(display()).toBe("HK7M3-XQ");
    // Enter with an incomplete code does nothing.
    await user.keyboard("{Enter}");
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(0);
    await user.keyboard("{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}");
    expect(display()).toBe("-");
    await user.keyboard("http://queue.example/kiosk/book/manage?code=HK7M3-XQ9RT{Enter}");
    await screen.findByRole("heading", { level: 1, name: "Your ticket" });
    expect(server.requests.find((r) => r.method === "POST")?.body).toEqual({ code: CODE });
  });

  it.each(LANGUAGES)(
    "explains a refusal of a reason it does not know in %s, shows the server's words, and offers ways on",
    async (language) => {
      const { routes } = appointmentRoutes();
      routes[CHECK_IN] = () => conflict("Too early: check-in opens at 10:40. Please come back then.");
      installFakeServer(routes);
      renderKiosk();
      const t = DICTIONARIES[language];
      await openCodeEntry(language);
      press(CODE);
      fireEvent.click(screen.getByRole("button", { name: t.checkIn.submit }));
      const alert = await screen.findByRole("alert");
      await settle();
      expect(within(alert).getByRole("heading", { level: 1, name: t.checkIn.conflictTitle })).toBe(
        document.activeElement,
      );
      expect(alert.textContent).toContain(t.checkIn.conflictText);
      expect(
        within(alert)
          .getByText(/check-in opens at 10:40/)
          .getAttribute("lang"),
      ).toBe("en");

      fireEvent.click(within(alert).getByRole("button", { name: t.checkIn.enterAgain }));
      await screen.findByRole("heading", { level: 1, name: t.checkIn.heading });
      expect(display()).toBe("HK7M3-XQ9RT");
      fireEvent.click(screen.getByRole("button", { name: t.checkIn.submit }));
      fireEvent.click(await screen.findByRole("button", { name: t.checkIn.takeTicket }));
      expect(await screen.findByRole("heading", { level: 1, name: t.startHeading })).toBeTruthy();
    },
  );

  it.each(LANGUAGES)("translates the server's reason in %s, with the hour in Baku time", async (language) => {
    const { routes } = appointmentRoutes();
    routes[CHECK_IN] = () =>
      conflict("Too early: check-in opens at 10:40. Please come back then.", "check_in_too_early", {
        opensAt: "2026-11-24T06:40:00.000Z",
      });
    installFakeServer(routes);
    renderKiosk();
    const t = DICTIONARIES[language];
    await openCodeEntry(language);
    press(CODE);
    fireEvent.click(screen.getByRole("button", { name: t.checkIn.submit }));
    const alert = await screen.findByRole("alert");
    await settle();
    const explained = t.reasons.check_in_too_early({ params: {}, time: () => "10:40" });
    expect(alert.textContent).toContain(explained);
    expect(explained).toContain("10:40");
    // Translated, so the server's English words are not shown.
    expect(alert.querySelector("q[lang='en']")).toBeNull();
    expect(alert.textContent).not.toContain("Please come back then");
  });

  it("says when there is no such booking, and retries after a lost answer", async () => {
    const { routes } = appointmentRoutes();
    const checkIn = routes[CHECK_IN];
    routes[CHECK_IN] = () => errorBody(404, "NOT_FOUND");
    const server = installFakeServer(routes);
    renderKiosk();
    await openCodeEntry();
    const az = DICTIONARIES.az;
    press(CODE);
    fireEvent.click(screen.getByRole("button", { name: az.checkIn.submit }));
    expect(await screen.findByRole("heading", { level: 1, name: az.checkIn.notFoundTitle })).toBeTruthy();
    expect(screen.getByText(az.checkIn.notFoundText)).toBeTruthy();

    routes[CHECK_IN] = unreachable;
    fireEvent.click(screen.getByRole("button", { name: az.checkIn.enterAgain }));
    fireEvent.click(await screen.findByRole("button", { name: az.checkIn.submit }));
    expect(await screen.findByText(az.checkIn.failedText)).toBeTruthy();
    routes[CHECK_IN] = checkIn ?? unreachable;
    fireEvent.click(screen.getByRole("button", { name: az.retry }));
    await screen.findByRole("heading", { level: 1, name: az.ticketHeading });
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(3);
  });

  it("sends one check-in for a double tap, with the keys disabled meanwhile", async () => {
    const { routes } = appointmentRoutes();
    const checkIn = routes[CHECK_IN];
    let answer: () => void = () => undefined;
    routes[CHECK_IN] = (r) =>
      new Promise((resolve) => (answer = () => resolve(checkIn?.(r) ?? conflict(""))));
    const server = installFakeServer(routes);
    renderKiosk();
    await openCodeEntry();
    press(CODE);
    const submit = screen.getByRole("button", { name: DICTIONARIES.az.checkIn.submit });
    act(() => {
      submit.click();
      submit.click();
    });
    expect(screen.getByRole("status").textContent).toBe(DICTIONARIES.az.checkIn.submitting);
    expect((screen.getByRole("button", { name: "A" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => answer());
    await screen.findByRole("heading", { level: 1, name: DICTIONARIES.az.ticketHeading });
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("gives a visitor looking for their code a minute, then resets to the start in Azerbaijani", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installFakeServer(appointmentRoutes().routes);
    renderKiosk();
    await openCodeEntry("ru");
    press("HK7");
    act(() => void vi.advanceTimersByTime(IDLE_RESET_MS + 1000));
    expect(screen.getByRole("heading", { level: 1, name: DICTIONARIES.ru.checkIn.heading })).toBeTruthy();
    act(() => void vi.advanceTimersByTime(CHECK_IN_IDLE_MS));
    expect(screen.getByRole("heading", { level: 1, name: DICTIONARIES.az.startHeading })).toBeTruthy();
    expect(document.documentElement.lang).toBe("az");
  });
});
