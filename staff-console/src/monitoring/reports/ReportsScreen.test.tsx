import type { Centre, Language, Report } from "@dost/shared";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CENTRE_ID, aReport, figures } from "../../test/monitoring-data.js";
import { fakeServer, renderWithServer, type FakeAnswer } from "../../test/server.js";
import { ReportsScreen } from "./ReportsScreen.js";

const BAKU: Centre = {
  id: CENTRE_ID,
  code: "BAKU-1",
  name: { az: "Bakı 1 saylı DOST mərkəzi", ru: "Центр ДОСТ № 1 Баку", en: "Baku DOST centre 1" },
  timezone: "Asia/Baku",
};
const SUMGAYIT: Centre = {
  ...BAKU,
  id: "1a2b3c4d-5e6f-4a0e-9a39-2f1e0c6b7d11",
  code: "SUMGAYIT",
  name: { az: "Sumqayıt", ru: "Сумгаит", en: "Sumgayit" },
};

beforeEach(() => {
  // 2025-03-12 in Baku; only the date is faked, so user-event's own timers run.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2025-03-12T08:00:00Z"));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function rowsFor(groupBy: Report["groupBy"]): Report["rows"] {
  if (groupBy === "hour")
    return [
      { key: "9", label: "09:00", ...figures({ issued: 15, averageWaitSeconds: 300, p90WaitSeconds: 600 }) },
      {
        key: "10",
        label: "10:00",
        ...figures({ issued: 25, averageWaitSeconds: 720, p90WaitSeconds: 1500 }),
      },
    ];
  if (groupBy === "service") return [{ key: "s1", label: "Pensiyalar", ...figures({ issued: 40 }) }];
  if (groupBy === "priority")
    return [
      { key: "none", label: "none", ...figures({ issued: 30 }) },
      { key: "veteran", label: "veteran", ...figures({ issued: 4, underEstimatedPercent: 25 }) },
    ];
  return [
    { key: "2025-03-10", label: "2025-03-10", ...figures({ issued: 18, served: 16 }) },
    { key: "2025-03-11", label: "2025-03-11", ...figures({ issued: 22, served: 19 }) },
  ];
}

/** The reports endpoint, answering with the grouping and period it was asked for. */
function reportsServer(override?: (url: URL) => FakeAnswer | undefined) {
  return fakeServer((url) => {
    if (url.pathname !== "/api/v1/reports/summary") return undefined;
    const special = override?.(url);
    if (special) return special;
    const groupBy = (url.searchParams.get("groupBy") ?? "day") as Report["groupBy"];
    return {
      body: aReport(groupBy, rowsFor(groupBy), {
        centreId: url.searchParams.get("centreId"),
        from: url.searchParams.get("from") ?? "",
        to: url.searchParams.get("to") ?? "",
      }),
    };
  });
}

const asked = (server: ReturnType<typeof fakeServer>) =>
  server.requests
    .filter((u) => u.pathname === "/api/v1/reports/summary")
    .map((u) => Object.fromEntries(u.searchParams));

function showReports(
  { language = "en", admin = false }: { language?: Language; admin?: boolean } = {},
  server = reportsServer(),
) {
  renderWithServer(
    <ReportsScreen
      centreId={admin ? null : CENTRE_ID}
      centre={admin ? null : BAKU}
      centres={admin ? [BAKU, SUMGAYIT] : null}
    />,
    server.fetch,
    language,
  );
  return server;
}

const totals = () => document.querySelector("tfoot tr") as HTMLElement;
/** The report's own table (the charts' tables behind their disclosures have other names). */
const reportTable = (grouping: string, where = "Baku DOST centre 1") =>
  screen.findByRole("table", { name: new RegExp(`^${where}, .*, by ${grouping}$`) });

describe("the reports screen", () => {
  it("starts with the last seven days by day, with every figure and a total row", async () => {
    const server = showReports();
    const table = within(await reportTable("day"));
    expect(asked(server)).toContainEqual({
      centreId: CENTRE_ID,
      from: "2025-03-06",
      to: "2025-03-12",
      groupBy: "day",
      format: "json",
      language: "en",
    });
    // The wait-by-hour chart needs the same period by hour.
    expect(
      asked(server)
        .map((q) => q.groupBy)
        .sort(),
    ).toEqual(["day", "hour"]);
    expect(screen.getByRole("button", { name: "Last 7 days" }).getAttribute("aria-pressed")).toBe("true");
    expect(table.getByRole("rowheader", { name: "Mon, 10.03.2025" })).toBeTruthy();
    const total = within(totals());
    expect(total.getByRole("rowheader", { name: "Total" })).toBeTruthy();
    expect(totals().querySelector('[data-figure="issued"]')?.textContent).toBe("40");
    expect(totals().querySelector('[data-figure="averageWaitSeconds"]')?.textContent).toBe("7:07");
    expect(totals().querySelector('[data-figure="p90WaitSeconds"]')?.textContent).toBe("15:05");
    expect(totals().querySelector('[data-figure="slaPercent"]')?.textContent).toBe("91.2%");
    expect(totals().querySelector('[data-figure="satisfactionPercent"]')?.textContent).toBe("95.2%");
    expect(totals().querySelector('[data-figure="feedbackCount"]')?.textContent).toBe("21");
    for (const column of [
      "Issued",
      "Called",
      "Served",
      "No-shows",
      "Cancelled",
      "Expired",
      "Median wait",
      "Average service",
      "Appointments kept",
      "Appointments missed",
      "Satisfied",
      "Ratings",
    ])
      expect(table.getByRole("columnheader", { name: column })).toBeTruthy();
  });

  it("draws the charts with a sentence each and the figures behind them", async () => {
    showReports();
    await screen.findByText(
      "The average wait was longest at 10:00: 12:00; 90% of those visitors waited less than 25:00.",
    );
    expect(screen.getByText("Issued: 40, served: 35. Busiest: Tue, 11.03.2025 (22 issued).")).toBeTruthy();
    expect(
      screen.getByText("Waits measured: 38. Half waited less than 6:00, 90% less than 15:05."),
    ).toBeTruthy();
    const bins = screen.getByRole("table", { name: "How long visitors waited" });
    expect(within(bins).getByRole("rowheader", { name: "180+ min" })).toBeTruthy();
    expect(within(bins).getByRole("row", { name: "5–10 min 12" })).toBeTruthy();
  });

  it("takes a preset period at a click", async () => {
    const server = showReports();
    await reportTable("day");
    await userEvent.click(screen.getByRole("button", { name: "Last month" }));
    await waitFor(() => expect(asked(server).at(-1)).toMatchObject({ from: "2025-02-01", to: "2025-02-28" }));
    expect(screen.getByRole("button", { name: "Last month" }).getAttribute("aria-pressed")).toBe("true");
    expect((screen.getByLabelText("From") as HTMLInputElement).value).toBe("2025-02-01");
    await userEvent.click(screen.getByRole("button", { name: "Today" }));
    // A single day: arrivals against served by hour.
    await screen.findByRole("heading", { name: "Tickets issued and visitors served, by hour" });
  });

  it("groups by service, counter or employee", async () => {
    const server = showReports();
    await reportTable("day");
    await userEvent.selectOptions(screen.getByLabelText("Group by"), "service");
    const table = within(await reportTable("service"));
    expect(asked(server).some((q) => q.groupBy === "service")).toBe(true);
    expect(table.getByRole("columnheader", { name: "Service" })).toBeTruthy();
    expect(table.getByRole("rowheader", { name: "Pensiyalar" })).toBeTruthy();
  });

  it("groups by priority group, in the reader's words, with how the quoted waits came true", async () => {
    const server = showReports();
    await reportTable("day");
    await userEvent.selectOptions(screen.getByLabelText("Group by"), "priority");
    const table = within(await reportTable("priority group"));
    expect(asked(server).some((q) => q.groupBy === "priority")).toBe(true);
    expect(table.getByRole("columnheader", { name: "Priority group" })).toBeTruthy();
    expect(table.getByRole("rowheader", { name: "Ordinary visitors" })).toBeTruthy();
    const veteran = within(table.getByRole("rowheader", { name: "War veteran" }).closest("tr")!);
    expect(table.getByRole("columnheader", { name: "Called inside quoted range" })).toBeTruthy();
    expect(veteran.getByText("80.6%")).toBeTruthy();
    expect(veteran.getByText("1.8 min")).toBeTruthy();
    expect(veteran.getByText("25%")).toBeTruthy();
  });

  it("asks nothing for a period that ends before it starts, and says why", async () => {
    const server = showReports();
    await reportTable("day");
    const before = asked(server).length;
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2025-03-20" } });
    expect((await screen.findByRole("alert")).textContent).toBe(
      "The period ends before it starts: choose a later end date.",
    );
    expect(screen.getByLabelText("From").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByRole("link", { name: "Download CSV" })).toBeNull();
    expect(asked(server).length).toBe(before);
  });

  it("links the CSV of exactly the figures shown, in the reader's language", async () => {
    showReports({ language: "az" });
    const link = await screen.findByRole("link", { name: "CSV yüklə" });
    expect(link.hasAttribute("download")).toBe(true);
    const url = new URL(link.getAttribute("href") ?? "", "http://console.test");
    expect(url.pathname).toBe("/api/v1/reports/summary");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      centreId: CENTRE_ID,
      from: "2025-03-06",
      to: "2025-03-12",
      groupBy: "day",
      format: "csv",
      language: "az",
    });
  });

  it("lets an admin choose a centre or all centres", async () => {
    const server = showReports({ admin: true });
    await reportTable("day", "All centres");
    expect(asked(server)[0]?.centreId).toBeUndefined();
    await userEvent.selectOptions(screen.getByLabelText("Centre"), SUMGAYIT.id);
    await reportTable("day", "Sumgayit");
    expect(asked(server).at(-1)?.centreId).toBe(SUMGAYIT.id);
  });

  it("says what went wrong when the server refuses", async () => {
    showReports(
      {},
      reportsServer(() => ({ status: 403, body: { error: { code: "FORBIDDEN", message: "Not yours" } } })),
    );
    expect((await screen.findByRole("alert")).textContent).toContain("You are not allowed to do that.");
  });

  it.each<[Language, string, string, string]>([
    ["az", "Verilib", "Cəmi", "Son 7 gün"],
    ["ru", "Выдано", "Итого", "Последние 7 дней"],
    ["en", "Issued", "Total", "Last 7 days"],
  ])(
    "in %s, speaks the reader's language and asks for labels in it",
    async (language, issued, total, preset) => {
      const server = showReports({ language });
      await screen.findByRole("rowheader", { name: total });
      const table = within(totals().closest("table") as HTMLElement);
      expect(table.getByRole("columnheader", { name: issued })).toBeTruthy();
      expect(screen.getByRole("button", { name: preset })).toBeTruthy();
      expect(asked(server).every((q) => q.language === language)).toBe(true);
    },
  );
});
