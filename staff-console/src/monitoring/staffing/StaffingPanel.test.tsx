import type { StaffingResponse } from "@dost/shared";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { TEXTS } from "../../i18n/i18n.js";
import { CENTRE_ID } from "../../test/monitoring-data.js";
import { fakeServer, renderWithServer } from "../../test/server.js";
import { StaffingPanel, serviceDayIn } from "./StaffingPanel.js";

afterEach(cleanup);

const hour = (h: number, needed: number, open: number) => ({
  hour: h,
  forecastArrivals: needed * 6.5,
  handlingMinutes: 9,
  countersNeeded: needed,
  countersOpen: open,
  withinTargetPercent: open >= needed ? 86 : 41,
});

const TUESDAY: StaffingResponse = {
  targetWaitMinutes: 15,
  serviceLevelPercent: 80,
  basedOn: ["2025-02-25", "2025-02-18"],
  hours: [hour(9, 2, 2), hour(10, 4, 3), hour(11, 3, 3)],
};
const WEDNESDAY: StaffingResponse = { ...TUESDAY, basedOn: ["2025-02-26"], hours: [hour(9, 1, 2)] };

function renderPanel() {
  const server = fakeServer((url) => {
    if (url.pathname !== `/api/v1/centres/${CENTRE_ID}/staffing`) return undefined;
    const date = url.searchParams.get("date");
    return { body: date === "2025-03-05" ? WEDNESDAY : TUESDAY };
  });
  renderWithServer(<StaffingPanel centreId={CENTRE_ID} timeZone="Asia/Baku" />, server.fetch, "en");
  return server;
}

/** The figures table behind the chart, row by row. */
const tableRows = () =>
  [...document.querySelectorAll(".chart-data tbody tr")].map((tr) =>
    [...tr.querySelectorAll("th, td")].map((cell) => cell.textContent),
  );

describe("the staffing chart", () => {
  it("shows counters needed against open for today, and says where the hall falls short", async () => {
    const server = renderPanel();
    const today = serviceDayIn("Asia/Baku");
    await waitFor(() => expect(tableRows()).toHaveLength(3));
    expect(server.requests.find((u) => u.pathname.endsWith("/staffing"))?.searchParams.get("date")).toBe(
      today,
    );
    expect((screen.getByLabelText("Day") as HTMLInputElement).value).toBe(today);
    expect(tableRows()).toEqual([
      ["09:00", "13.0", "2", "2", "86 %"],
      ["10:00", "26.0", "4", "3", "41 %"],
      ["11:00", "19.5", "3", "3", "86 %"],
    ]);
    const figure = screen.getByRole("figure", { name: "Counters needed and counters open, by the hour" });
    expect(
      within(figure).getByText(TEXTS.en.staffing.short({ hours: "10:00", target: 15, share: 80 })),
    ).toBeTruthy();
    expect(screen.getByText("Forecast from the same weekday on: 2025-02-25, 2025-02-18")).toBeTruthy();
  });

  it("shows a chosen day", async () => {
    const server = renderPanel();
    await waitFor(() => expect(tableRows()).toHaveLength(3));
    fireEvent.change(screen.getByLabelText("Day"), { target: { value: "2025-03-05" } });
    await waitFor(() => expect(tableRows()).toEqual([["09:00", "6.5", "1", "2", "86 %"]]));
    expect(server.requests.at(-1)?.searchParams.get("date")).toBe("2025-03-05");
    expect(screen.getByText(TEXTS.en.staffing.enough({ target: 15, share: 80 }))).toBeTruthy();
  });

  it("says it in the manager's language", async () => {
    const server = fakeServer((url) => (url.pathname.endsWith("/staffing") ? { body: TUESDAY } : undefined));
    renderWithServer(<StaffingPanel centreId={CENTRE_ID} timeZone="Asia/Baku" />, server.fetch, "ru");
    await waitFor(() => expect(tableRows()).toHaveLength(3));
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe(TEXTS.ru.staffing.title);
    expect(screen.getByLabelText(TEXTS.ru.staffing.date)).toBeTruthy();
  });
});
