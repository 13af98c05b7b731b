import type { Language } from "@dost/shared";
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SERVICES, liveStats } from "../../test/monitoring-data.js";
import { renderInLanguage } from "../../test/render.js";
import { LiveDashboard } from "./LiveDashboard.js";

afterEach(cleanup);

function show(stats = liveStats(), language: Language = "en") {
  return renderInLanguage(<LiveDashboard stats={stats} services={SERVICES} timeZone="Asia/Baku" />, language);
}

const figure = (name: string) => document.querySelector(`[data-figure="${name}"]`)?.textContent;
const groupRow = (priority: string) =>
  within(document.querySelector(`tr[data-group="${priority}"]`) as HTMLElement);

describe("the live dashboard: accuracy and fairness", () => {
  it("shows today's estimate accuracy", () => {
    show();
    expect(screen.getByRole("heading", { name: "Wait estimates today" })).toBeTruthy();
    expect(figure("insideBand")).toBe("83.3%");
    expect(figure("medianError")).toBe("1.5 min");
    expect(figure("under")).toBe("6.7%");
    expect(screen.getByText("Over 30 called visitors who were quoted a wait.")).toBeTruthy();
  });

  it("says so when nobody quoted has been called yet, rather than showing zeros", () => {
    show(
      liveStats({
        accuracyToday: {
          quotedCount: 0,
          insideBandPercent: null,
          medianAbsoluteErrorMinutes: null,
          underEstimatedPercent: null,
        },
        fairnessToday: { ordinary: null, groups: [] },
      }),
    );
    expect(screen.getByText("No visitor who was quoted a wait has been called yet today.")).toBeTruthy();
    expect(figure("insideBand")).toBeUndefined();
    expect(screen.getByText("Nobody has been called yet today.")).toBeTruthy();
  });

  it("sets each priority group's waits against ordinary visitors', with the longest ordinary wait", () => {
    show();
    const ordinary = groupRow("none");
    expect(ordinary.getByRole("rowheader").textContent).toBe("Ordinary visitors");
    expect(ordinary.getByText("12.4 min")).toBeTruthy();
    expect(ordinary.getByText("21 min")).toBeTruthy();
    expect(ordinary.getByText("100%")).toBeTruthy();
    const veteran = groupRow("veteran");
    expect(veteran.getByRole("rowheader").textContent).toBe("War veteran");
    expect(veteran.getByText("4.1 min")).toBeTruthy();
    expect(veteran.getByText("33%")).toBeTruthy();
    expect(groupRow("elderly").getByText("56%")).toBeTruthy();
    expect(screen.getByTestId("longest-ordinary").textContent).toBe(
      "Longest wait of an ordinary visitor: 27.5 min",
    );
  });

  it.each([
    ["az", "Bu günün gözləmə təxminləri", "Adi ziyarətçilər", "1,5 dəq."],
    ["ru", "Прогнозы ожидания сегодня", "Обычные посетители", "1,5 мин"],
  ] as const)("speaks %s", (language, heading, ordinary, median) => {
    show(liveStats(), language);
    expect(screen.getByRole("heading", { name: heading })).toBeTruthy();
    expect(groupRow("none").getByRole("rowheader").textContent).toBe(ordinary);
    expect(figure("medianError")).toBe(median);
  });
});
