import type { Language, NationalStats } from "@dost/shared";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { centreFigures } from "../../test/monitoring-data.js";
import { fakeServer, renderWithServer } from "../../test/server.js";
import { NationalView } from "./NationalView.js";

afterEach(cleanup);

const STATS: NationalStats = {
  generatedAt: "2025-03-03T08:00:00Z",
  centres: [
    centreFigures("SUMGAYIT", "Sumgayit", {
      waiting: 4,
      longestWaitSeconds: 200,
      averageWaitSecondsToday: 300,
      servedToday: 50,
      slaPercentToday: 95,
      openCounters: 6,
    }),
    centreFigures("BAKU-1", "Baku 1", {
      waiting: 17,
      longestWaitSeconds: 1500,
      averageWaitSecondsToday: 610,
      servedToday: 120,
      slaPercentToday: 71.4,
      openCounters: 10,
      servicesOverTarget: 2,
    }),
    centreFigures("BAKU-2", "Baku 2", { waiting: 9, servedToday: 80, openCounters: 8 }),
  ],
};

function showNational(language: Language = "en") {
  const server = fakeServer((url) =>
    url.pathname === "/api/v1/stats/national" ? { body: STATS } : undefined,
  );
  renderWithServer(<NationalView />, server.fetch, language);
  return server;
}

const order = () => [...document.querySelectorAll("tbody tr")].map((r) => r.getAttribute("data-centre"));
const header = (name: string) => screen.getByRole("columnheader", { name: new RegExp(`^${name}`) });

describe("the national view", () => {
  it("shows every centre with today's figures, by name at first", async () => {
    showNational();
    await screen.findByRole("table");
    expect(order()).toEqual(["BAKU-1", "BAKU-2", "SUMGAYIT"]);
    const baku = within(document.querySelector('tr[data-centre="BAKU-1"]') as HTMLElement);
    expect(baku.getByText("17")).toBeTruthy();
    expect(baku.getByText("25:00")).toBeTruthy();
    expect(baku.getByText("10:10")).toBeTruthy();
    expect(baku.getByText("71.4%")).toBeTruthy();
    expect(baku.getByText("over target")).toBeTruthy();
    expect(header("Centre").getAttribute("aria-sort")).toBe("ascending");
  });

  it("sorts by any column, both ways, and says so with aria-sort", async () => {
    showNational();
    await screen.findByRole("table");
    await userEvent.click(screen.getByRole("button", { name: /^Waiting/ }));
    expect(order()).toEqual(["SUMGAYIT", "BAKU-2", "BAKU-1"]);
    expect(header("Waiting").getAttribute("aria-sort")).toBe("ascending");
    expect(header("Centre").getAttribute("aria-sort")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: /^Waiting/ }));
    expect(order()).toEqual(["BAKU-1", "BAKU-2", "SUMGAYIT"]);
    expect(header("Waiting").getAttribute("aria-sort")).toBe("descending");

    // A centre without a wait measured yet goes last either way.
    await userEvent.click(screen.getByRole("button", { name: /^Average wait today/ }));
    expect(order()).toEqual(["SUMGAYIT", "BAKU-1", "BAKU-2"]);
    await userEvent.click(screen.getByRole("button", { name: /^Average wait today/ }));
    expect(order()).toEqual(["BAKU-1", "SUMGAYIT", "BAKU-2"]);
  });

  it("sorts from the keyboard", async () => {
    showNational();
    await screen.findByRole("table");
    screen.getByRole("button", { name: /^Served today/ }).focus();
    await userEvent.keyboard("{Enter}");
    expect(order()).toEqual(["SUMGAYIT", "BAKU-2", "BAKU-1"]);
  });

  it("opens a centre's dashboard from its row", async () => {
    showNational();
    const link = await screen.findByRole("link", { name: "Baku 1" });
    const id = STATS.centres[1]?.centreId ?? "";
    expect(link.getAttribute("href")).toBe(`/console/monitoring?centre=${id}`);
  });

  it.each<[Language, string, string]>([
    ["az", "Mərkəz", "Baku 1 az"],
    ["ru", "Центр", "Baku 1 ru"],
    ["en", "Centre", "Baku 1"],
  ])("in %s, names columns and centres in that language", async (language, centre, name) => {
    showNational(language);
    await screen.findByRole("link", { name });
    expect(header(centre)).toBeTruthy();
    await userEvent.click(within(header(centre)).getByRole("button"));
    await waitFor(() => expect(header(centre).getAttribute("aria-sort")).toBe("descending"));
  });
});
