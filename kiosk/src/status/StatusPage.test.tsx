import type { Language } from "@dost/shared";
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { render } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { DICTIONARIES } from "../i18n/i18n.js";
import { CENTRE, PENSION, PUBLIC_ID, ticket } from "../test/fixtures.js";
import { errorBody, installFakeServer, json, unreachable } from "../test/fake-server.js";
import { openSockets } from "../test/fake-socket.js";
import { settle } from "../test/render.js";
import "../test/setup.js";
import { StatusPage } from "./StatusPage.js";

vi.mock("socket.io-client", async () => ({ io: (await import("../test/fake-socket.js")).fakeIo }));

const TICKET = `GET /api/v1/public/tickets/${PUBLIC_ID}`;

/** Waits for the page to show the ticket as waiting, with its live connection opened. */
async function findWaiting(language: Language) {
  await screen.findByText(DICTIONARIES[language].statusWaiting);
  await settle();
}

function renderStatus(language: Language = "az") {
  const server = installFakeServer();
  server.routes[TICKET] = () => json(200, { ticket: ticket({ language }) });
  render(<StatusPage publicId={PUBLIC_ID} />);
  return server;
}

const called = ticket({
  language: "en",
  status: "called",
  calledAt: "2025-03-05T06:30:00.000Z",
  counter: { id: "55555555-5555-4555-8555-555555555555", label: "7" },
  position: null,
  estimatedWaitMinutes: null,
});

describe("the ticket status page", () => {
  it.each<Language>(["az", "ru", "en"])(
    "speaks the ticket's language, %s, and shows its place",
    async (language) => {
      const t = DICTIONARIES[language];
      renderStatus(language);
      expect(await screen.findByText(t.statusWaiting)).toBeTruthy();
      expect(document.documentElement.lang).toBe(language);
      expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(`${t.ticketNumber} A042`);
      expect(screen.getByText(t.peopleAhead).nextSibling?.textContent).toBe("4");
      expect(screen.getByText(t.estimatedWait).nextSibling?.textContent).toBe(t.minutes(18));
      expect(screen.getByText(PENSION.name[language])).toBeTruthy();
      expect(screen.getAllByText(CENTRE.name[language]).length).toBeGreaterThan(0);
    },
  );

  it.each<Language>(["az", "ru", "en"])("shows the wait as its band, %s", async (language) => {
    const t = DICTIONARIES[language];
    const server = installFakeServer();
    server.routes[TICKET] = () =>
      json(200, { ticket: ticket({ language, estimatedWaitRange: { low: 10.2, high: 14.6 } }) });
    render(<StatusPage publicId={PUBLIC_ID} />);
    await findWaiting(language);
    expect(screen.getByText(t.estimatedWait).nextSibling?.textContent).toBe(t.aboutMinutesRange(10, 15));
  });

  it("listens to its own ticket only, and needs no device key", async () => {
    const server = renderStatus();
    await findWaiting("az");
    expect(openSockets().map((s) => s.auth)).toEqual([{ publicId: PUBLIC_ID }]);
    expect(server.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it("follows its place as the tickets ahead are called", async () => {
    const t = DICTIONARIES.en;
    renderStatus("en");
    await findWaiting("en");
    const moved = ticket({ language: "en", position: 1, estimatedWaitMinutes: 4 });
    act(() => openSockets()[0]?.serverSends("ticket:place", { centreId: CENTRE.id, ticket: moved }));
    expect(screen.getByText(t.peopleAhead).nextSibling?.textContent).toBe("1");
  });

  it("says which counter to go to when called, and vibrates", async () => {
    const vibrate = vi.fn(() => true);
    Object.defineProperty(navigator, "vibrate", { value: vibrate, configurable: true });
    renderStatus("en");
    await findWaiting("en");
    act(() => openSockets()[0]?.serverSends("ticket:updated", { centreId: CENTRE.id, ticket: called }));
    expect(screen.getByText("It is your turn!")).toBeTruthy();
    const detail = document.querySelector(".status-detail");
    expect(detail?.textContent).toBe(DICTIONARIES.en.goToCounter("7"));
    expect(detail?.closest("[aria-live]")).toBeTruthy();
    expect(vibrate).toHaveBeenCalledTimes(1);
    // The visitor can switch language at any time; the call is then in the new language.
    await userEvent.click(screen.getByRole("button", { name: "Русский" }));
    expect(document.querySelector(".status-detail")?.textContent).toBe(DICTIONARIES.ru.goToCounter("7"));
    expect(vibrate).toHaveBeenCalledTimes(1);
  });

  it("announces a recall to the same counter again, and vibrates again", async () => {
    const vibrate = vi.fn(() => true);
    Object.defineProperty(navigator, "vibrate", { value: vibrate, configurable: true });
    renderStatus("en");
    await findWaiting("en");
    act(() => openSockets()[0]?.serverSends("ticket:updated", { centreId: CENTRE.id, ticket: called }));
    const first = document.querySelector(".status-title");
    expect(first?.closest("[aria-live='assertive']")).toBeTruthy();
    // The same words, so only new nodes make a screen reader say them again.
    const recall = { ...called, calledAt: "2025-03-05T06:32:00.000Z" };
    act(() => openSockets()[0]?.serverSends("ticket:updated", { centreId: CENTRE.id, ticket: recall }));
    const second = document.querySelector(".status-title");
    expect(second?.textContent).toBe(first?.textContent);
    expect(second).not.toBe(first);
    expect(vibrate).toHaveBeenCalledTimes(2);
    expect(vibrate).toHaveBeenLastCalledWith([400, 200, 400]);
  });

  it("follows the ticket to its end", async () => {
    renderStatus("en");
    await findWaiting("en");
    const socket = openSockets()[0];
    act(() =>
      socket?.serverSends("ticket:updated", {
        centreId: CENTRE.id,
        ticket: { ...called, status: "serving" },
      }),
    );
    expect(screen.getByText("You are being served at counter 7")).toBeTruthy();
    act(() =>
      socket?.serverSends("ticket:updated", { centreId: CENTRE.id, ticket: { ...called, status: "done" } }),
    );
    expect(screen.getByText("Your visit is complete. Thank you!")).toBeTruthy();
  });

  it("reloads the ticket after the live connection comes back", async () => {
    const server = renderStatus("en");
    await findWaiting("en");
    server.routes[TICKET] = () => json(200, { ticket: ticket({ language: "en", position: 1 }) });
    act(() => openSockets()[0]?.connect());
    await vi.waitFor(() =>
      expect(screen.getByText("People ahead of you").nextSibling?.textContent).toBe("1"),
    );
  });

  it("says so when the ticket does not exist", async () => {
    const server = installFakeServer();
    server.routes[TICKET] = () => errorBody(404, "NOT_FOUND");
    render(<StatusPage publicId={PUBLIC_ID} />);
    expect(await screen.findByRole("heading", { level: 1, name: "Talon tapılmadı" })).toBeTruthy();
  });

  it("offers a retry when the server cannot be reached", async () => {
    const server = installFakeServer();
    server.routes[TICKET] = unreachable;
    render(<StatusPage publicId={PUBLIC_ID} />);
    expect(await screen.findByRole("heading", { level: 1, name: "Əlaqə yoxdur" })).toBeTruthy();
    server.routes[TICKET] = () => json(200, { ticket: ticket() });
    await userEvent.click(screen.getByRole("button", { name: "Yenidən cəhd edin" }));
    expect(await screen.findByText("Növbədəsiniz")).toBeTruthy();
  });
});
