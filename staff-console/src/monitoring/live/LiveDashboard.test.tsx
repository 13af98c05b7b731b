import type { Language, LiveStats } from "@dost/shared";
import { act, cleanup, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  EMPLOYMENT,
  SERVICES,
  counterFigures,
  liveStats,
  serviceFigures,
} from "../../test/monitoring-data.js";
import { renderInLanguage } from "../../test/render.js";
import { LiveDashboard } from "./LiveDashboard.js";

const NOW = new Date("2025-03-03T08:00:00Z"); // 12:00 in Baku

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

function show(stats: LiveStats, language: Language = "en") {
  return renderInLanguage(<LiveDashboard stats={stats} services={SERVICES} timeZone="Asia/Baku" />, language);
}

const serviceRow = (code: string) => document.querySelector(`tr[data-service="${code}"]`) as HTMLElement;
const counterRow = (label: string) => document.querySelector(`tr[data-counter="${label}"]`) as HTMLElement;

describe("the live dashboard: services", () => {
  it("shows each service's figures, times as minutes:seconds", () => {
    show(liveStats());
    const row = within(serviceRow("pensions"));
    expect(row.getByText("Pensions")).toBeTruthy();
    expect(row.getByText("(target 15 min)")).toBeTruthy();
    expect(row.getByTestId("waiting").textContent).toBe("3");
    expect(row.getByText("5:00")).toBeTruthy(); // longest wait
    expect(row.getByText("4:07")).toBeTruthy(); // average today
    expect(row.getByText("87.5%")).toBeTruthy();
    expect(screen.getByText("Every queue is within its target wait.")).toBeTruthy();
  });

  it("flags a service over its target in words and with a marker, not by colour alone", () => {
    show(
      liveStats({
        services: [
          serviceFigures(),
          serviceFigures({
            serviceId: EMPLOYMENT,
            waiting: 2,
            longestWaitSeconds: 1300,
            targetWaitMinutes: 10,
            overTarget: true,
          }),
        ],
      }),
    );
    const late = serviceRow("employment");
    expect(late.className).toBe("late");
    expect(within(late).getByText("over the 10 min target")).toBeTruthy();
    expect(within(late).getByText("⚠").getAttribute("aria-hidden")).toBe("true");
    expect(serviceRow("pensions").className).toBe("");
    expect(screen.getByRole("status").textContent).toContain("Over target now: 1");
  });

  it("flags a queue the second its longest wait passes the target, without waiting for a fetch", () => {
    show(liveStats({ services: [serviceFigures({ longestWaitSeconds: 15 * 60 - 2, overTarget: false })] }));
    expect(within(serviceRow("pensions")).queryByText(/over the 15 min target/)).toBeNull();
    expect(within(serviceRow("pensions")).getByText("14:58")).toBeTruthy();
    act(() => vi.advanceTimersByTime(3000));
    expect(within(serviceRow("pensions")).getByText("15:01")).toBeTruthy();
    expect(within(serviceRow("pensions")).getByText("over the 15 min target")).toBeTruthy();
  });

  it("shows no longest wait for an empty queue, and no average before the first call", () => {
    show(
      liveStats({
        services: [
          serviceFigures({
            waiting: 0,
            longestWaitSeconds: 0,
            averageWaitSecondsToday: null,
            slaPercentToday: null,
          }),
        ],
      }),
    );
    expect(within(serviceRow("pensions")).getAllByText("—")).toHaveLength(3);
  });
});

describe("the live dashboard: counters", () => {
  function counters() {
    return liveStats({
      counters: [
        counterFigures({ label: "1", status: "closed", user: null, idleSeconds: null, servedToday: 0 }),
        counterFigures({ label: "2", idleSeconds: 95 }),
        counterFigures({
          label: "3",
          currentTicket: {
            id: "a1111111-1111-4111-8111-111111111111",
            code: "A042",
            status: "serving",
            since: ago(125),
          },
          idleSeconds: null,
        }),
        counterFigures({
          label: "4",
          currentTicket: {
            id: "a2222222-2222-4222-8222-222222222222",
            code: "E007",
            status: "called",
            since: ago(20),
          },
          idleSeconds: null,
        }),
        counterFigures({ label: "5", status: "break", breakReason: "lunch", idleSeconds: null }),
        counterFigures({ label: "6", status: "break", breakReason: "Printer jam", idleSeconds: null }),
      ],
    });
  }

  it("says each counter's state, who staffs it and whom they serve", () => {
    show(counters());
    expect(counterRow("1")).toBeNull();
    expect(screen.getByTestId("closed-counters").textContent).toBe("Closed counters: 1");
    expect(within(counterRow("2")).getByText("Open, free")).toBeTruthy();
    const serving = within(counterRow("3"));
    expect(serving.getByText("Serving")).toBeTruthy();
    expect(serving.getByText("A042")).toBeTruthy();
    expect(serving.getByText("Being served")).toBeTruthy();
    expect(serving.getByText("Aysel Məmmədova")).toBeTruthy();
    expect(within(counterRow("4")).getByText("Called, on the way")).toBeTruthy();
    expect(within(counterRow("5")).getByText("On break: Lunch")).toBeTruthy();
    expect(within(counterRow("6")).getByText("On break: Printer jam")).toBeTruthy();
    expect(screen.getByText("serving: 2 · free: 1 · on break: 2 · closed: 1")).toBeTruthy();
  });

  it("lists serving counters first, then free ones, then those on a break", () => {
    show(counters());
    const labels = [...document.querySelectorAll("tr[data-counter]")].map((r) =>
      r.getAttribute("data-counter"),
    );
    expect(labels).toEqual(["3", "4", "2", "5", "6"]);
  });

  it("runs the visit and idle timers from the server's times", () => {
    show(counters());
    expect(within(counterRow("3")).getByTestId("visit-timer").textContent).toBe("2:05");
    expect(within(counterRow("2")).getByTestId("idle-timer").textContent).toBe("1:35");
    act(() => vi.advanceTimersByTime(5000));
    expect(within(counterRow("3")).getByTestId("visit-timer").textContent).toBe("2:10");
    expect(within(counterRow("2")).getByTestId("idle-timer").textContent).toBe("1:40");
    expect(within(counterRow("5")).getByTestId("idle-timer").textContent).toBe("—");
  });
});

describe("the live dashboard: charts", () => {
  it("says what the charts show and offers their figures as a table", () => {
    show(liveStats());
    expect(screen.getByText("Issued today: 36, served: 28. Busiest hour: 11:00 (22 issued).")).toBeTruthy();
    expect(screen.getByText("The longest average wait was at 11:00: 10:10.")).toBeTruthy();
    const table = screen.getByRole("table", { name: "Tickets issued and visitors served" });
    // The quiet hour between is there, as zeros.
    expect(within(table).getByRole("rowheader", { name: "10:00" })).toBeTruthy();
  });
});

type Words = { lunch: string; free: string; late: string; title: string };

describe.each<[Language, Words]>([
  [
    "az",
    {
      lunch: "Fasilədə: Nahar",
      free: "Açıq, boş",
      late: "10 dəq. hədəfdən artıq",
      title: "Xidmətlər üzrə növbələr",
    },
  ],
  [
    "ru",
    {
      lunch: "Перерыв: Обед",
      free: "Открыто, свободно",
      late: "сверх цели 10 мин",
      title: "Очереди по услугам",
    },
  ],
  [
    "en",
    {
      lunch: "On break: Lunch",
      free: "Open, free",
      late: "over the 10 min target",
      title: "Queues by service",
    },
  ],
])("in %s", (language, words) => {
  it("speaks the manager's language", () => {
    show(
      liveStats({
        services: [
          serviceFigures({
            serviceId: EMPLOYMENT,
            longestWaitSeconds: 900,
            targetWaitMinutes: 10,
            overTarget: true,
          }),
        ],
        counters: [
          counterFigures({ label: "7", status: "break", breakReason: "lunch", idleSeconds: null }),
          counterFigures({ label: "8" }),
        ],
      }),
      language,
    );
    expect(screen.getByRole("heading", { name: words.title })).toBeTruthy();
    expect(screen.getByText(words.lunch)).toBeTruthy();
    expect(screen.getByText(words.free)).toBeTruthy();
    expect(screen.getByText(words.late)).toBeTruthy();
    expect(
      within(serviceRow("employment")).getByText(`Employment${language === "en" ? "" : ` (${language})`}`),
    ).toBeTruthy();
  });
});
