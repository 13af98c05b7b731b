import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { App } from "../App.js";
import { DICTIONARIES } from "../i18n/i18n.js";
import { DEVICE_KEY, installFakeServer, json, type Handler } from "../test/fake-server.js";
import { CENTRE } from "../test/fixtures.js";
import { findStartScreen, renderKiosk } from "../test/render.js";
import "../test/setup.js";
import { takePairingFromAddress } from "@dost/shared/client";
import { kioskKey } from "./device-key.js";

vi.mock("socket.io-client", async () => ({ io: (await import("../test/fake-socket.js")).fakeIo }));

const KIOSK = {
  id: "44444444-4444-4444-8444-444444444444",
  centreId: CENTRE.id,
  kind: "kiosk",
  name: "Kiosk 1",
};

/** POST /devices/pair as the server answers it: each live code once, then 401 pairing_code_invalid. */
function pairRoute(live: Set<string>, device: typeof KIOSK = KIOSK): Handler {
  return (r) => {
    const { code } = r.body as { code: string };
    if (!live.delete(code))
      return json(401, {
        error: { code: "UNAUTHENTICATED", message: "pairing code invalid", reason: "pairing_code_invalid" },
      });
    return json(200, { key: DEVICE_KEY, device });
  };
}

function serverWithCodes(...codes: string[]) {
  const server = installFakeServer();
  server.routes["POST /api/v1/devices/pair"] = pairRoute(new Set(codes));
  return server;
}

const pairRequests = (server: ReturnType<typeof installFakeServer>) =>
  server.requests.filter((r) => r.path === "/api/v1/devices/pair");

describe("pairing with a one-time code", () => {
  it("takes ?pair= out of the address at once, keeping the rest", () => {
    window.history.replaceState(null, "", "/kiosk/?pair=123456&debug=1#top");
    expect(takePairingFromAddress(kioskKey).pairingCode).toBe("123456");
    expect(window.location.search).toBe("?debug=1");
    expect(window.location.hash).toBe("#top");
    expect(window.location.href).not.toContain("123456");
    window.history.replaceState(null, "", "/kiosk/");
    expect(takePairingFromAddress(kioskKey).pairingCode).toBeNull();
  });

  it("opened at its pairing link, trades the code for a key, keeps the key and starts", async () => {
    const server = serverWithCodes("123456");
    render(<App route={{ name: "kiosk" }} deviceKey={null} pairingCode="123456" />);
    await findStartScreen();
    expect(pairRequests(server).map((r) => r.body)).toEqual([{ code: "123456" }]);
    expect(localStorage.getItem("dost.kiosk.deviceKey")).toBe(DEVICE_KEY);
    const me = server.requests.find((r) => r.path === "/api/v1/devices/me");
    expect(me?.headers.authorization).toBe(`Device ${DEVICE_KEY}`);
  });

  it("a pairing link wins over a stored key: the kiosk is re-keyed", async () => {
    const server = serverWithCodes("654321");
    render(<App route={{ name: "kiosk" }} deviceKey="old-key" pairingCode="654321" />);
    await findStartScreen();
    expect(pairRequests(server)).toHaveLength(1);
    expect(localStorage.getItem("dost.kiosk.deviceKey")).toBe(DEVICE_KEY);
  });

  it("pairs with six digits typed on the keypad", async () => {
    const server = serverWithCodes("402718");
    renderKiosk(null);
    const submit = screen.getByRole("button", { name: DICTIONARIES.az.pair });
    const keypad = screen.getByRole("group", { name: DICTIONARIES.az.pairingKeypad });
    for (const digit of "4027189") fireEvent.click(within(keypad).getByRole("button", { name: digit }));
    fireEvent.click(within(keypad).getByRole("button", { name: DICTIONARIES.az.pairingErase }));
    fireEvent.click(within(keypad).getByRole("button", { name: "8" }));
    expect(screen.getByLabelText<HTMLInputElement>(DICTIONARIES.az.pairingCodeLabel).value).toBe("402718");
    fireEvent.click(submit);
    await findStartScreen();
    expect(pairRequests(server).map((r) => r.body)).toEqual([{ code: "402718" }]);
  });

  it("does not send fewer than six digits", async () => {
    const server = serverWithCodes("402718");
    renderKiosk(null);
    await userEvent.type(screen.getByLabelText(DICTIONARIES.az.pairingCodeLabel), "40a27{Enter}");
    expect(screen.getByLabelText<HTMLInputElement>(DICTIONARIES.az.pairingCodeLabel).value).toBe("4027");
    expect(pairRequests(server)).toHaveLength(0);
  });

  it.each([
    ["Azərbaycanca", DICTIONARIES.az.pairingCodeRefused],
    ["Русский", DICTIONARIES.ru.pairingCodeRefused],
    ["English", DICTIONARIES.en.pairingCodeRefused],
  ])("says in %s that a used code was refused, and nothing is stored", async (language, message) => {
    serverWithCodes();
    renderKiosk(null);
    await userEvent.click(screen.getByRole("button", { name: language }));
    const label =
      language === "Azərbaycanca"
        ? "Qoşulma kodu"
        : language === "Русский"
          ? "Код подключения"
          : "Pairing code";
    await userEvent.type(screen.getByLabelText(label), "123456{Enter}");
    expect((await screen.findByRole("alert")).textContent).toBe(message);
    expect(localStorage.getItem("dost.kiosk.deviceKey")).toBeNull();
  });

  it("a refused link shows the refusal; a malformed one is never sent", async () => {
    const server = serverWithCodes();
    const { unmount } = render(<App route={{ name: "kiosk" }} deviceKey={null} pairingCode="123456" />);
    expect((await screen.findByRole("alert")).textContent).toBe(DICTIONARIES.az.pairingCodeRefused);
    unmount();
    render(<App route={{ name: "kiosk" }} deviceKey={null} pairingCode="12ab" />);
    expect((await screen.findByRole("alert")).textContent).toBe(DICTIONARIES.az.pairingCodeMalformed);
    expect(pairRequests(server)).toHaveLength(1);
  });

  it("says so when pairing is rate-limited, and when the code was a display's", async () => {
    const server = installFakeServer();
    server.routes["POST /api/v1/devices/pair"] = () =>
      json(429, { error: { code: "RATE_LIMITED", message: "slow down", reason: "too_many_requests" } });
    const { unmount } = render(<App route={{ name: "kiosk" }} deviceKey={null} pairingCode="123456" />);
    expect((await screen.findByRole("alert")).textContent).toBe(DICTIONARIES.az.pairingTooManyTries);
    unmount();
    server.routes["POST /api/v1/devices/pair"] = pairRoute(new Set(["123456"]), {
      ...KIOSK,
      kind: "display",
    });
    render(<App route={{ name: "kiosk" }} deviceKey={null} pairingCode="123456" />);
    expect((await screen.findByRole("alert")).textContent).toBe(DICTIONARIES.az.pairingNotKiosk);
    expect(localStorage.getItem("dost.kiosk.deviceKey")).toBeNull();
  });
});
