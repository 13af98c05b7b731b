import { LANGUAGES } from "@dost/shared";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, pairingIn, withoutPairing } from "@dost/shared/client";
import { exchangePairingCode, pairingRefusal } from "../api.js";
import { App } from "../App.js";
import type { DisplayDeps } from "../deps.js";
import { messages } from "../i18n/messages.js";
import { readSettings } from "../settings.js";
import { DISPLAY_DEVICE, fakeDeps, memoryStorage } from "../test/fakes.js";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const KEY = "dost.display.deviceKey";
const NEW_KEY = "minted-display-key-0123456789";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("the pairing link", () => {
  it("is read and then dropped from the address with any key, keeping the rest", () => {
    expect(pairingIn("?pair=123456&zone=ground").pairingCode).toBe("123456");
    expect(pairingIn("?zone=ground").pairingCode).toBeNull();
    expect(withoutPairing("http://host/display/?pair=123456&zone=ground&key=k#x")).toBe(
      "/display/?zone=ground#x",
    );
  });

  it("exchanges the code in a POST body, and names each refusal", async () => {
    const fetch = vi.fn(async () => json(200, { key: NEW_KEY, device: DISPLAY_DEVICE }));
    expect(await exchangePairingCode("123456", fetch)).toEqual({ key: NEW_KEY, device: DISPLAY_DEVICE });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/devices/pair");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({ code: "123456" });
    const used = exchangePairingCode("123456", async () =>
      json(401, { error: { code: "UNAUTHENTICATED", message: "no", reason: "pairing_code_invalid" } }),
    );
    expect(pairingRefusal(await used.catch((error: unknown) => error))).toBe("codeRefused");
    const limited = exchangePairingCode("123456", async () =>
      json(429, { error: { code: "RATE_LIMITED", message: "slow", reason: "too_many_requests" } }),
    );
    expect(pairingRefusal(await limited.catch((error: unknown) => error))).toBe("tooManyTries");
    const down = exchangePairingCode("123456", async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(down).rejects.toMatchObject({ failure: "unreachable" });
  });
});

describe("a display paired with a one-time code", () => {
  it("opened at its pairing link, trades the code for a key, keeps it and shows the hall", async () => {
    const storage = memoryStorage({ [KEY]: "old-key" });
    const pairDevice = vi.fn(async () => ({ key: NEW_KEY, device: DISPLAY_DEVICE }));
    const { deps } = fakeDeps({ storage, pairDevice });
    const createApi = vi.spyOn(deps, "createApi");
    render(<App deps={deps} settings={readSettings("?lang=en")} pairingCode="123456" />);
    await screen.findByRole("heading", { level: 1, name: /Baku/ });
    expect(pairDevice).toHaveBeenCalledWith("123456");
    expect(storage.data.get(KEY)).toBe(NEW_KEY);
    expect(createApi.mock.calls.map(([key]) => key)).toContain(NEW_KEY);
    expect(createApi.mock.calls.map(([key]) => key)).not.toContain("old-key");
  });

  it("takes six digits typed on its pairing screen as a code", async () => {
    const pairDevice = vi.fn(async () => ({ key: NEW_KEY, device: DISPLAY_DEVICE }));
    const { deps } = fakeDeps({ storage: memoryStorage(), pairDevice });
    render(<App deps={deps} settings={readSettings("?lang=en")} />);
    fireEvent.change(screen.getByLabelText(messages.en.deviceKey), { target: { value: " 402718 " } });
    fireEvent.click(screen.getByRole("button", { name: "Pair" }));
    await screen.findByRole("heading", { level: 1, name: /Baku/ });
    expect(pairDevice).toHaveBeenCalledWith("402718");
  });

  it.each(LANGUAGES)("says in %s that a used code was refused", async (lang) => {
    const pairDevice = vi.fn(() =>
      Promise.reject(new ApiError({ status: 401, code: "UNAUTHENTICATED", message: "no" })),
    );
    const { deps } = fakeDeps({ storage: memoryStorage(), pairDevice });
    render(<App deps={deps} settings={readSettings(`?lang=${lang}`)} pairingCode="123456" />);
    expect((await screen.findByRole("alert")).textContent).toBe(messages[lang].codeRefused);
  });

  it("says when there were too many tries, and refuses a kiosk's code", async () => {
    const pairDevice = vi.fn<DisplayDeps["pairDevice"]>(() =>
      Promise.reject(new ApiError({ status: 429, code: "RATE_LIMITED", message: "slow" })),
    );
    const { deps } = fakeDeps({ storage: memoryStorage(), pairDevice });
    const { unmount } = render(<App deps={deps} settings={readSettings("")} pairingCode="123456" />);
    expect((await screen.findByRole("alert")).textContent).toBe(messages.az.tooManyTries);
    unmount();
    pairDevice.mockResolvedValue({ key: NEW_KEY, device: { ...DISPLAY_DEVICE, kind: "kiosk" } });
    render(<App deps={deps} settings={readSettings("")} pairingCode="123456" />);
    expect((await screen.findByRole("alert")).textContent).toBe(messages.az.keyNotForDisplay);
    expect(deps.storage.getItem(KEY)).toBeNull();
  });

  it("retries an unreachable server, and once the code is traded retries with the key only", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const pairDevice = vi.fn(async () => ({ key: NEW_KEY, device: DISPLAY_DEVICE }));
    const { deps, api } = fakeDeps({ storage: memoryStorage(), pairDevice });
    api.device.mockRejectedValueOnce(ApiError.unreachable("down"));
    render(<App deps={deps} settings={readSettings("?lang=en")} pairingCode="123456" />);
    await screen.findByText(messages.en.serverUnreachable);
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    await screen.findByRole("heading", { level: 1, name: /Baku/ });
    expect(pairDevice).toHaveBeenCalledTimes(1);
  });
});
