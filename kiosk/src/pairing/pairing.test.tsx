import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { DEVICE_KEY, installFakeServer, unreachable } from "../test/fake-server.js";
import { findStartScreen, renderKiosk } from "../test/render.js";
import "../test/setup.js";
import { takePairingFromAddress } from "@dost/shared/client";
import { kioskKey } from "./device-key.js";

vi.mock("socket.io-client", async () => ({ io: (await import("../test/fake-socket.js")).fakeIo }));

describe("pairing", () => {
  it("takes the key from the address, remembers it and drops it from the address bar", () => {
    window.history.replaceState(null, "", `/kiosk/?key=${DEVICE_KEY}&debug=1`);
    expect(takePairingFromAddress(kioskKey).key).toBe(DEVICE_KEY);
    expect(window.location.search).toBe("?debug=1");
    expect(localStorage.getItem("dost.kiosk.deviceKey")).toBe(DEVICE_KEY);
    // Next time the kiosk opens as plain /kiosk/ and still knows its key.
    window.history.replaceState(null, "", "/kiosk/");
    expect(takePairingFromAddress(kioskKey).key).toBeNull();
    expect(kioskKey.remembered()).toBe(DEVICE_KEY);
  });

  it.each([
    ["Azərbaycanca", "Kiosk qoşulmayıb", "Cihaz açarı"],
    ["Русский", "Киоск не подключён", "Ключ устройства"],
    ["English", "Kiosk not paired", "Device key"],
  ])("shows a pairing screen in %s when there is no key", async (language, title, label) => {
    installFakeServer();
    renderKiosk(null);
    await userEvent.click(screen.getByRole("button", { name: language }));
    expect(screen.getByRole("heading", { level: 1, name: title })).toBeTruthy();
    expect(screen.getByLabelText(label)).toBeTruthy();
  });

  it("says a refused key was refused, and pairs with a key typed in", async () => {
    installFakeServer();
    renderKiosk("not-a-key");
    expect(
      await screen.findByText("Bu açar qəbul edilmədi. Administratordan yeni açar istəyin."),
    ).toBeTruthy();
    expect(localStorage.getItem("dost.kiosk.deviceKey")).toBeNull();
    await userEvent.type(screen.getByLabelText("Cihaz açarı"), `${DEVICE_KEY}{Enter}`);
    await findStartScreen();
    expect(localStorage.getItem("dost.kiosk.deviceKey")).toBe(DEVICE_KEY);
  });

  it("does not mistake an unreachable server for a refused key", async () => {
    const server = installFakeServer();
    const device = server.routes["GET /api/v1/devices/me"];
    server.routes["GET /api/v1/devices/me"] = unreachable;
    renderKiosk();
    expect(await screen.findByRole("heading", { level: 1, name: "Əlaqə yoxdur" })).toBeTruthy();
    if (device) server.routes["GET /api/v1/devices/me"] = device;
    await userEvent.click(screen.getByRole("button", { name: "Yenidən cəhd edin" }));
    await findStartScreen();
  });
});
