import { LANGUAGES, type Language } from "@dost/shared";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@dost/shared/client";
import { App } from "./App.js";
import { messages } from "./i18n/messages.js";
import { readSettings } from "./settings.js";
import { announcementText } from "./sound/phrases.js";
import { calledEvent, DISPLAY_DEVICE, fakeDeps, fakeSound, memoryStorage } from "./test/fakes.js";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const KEY = "dost.display.deviceKey";

/** The hall subscribes to its channel in an effect, just after the first paint. */
async function hallOpen(channel: ReturnType<typeof fakeDeps>["channel"]) {
  await screen.findByRole("heading", { level: 1 });
  await waitFor(() => expect(channel.state.listener).not.toBeNull());
}

describe("pairing", () => {
  it("asks for a key when it has none, then pairs with the one entered", async () => {
    const storage = memoryStorage();
    const { deps } = fakeDeps({ storage });
    render(<App deps={deps} settings={readSettings("?lang=en")} />);
    fireEvent.change(screen.getByLabelText("Pairing code or device key"), {
      target: { value: " demo-display-BAKU-1 " },
    });
    fireEvent.click(screen.getByRole("button", { name: "Pair" }));
    await screen.findByRole("heading", { level: 1, name: /Baku/ });
    expect(storage.data.get(KEY)).toBe("demo-display-BAKU-1");
  });

  it("says when the key is refused, and forgets it", async () => {
    const { deps, api } = fakeDeps();
    api.device.mockRejectedValue(new ApiError({ status: 401, code: "UNAUTHENTICATED", message: "no" }));
    render(<App deps={deps} settings={readSettings("?lang=en")} />);
    expect((await screen.findByRole("alert")).textContent).toBe(messages.en.keyRefused);
    expect(deps.storage.getItem(KEY)).toBeNull();
  });

  it("refuses a kiosk's key", async () => {
    const { deps, api } = fakeDeps();
    api.device.mockResolvedValue({ ...DISPLAY_DEVICE, kind: "kiosk" });
    render(<App deps={deps} settings={readSettings("")} />);
    expect((await screen.findByRole("alert")).textContent).toBe(messages.az.keyNotForDisplay);
  });

  it("keeps trying while the server cannot be reached", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { deps, api } = fakeDeps();
    api.device.mockRejectedValueOnce(ApiError.unreachable("down"));
    render(<App deps={deps} settings={readSettings("?lang=ru")} />);
    await screen.findByText(messages.ru.serverUnreachable);
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    await screen.findByRole("heading", { level: 1, name: /Баку/ });
  });

  it("goes back to pairing when the live connection refuses the key", async () => {
    const { deps, channel } = fakeDeps();
    render(<App deps={deps} settings={readSettings("?lang=en")} />);
    await hallOpen(channel);
    act(() => channel.server().refused());
    expect((await screen.findByRole("alert")).textContent).toBe(messages.en.keyRefused);
    expect(deps.storage.getItem(KEY)).toBeNull();
  });
});

describe.each<Language>(LANGUAGES)("a paired display in %s", (lang) => {
  it("shows each call and speaks it in the configured languages, one call after another", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { deps, channel, sound } = fakeDeps();
    render(<App deps={deps} settings={readSettings(`?lang=${lang}&langs=ru,en,az`)} />);
    await hallOpen(channel);
    act(() => channel.server().connected());
    await screen.findByText(messages[lang].noCallsYet);

    const first = calledEvent("B042", { label: "5" });
    const second = calledEvent("A007", { label: "12" });
    act(() => {
      channel.server().called(first);
      channel.server().called(second);
    });
    expect(document.querySelector(".now-call")?.getAttribute("data-code")).toBe("A007");
    expect(document.querySelector('.recent-table tr[data-code="B042"] .recent-counter')?.textContent).toBe(
      "5",
    );
    expect(document.querySelector(".now")?.getAttribute("data-highlight")).toBe("true");

    await act(() => vi.advanceTimersByTimeAsync(10_000));
    const spoken = (code: string, label: string) =>
      (["ru", "en", "az"] as const).map((l) =>
        announcementText({ code, counterLabel: label, recall: false }, l),
      );
    expect(sound.heard).toEqual([...spoken("B042", "5"), ...spoken("A007", "12")]);
    // The highlight fades after a few seconds.
    expect(document.querySelector(".now")?.getAttribute("data-highlight")).toBe("false");
  });

  it("shows the manager's message and the offline badge in its language", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { deps, channel, state } = fakeDeps();
    state.displayMessage = { az: "Mesaj", ru: "Сообщение", en: "Message" };
    render(<App deps={deps} settings={readSettings(`?lang=${lang}`)} />);
    await hallOpen(channel);
    act(() => channel.server().connected());
    await screen.findByText({ az: "Mesaj", ru: "Сообщение", en: "Message" }[lang]);
    act(() => channel.server().disconnected());
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(screen.getByText(messages[lang].offline)).toBeTruthy();
    expect(document.documentElement.lang).toBe(lang);
  });
});

describe("sound", () => {
  it("offers a one-time button when the browser blocks sound, and unlocks speech with that click", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const blocked = fakeSound({ blocked: true });
    const { deps } = fakeDeps({ sound: blocked.ports });
    render(<App deps={deps} settings={readSettings("?lang=en")} />);
    await screen.findByRole("heading", { level: 1 });
    // The check waits a second for resume(), which a blocked context never settles.
    fireEvent.click(await screen.findByRole("button", { name: "Enable sound" }, { timeout: 3_000 }));
    expect(blocked.context.resume).toHaveBeenCalledTimes(2);
    expect(blocked.ports.primeSpeech).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole("button", { name: "Enable sound" })).toBeNull());
  });

  it("shows no prompt where sound is allowed, and closes its audio and channel when unmounted", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { deps, channel, sound } = fakeDeps();
    const { unmount } = render(<App deps={deps} settings={readSettings("")} />);
    await screen.findByRole("heading", { level: 1 });
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(screen.queryByRole("button", { name: messages.az.enableSound })).toBeNull();
    unmount();
    expect(channel.state.closed).toBe(channel.state.opened);
    expect(sound.context.close).toHaveBeenCalled();
  });
});
