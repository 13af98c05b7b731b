import { act, fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { CENTRE, PENSION, ticket } from "../test/fixtures.js";
import { errorBody, installFakeServer, json, unreachable, type Handler } from "../test/fake-server.js";
import { RECONNECT_MAX_DELAY_MS } from "@dost/shared/client";
import { openSockets, type FakeSocket } from "../test/fake-socket.js";
import { findStartScreen, renderKiosk } from "../test/render.js";
import "../test/setup.js";
import { IDLE_RESET_MS } from "./useIdleReset.js";
import { skipPhone } from "../test/phone-step.js";

vi.mock("socket.io-client", async () => ({ io: (await import("../test/fake-socket.js")).fakeIo }));

const ISSUE = `POST /api/v1/centres/${CENTRE.id}/tickets`;
const SERVICES = `GET /api/v1/centres/${CENTRE.id}/services`;

async function chooseService() {
  await findStartScreen();
  fireEvent.click(screen.getByRole("button", { name: new RegExp(PENSION.name.az) }));
}

describe("a double tap", () => {
  it("sends one request and disables the buttons while it is in flight", async () => {
    const server = installFakeServer();
    let answer: (r: Response) => void = () => undefined;
    server.routes[ISSUE] = () => new Promise<Response>((resolve) => (answer = resolve));
    renderKiosk();
    await chooseService();
    await skipPhone();
    const no = screen.getByRole("button", { name: "Xeyr" });
    // Two taps in the same frame: the second lands before React has re-rendered.
    act(() => {
      no.click();
      no.click();
      screen.getByRole("button", { name: "Hamilə qadın" }).click();
    });
    expect((screen.getByRole("button", { name: "Xeyr" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole("status").textContent).toBe("Talonunuz hazırlanır…");
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    await act(async () => answer(json(201, { ticket: ticket() })));
    await screen.findByRole("heading", { level: 1, name: "Növbə talonunuz" });
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });
});

describe("when the server cannot be reached", () => {
  it("says so on the start screen and recovers with Retry", async () => {
    const server = installFakeServer();
    const services = server.routes[SERVICES] as Handler;
    server.routes[SERVICES] = unreachable;
    renderKiosk();
    expect(await screen.findByRole("heading", { level: 1, name: "Əlaqə yoxdur" })).toBeTruthy();
    server.routes[SERVICES] = services;
    await userEvent.click(screen.getByRole("button", { name: "Yenidən cəhd edin" }));
    await findStartScreen();
  });

  it("says so when issuing, and a retry reuses the attempt's idempotency key", async () => {
    const server = installFakeServer();
    const issue = server.routes[ISSUE] as Handler;
    server.routes[ISSUE] = unreachable;
    renderKiosk();
    await chooseService();
    await skipPhone();
    await userEvent.click(screen.getByRole("button", { name: "Xeyr" }));
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.getByText(/Talonu vermək alınmadı/)).toBeTruthy();

    server.routes[ISSUE] = issue;
    await userEvent.click(screen.getByRole("button", { name: "Yenidən cəhd edin" }));
    await screen.findByRole("heading", { level: 1, name: "Növbə talonunuz" });
    const keys = server.requests.filter((r) => r.method === "POST").map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it("treats 503 UNAVAILABLE like an unreachable server", async () => {
    const server = installFakeServer();
    server.routes[ISSUE] = () => errorBody(503, "UNAVAILABLE");
    renderKiosk();
    await chooseService();
    await skipPhone();
    await userEvent.click(screen.getByRole("button", { name: "Xeyr" }));
    expect(await screen.findByRole("button", { name: "Yenidən cəhd edin" })).toBeTruthy();
  });

  it("tells the visitor to ask at the desk when the server refuses the ticket", async () => {
    const server = installFakeServer();
    server.routes[ISSUE] = () => errorBody(409, "CONFLICT");
    renderKiosk();
    await chooseService();
    await skipPhone();
    await userEvent.click(screen.getByRole("button", { name: "Xeyr" }));
    expect(await screen.findByText(/Hazırda bu xidmət üçün talon verilmir/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Yenidən cəhd edin" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Əvvələ qayıt" }));
    await findStartScreen();
  });

  it("warns that the figures may be stale while the live connection is down, and reconnects", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installFakeServer();
    renderKiosk();
    await findStartScreen();
    const stale = "Əlaqə kəsilib: rəqəmlər köhnə ola bilər.";
    // Not while the first connection is still being made.
    expect(screen.queryByText(stale)).toBeNull();
    const socket = openSockets()[0];
    act(() => socket?.fire("connect_error", new Error("UNAVAILABLE")));
    expect(screen.getByText(stale)).toBeTruthy();
    // socket.io gives up after a refused handshake; the live connector asks again by itself.
    const reconnect = vi.spyOn(socket as FakeSocket, "connect");
    act(() => void vi.advanceTimersByTime(RECONNECT_MAX_DELAY_MS));
    expect(reconnect).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(stale)).toBeNull();
  });
});

describe("a visitor who walks away", () => {
  it("leaves the priority question, and the chosen language, to the next visitor after 30 s", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installFakeServer();
    renderKiosk();
    await findStartScreen();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    fireEvent.click(screen.getByRole("button", { name: new RegExp(PENSION.name.en) }));
    await skipPhone();
    expect(
      screen.getByRole("heading", { level: 1, name: "Do you belong to a priority group?" }),
    ).toBeTruthy();

    // A touch restarts the wait.
    act(() => void vi.advanceTimersByTime(IDLE_RESET_MS - 1000));
    fireEvent.pointerDown(document.body);
    act(() => void vi.advanceTimersByTime(IDLE_RESET_MS - 1000));
    expect(
      screen.getByRole("heading", { level: 1, name: "Do you belong to a priority group?" }),
    ).toBeTruthy();

    act(() => void vi.advanceTimersByTime(1000));
    expect(screen.getByRole("heading", { level: 1, name: "Xidməti seçin" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("az");
  });
});

describe("a revoked key", () => {
  it("returns the kiosk to the pairing screen when the socket is refused", async () => {
    installFakeServer();
    renderKiosk();
    await findStartScreen();
    act(() => openSockets()[0]?.refuse());
    expect(await screen.findByRole("heading", { level: 1, name: "Kiosk qoşulmayıb" })).toBeTruthy();
    expect(localStorage.getItem("dost.kiosk.deviceKey")).toBeNull();
  });
});
