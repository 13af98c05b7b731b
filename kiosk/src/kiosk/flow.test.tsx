import type { Language } from "@dost/shared";
import { act, fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { DICTIONARIES } from "../i18n/i18n.js";
import { CERTIFICATES, CENTRE, JOBS, PENSION, PUBLIC_ID, ticket } from "../test/fixtures.js";
import { installFakeServer, json, unreachable } from "../test/fake-server.js";
import { openSockets } from "../test/fake-socket.js";
import { findStartScreen, renderKiosk, settle } from "../test/render.js";
import "../test/setup.js";
import { TICKET_SCREEN_SECONDS } from "./TicketScreen.js";
import { skipPhone } from "../test/phone-step.js";

vi.mock("socket.io-client", async () => ({ io: (await import("../test/fake-socket.js")).fakeIo }));

const LANGUAGES: Language[] = ["az", "ru", "en"];

async function switchTo(language: Language) {
  await userEvent.click(screen.getByRole("button", { name: DICTIONARIES[language].languageName }));
}

describe("the start screen", () => {
  it("opens in Azerbaijani with the centre's name and its services grouped by category", async () => {
    installFakeServer();
    renderKiosk();
    await findStartScreen();
    expect(document.documentElement.lang).toBe("az");
    expect(screen.getByText(CENTRE.name.az)).toBeTruthy();
    const pensions = screen.getByRole("region", { name: "Pensiyalar" });
    expect(within(pensions).getByRole("button", { name: new RegExp(PENSION.name.az) })).toBeTruthy();
    expect(screen.getByRole("region", { name: "Məşğulluq" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "Arayışlar və sənədlər" })).toBeTruthy();
  });

  it("labels every language in its own language and marks the chosen one", async () => {
    installFakeServer();
    renderKiosk();
    await findStartScreen();
    const nav = screen.getByRole("navigation", { name: "Dil" });
    const buttons = within(nav).getAllByRole("button");
    expect(buttons.map((b) => [b.textContent, b.getAttribute("lang")])).toEqual([
      ["Azərbaycanca", "az"],
      ["Русский", "ru"],
      ["English", "en"],
    ]);
    expect(buttons[0]?.getAttribute("aria-pressed")).toBe("true");
  });

  it.each(LANGUAGES)("shows waiting counts and estimated waits in %s", async (language) => {
    installFakeServer();
    renderKiosk();
    await findStartScreen();
    await switchTo(language);
    const t = DICTIONARIES[language];
    expect(document.documentElement.lang).toBe(language);
    expect(screen.getByRole("heading", { level: 1, name: t.startHeading })).toBeTruthy();
    expect(screen.getByText(CENTRE.name[language])).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: t.categories.pensions })).toBeTruthy();
    const pension = screen.getByRole("button", { name: new RegExp(PENSION.name[language]) });
    expect(pension.textContent).toContain(`${t.waitingLabel}: 4`);
    expect(pension.textContent).toContain(t.minutes(18));
    expect(screen.getByRole("button", { name: new RegExp(JOBS.name[language]) }).textContent).toContain(
      t.underAMinute,
    );
    expect(
      screen.getByRole("button", { name: new RegExp(CERTIFICATES.name[language]) }).textContent,
    ).toContain(t.hoursMinutes(1, 15));
  });

  it("keeps the figures live from queue:changed", async () => {
    installFakeServer();
    renderKiosk();
    await findStartScreen();
    const [socket] = openSockets();
    expect(socket?.auth).toEqual({ deviceKey: "demo-kiosk-BAKU-1" });
    act(() => {
      socket?.connect();
      socket?.serverSends("queue:changed", {
        centreId: CENTRE.id,
        services: [{ serviceId: PENSION.id, waiting: 9, longestWaitSeconds: 600, estimatedWaitMinutes: 41 }],
      });
    });
    const pension = screen.getByRole("button", { name: new RegExp(PENSION.name.az) });
    expect(pension.textContent).toContain("Növbədə: 9");
    expect(pension.textContent).toContain("~41 dəq.");
  });
});

describe("the priority question and the ticket", () => {
  it.each(LANGUAGES)("takes a ticket in %s", async (language) => {
    const server = installFakeServer();
    renderKiosk();
    await findStartScreen();
    await switchTo(language);
    const t = DICTIONARIES[language];

    await userEvent.click(screen.getByRole("button", { name: new RegExp(PENSION.name[language]) }));
    await skipPhone();
    expect(screen.getByRole("heading", { level: 1, name: t.priorityHeading })).toBeTruthy();
    expect(screen.getByRole("button", { name: t.priorityNo })).toBeTruthy();
    for (const group of Object.values(t.priorityGroups))
      expect(screen.getByRole("button", { name: group })).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: t.priorityGroups.elderly }));
    expect(await screen.findByRole("heading", { level: 1, name: t.ticketHeading })).toBeTruthy();

    const issued = server.requests.find((r) => r.method === "POST");
    expect(issued?.body).toEqual({ serviceId: PENSION.id, priority: "elderly", language });
    expect(issued?.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(issued?.headers.authorization).toBe("Device demo-kiosk-BAKU-1");

    const card = screen.getByRole("heading", { level: 1, name: t.ticketHeading })
      .parentElement as HTMLElement;
    expect(within(card).getByText("A042")).toBeTruthy();
    expect(within(card).getByText(PENSION.name[language])).toBeTruthy();
    expect(within(card).getByText(CENTRE.name[language])).toBeTruthy();
    // Issued at 06:05 UTC: 10:05 in Baku, whatever the kiosk's own clock says.
    expect(within(card).getByText(/05.03.2025,? 10:05/)).toBeTruthy();
    expect(within(card).getByText(t.peopleAhead).nextSibling?.textContent).toBe("4");
    expect(within(card).getByText(t.estimatedWait).nextSibling?.textContent).toBe(t.minutes(18));

    const qr = screen.getByRole("img", { name: t.scanToFollow });
    expect(qr.tagName.toLowerCase()).toBe("svg");
    expect(qr.closest("figure")?.getAttribute("data-status-url")).toBe(
      `http://localhost:3000/t/${PUBLIC_ID}`,
    );
  });

  it("announces the ticket to screen readers in the chosen language", async () => {
    installFakeServer();
    renderKiosk();
    await findStartScreen();
    await switchTo("ru");
    const live = document.querySelector("[aria-live='polite']");
    expect(live?.textContent).toBe("");
    await userEvent.click(screen.getByRole("button", { name: new RegExp(PENSION.name.ru) }));
    await skipPhone();
    await userEvent.click(screen.getByRole("button", { name: "Нет" }));
    await screen.findByRole("heading", { level: 1, name: "Ваш талон" });
    expect(live?.textContent).toBe("Номер вашего талона A042. Перед вами: 4. Примерное ожидание: ~18 мин.");
  });

  it("shows the ticket's wait as its band and announces it the same way", async () => {
    const server = installFakeServer();
    server.routes[`POST /api/v1/centres/${CENTRE.id}/tickets`] = () =>
      json(201, { ticket: ticket({ language: "en", estimatedWaitRange: { low: 10, high: 15 } }) });
    renderKiosk();
    await findStartScreen();
    await switchTo("en");
    await userEvent.click(screen.getByRole("button", { name: new RegExp(PENSION.name.en) }));
    await skipPhone();
    await userEvent.click(screen.getByRole("button", { name: "No" }));
    const heading = await screen.findByRole("heading", { level: 1, name: "Your ticket" });
    const card = heading.parentElement as HTMLElement;
    expect(within(card).getByText("Estimated wait").nextSibling?.textContent).toBe("about 10–15 min");
    expect(document.querySelector("[aria-live='polite']")?.textContent).toContain("about 10–15 min");
    // The paper ticket the browser prints says the same band.
    const printed = document.querySelector(".receipt") as HTMLElement;
    expect(within(printed).getByText("Estimated wait").nextSibling?.textContent).toBe("about 10–15 min");
  });

  it("prints the ticket once, then returns to the start in Azerbaijani", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installFakeServer();
    renderKiosk();
    await findStartScreen();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    fireEvent.click(screen.getByRole("button", { name: new RegExp(PENSION.name.en) }));
    await skipPhone();
    fireEvent.click(screen.getByRole("button", { name: "No" }));
    await screen.findByRole("heading", { level: 1, name: "Your ticket" });
    await settle();

    act(() => void vi.advanceTimersByTime(1000));
    expect(window.print).toHaveBeenCalledTimes(1);
    expect(screen.getByText(`This screen closes in ${TICKET_SCREEN_SECONDS - 1} s.`)).toBeTruthy();

    act(() => void vi.advanceTimersByTime(TICKET_SCREEN_SECONDS * 1000));
    expect(screen.getByRole("heading", { level: 1, name: "Xidməti seçin" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("az");
    expect(window.print).toHaveBeenCalledTimes(1);
  });

  it("does not print through the browser when the server prints on the kiosk's network printer", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const server = installFakeServer();
    const issue = server.routes[`POST /api/v1/centres/${CENTRE.id}/tickets`]!;
    server.routes[`POST /api/v1/centres/${CENTRE.id}/tickets`] = async (r) => {
      const answer = (await (await issue(r)).json()) as Record<string, unknown>;
      return json(201, { ...answer, serverPrint: true });
    };
    renderKiosk();
    await findStartScreen();
    fireEvent.click(screen.getByRole("button", { name: new RegExp(PENSION.name.az) }));
    await skipPhone();
    fireEvent.click(screen.getByRole("button", { name: "Xeyr" }));
    await screen.findByText(ticket({}).code, { selector: ".ticket-code" });
    await settle();
    act(() => void vi.advanceTimersByTime(2000));
    expect(window.print).not.toHaveBeenCalled();
  });

  it("lets the visitor finish early with Done, and go back from the priority question", async () => {
    installFakeServer();
    renderKiosk();
    await findStartScreen();
    await userEvent.click(screen.getByRole("button", { name: new RegExp(PENSION.name.az) }));
    await userEvent.click(screen.getByRole("button", { name: "Geri" }));
    await findStartScreen();
    await userEvent.click(screen.getByRole("button", { name: new RegExp(JOBS.name.az) }));
    await skipPhone();
    await userEvent.click(screen.getByRole("button", { name: "Xeyr" }));
    await userEvent.click(await screen.findByRole("button", { name: "Tamam" }));
    await findStartScreen();
  });

  it("is operable by keyboard alone", async () => {
    const server = installFakeServer();
    renderKiosk();
    await findStartScreen();
    const user = userEvent.setup();
    // Focus starts on the screen's heading, so the first Tab reaches the first service.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: new RegExp(PENSION.name.az) }));
    await user.keyboard("{Enter}");
    // The optional phone step first: its heading has focus, and the next Tab reaches Skip.
    expect(screen.getByRole("heading", { level: 1, name: DICTIONARIES.az.phone.heading })).toBe(
      document.activeElement,
    );
    await user.tab();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("heading", { level: 1, name: "Güzəştli qrupa aidsinizmi?" })).toBe(
      document.activeElement,
    );
    await user.tab();
    await user.keyboard(" ");
    await screen.findByRole("heading", { level: 1, name: "Növbə talonunuz" });
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("retries a lost answer with the same key and the same request, though the language changed", async () => {
    const server = installFakeServer();
    const issueRoute = `POST /api/v1/centres/${CENTRE.id}/tickets`;
    const answer = server.routes[issueRoute] ?? unreachable;
    server.routes[issueRoute] = unreachable;
    renderKiosk();
    await findStartScreen();
    await userEvent.click(screen.getByRole("button", { name: new RegExp(PENSION.name.az) }));
    await skipPhone();
    await userEvent.click(screen.getByRole("button", { name: DICTIONARIES.az.priorityNo }));
    expect(await screen.findByText(DICTIONARIES.az.issueFailedText)).toBeTruthy();

    await switchTo("en");
    server.routes[issueRoute] = answer;
    await userEvent.click(screen.getByRole("button", { name: DICTIONARIES.en.retry }));
    expect(
      await screen.findByRole("heading", { level: 1, name: DICTIONARIES.en.ticketHeading }),
    ).toBeTruthy();

    const [first, retried] = server.requests.filter((r) => r.method === "POST");
    expect(retried?.headers["idempotency-key"]).toBe(first?.headers["idempotency-key"]);
    expect(retried?.body).toEqual(first?.body);
  });
});
