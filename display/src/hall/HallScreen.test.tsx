import type { Language } from "@dost/shared";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { messages } from "../i18n/messages.js";
import { calledEvent, CENTRE } from "../test/fakes.js";
import type { ShownCall } from "./calls.js";
import { HallScreen, type HallScreenProps } from "./HallScreen.js";

afterEach(cleanup);

const shown = (code: string, label: string, extra: Partial<ShownCall> = {}): ShownCall => ({
  ...calledEvent(code, { label }),
  highlightUntil: 0,
  ...extra,
});

function renderHall(props: Partial<HallScreenProps> = {}) {
  return render(
    <HallScreen
      centre={CENTRE}
      lang="az"
      calls={[]}
      message={null}
      loaded
      offline={false}
      soundBlocked={false}
      onEnableSound={() => {}}
      {...props}
    />,
  );
}

describe.each<Language>(["az", "ru", "en"])("hall screen in %s", (lang) => {
  const t = messages[lang];

  it("shows the newest call large with its counter, the earlier ones beneath, and the centre", () => {
    const calls = [
      shown("B042", "5", { highlightUntil: 1 }),
      shown("A041", "12", { recall: true }),
      shown("C007", "3"),
    ];
    renderHall({ lang, calls, message: { az: "Xoş gəlmisiniz", ru: "Добро пожаловать", en: "Welcome" } });

    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(CENTRE.name[lang]);
    const now = screen.getByRole("region", { name: t.nowCalling });
    expect(now.getAttribute("data-highlight")).toBe("true");
    expect(within(now).getByText("B042")).toBeTruthy();
    expect(now.querySelector(".now-counter")?.textContent).toBe(`${t.counter} 5`);

    const recent = screen.getByRole("region", { name: t.recentCalls });
    expect(within(recent).getByRole("columnheader", { name: t.ticket })).toBeTruthy();
    expect(within(recent).getByRole("columnheader", { name: t.counter })).toBeTruthy();
    const rows = within(recent).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.getAttribute("data-code"))).toEqual(["A041", "C007"]);
    expect(within(rows[0] as HTMLElement).getByText(t.recall)).toBeTruthy();

    expect(
      screen.getByText({ az: "Xoş gəlmisiniz", ru: "Добро пожаловать", en: "Welcome" }[lang]),
    ).toBeTruthy();
  });

  it("says there are no calls yet only once the state has loaded", () => {
    const { rerender } = renderHall({ lang, loaded: false });
    expect(screen.queryByText(t.noCallsYet)).toBeNull();
    rerender(
      <HallScreen
        centre={CENTRE}
        lang={lang}
        calls={[]}
        message={null}
        loaded
        offline={false}
        soundBlocked={false}
        onEnableSound={() => {}}
      />,
    );
    expect(screen.getByText(t.noCallsYet)).toBeTruthy();
  });

  it("shows the offline badge in a status region", () => {
    renderHall({ lang, offline: true });
    expect(screen.getByRole("status").textContent).toBe(t.offline);
  });

  it("asks once for a click when sound is blocked", () => {
    const onEnableSound = vi.fn();
    renderHall({ lang, soundBlocked: true, onEnableSound });
    expect(screen.getByText(t.enableSoundHint)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: t.enableSound }));
    expect(onEnableSound).toHaveBeenCalledTimes(1);
  });

  it("shows the date in the centre's timezone with the language's own words", () => {
    vi.useFakeTimers({ now: new Date("2025-03-14T20:30:00Z") });
    try {
      renderHall({ lang });
      expect(screen.getByText("00:30")).toBeTruthy();
      expect(screen.getByText(t.longDate({ year: 2025, month: 2, day: 15, weekday: 6 }))).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});
