import type { Language, PublicWaits } from "@dost/shared";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { DICTIONARIES } from "../i18n/i18n.js";
import { installFakeServer, json, unreachable } from "../test/fake-server.js";
import { settle } from "../test/render.js";
import "../test/setup.js";
import { WAITS_REFRESH_MS } from "./useWaits.js";
import { WaitsPage, parseLicence } from "./WaitsPage.js";

const WAITS = "GET /api/v1/public/waits";
const LICENCE = "CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/)";

function figures(waitingPensions: number, generatedAt = "2025-03-04T06:00:00.000Z"): PublicWaits {
  return {
    generatedAt,
    licence: LICENCE,
    centres: [
      {
        code: "BAKU-1",
        name: { az: "Bakı 1 saylı DOST", ru: "Баку ДОСТ №1", en: "Baku DOST No. 1" },
        openNow: true,
        services: [
          {
            code: "PENS",
            name: { az: "Pensiyalar", ru: "Пенсии", en: "Pensions" },
            waiting: waitingPensions,
            estimatedWaitMinutes: 18,
            openCounters: 2,
          },
          {
            code: "DISA",
            name: { az: "Əlillik", ru: "Инвалидность", en: "Disability" },
            waiting: 3,
            estimatedWaitMinutes: 75,
            openCounters: 0,
          },
        ],
      },
      {
        code: "GNC-1",
        name: { az: "Gəncə DOST", ru: "Гянджа ДОСТ", en: "Ganja DOST" },
        openNow: false,
        services: [
          {
            code: "PENS",
            name: { az: "Pensiyalar", ru: "Пенсии", en: "Pensions" },
            waiting: 0,
            estimatedWaitMinutes: 0,
            openCounters: 0,
          },
        ],
      },
    ],
  };
}

/** The figures shown for one service of one centre: its dt texts to its dd texts. */
function shownFigures(centreName: string, serviceName: string): Record<string, string> {
  const centre = screen.getByRole("region", { name: centreName });
  const item = within(centre).getByRole("heading", { level: 3, name: serviceName }).closest("li");
  if (!item) throw new Error(`no ${serviceName} in ${centreName}`);
  return Object.fromEntries(
    [...item.querySelectorAll("dl > div")].map((row) => [
      row.querySelector("dt")?.textContent ?? "",
      row.querySelector("dd")?.textContent ?? "",
    ]),
  );
}

describe("the public waits page", () => {
  it.each<Language>(["az", "ru", "en"])(
    "shows every centre's open state and each service's figures, in %s",
    async (language) => {
      const server = installFakeServer({ [WAITS]: () => json(200, figures(4)) });
      render(<WaitsPage />);
      await screen.findByRole("region", { name: "Bakı 1 saylı DOST" });
      if (language !== "az")
        await userEvent.click(screen.getByRole("button", { name: DICTIONARIES[language].languageName }));
      const t = DICTIONARIES[language];
      const w = t.waits;
      expect(document.documentElement.lang).toBe(language);
      expect(document.title).toBe(w.title);
      expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(w.heading);

      const baku = figures(4).centres[0]!;
      const ganja = figures(4).centres[1]!;
      const bakuRegion = screen.getByRole("region", { name: baku.name[language] });
      expect(within(bakuRegion).getByText(w.openNow)).toBeTruthy();
      expect(shownFigures(baku.name[language], baku.services[0]!.name[language])).toEqual({
        [w.waiting]: "4",
        [w.estimatedWait]: t.minutes(18),
        [w.openCounters]: "2",
      });
      expect(shownFigures(baku.name[language], baku.services[1]!.name[language])).toEqual({
        [w.waiting]: "3",
        [w.estimatedWait]: t.hoursMinutes(1, 15),
        [w.openCounters]: "0",
      });
      // People wait for a service no counter serves: the page says so rather than promise a wait.
      expect(within(bakuRegion).getByText(w.noCounterOpen)).toBeTruthy();

      const ganjaRegion = screen.getByRole("region", { name: ganja.name[language] });
      expect(within(ganjaRegion).getByText(w.closedNow)).toBeTruthy();
      expect(shownFigures(ganja.name[language], ganja.services[0]!.name[language])[w.estimatedWait]).toBe(
        "—",
      );

      // 06:00Z is 10:00 in Baku, whatever the phone's zone.
      expect(screen.getByRole("status").textContent).toBe(w.updatedAt("10:00"));
      const licence = screen.getByRole("link", { name: "CC-BY-4.0" });
      expect(licence.getAttribute("href")).toBe("https://creativecommons.org/licenses/by/4.0/");
      expect(licence.getAttribute("rel")).toBe("license");
      expect(licence.closest("p")?.textContent).toContain(w.licence);
      expect(screen.getByRole("link", { name: w.rawData }).getAttribute("href")).toBe("/api/v1/public/waits");
      // No sign-in, no key: the request carries no credentials, and nothing is stored on the phone.
      expect(server.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
      expect(localStorage.length).toBe(0);
    },
  );

  it("refreshes the figures on its own", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    let waiting = 4;
    const server = installFakeServer({
      [WAITS]: () =>
        json(200, figures(waiting, waiting === 4 ? "2025-03-04T06:00:00.000Z" : "2025-03-04T06:00:20.000Z")),
    });
    render(<WaitsPage />);
    await screen.findByRole("region", { name: "Bakı 1 saylı DOST" });
    expect(shownFigures("Bakı 1 saylı DOST", "Pensiyalar")[DICTIONARIES.az.waits.waiting]).toBe("4");

    waiting = 9;
    await act(async () => {
      vi.advanceTimersByTime(WAITS_REFRESH_MS);
    });
    await settle();
    await vi.waitFor(() =>
      expect(shownFigures("Bakı 1 saylı DOST", "Pensiyalar")[DICTIONARIES.az.waits.waiting]).toBe("9"),
    );
    expect(server.requests.filter((r) => r.path === "/api/v1/public/waits")).toHaveLength(2);
    expect(WAITS_REFRESH_MS).toBeGreaterThanOrEqual(15_000);
    expect(WAITS_REFRESH_MS).toBeLessThanOrEqual(30_000);
  });

  it("keeps the last figures when a refresh fails, and says so", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const server = installFakeServer({ [WAITS]: () => json(200, figures(4)) });
    render(<WaitsPage />);
    await screen.findByRole("region", { name: "Bakı 1 saylı DOST" });

    server.routes[WAITS] = unreachable;
    await act(async () => {
      vi.advanceTimersByTime(WAITS_REFRESH_MS);
    });
    await vi.waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe(DICTIONARIES.az.waits.stale("10:00")),
    );
    expect(shownFigures("Bakı 1 saylı DOST", "Pensiyalar")[DICTIONARIES.az.waits.waiting]).toBe("4");
  });

  it("offers a retry when the first answer never comes", async () => {
    const server = installFakeServer({ [WAITS]: unreachable });
    render(<WaitsPage />);
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(DICTIONARIES.az.unreachableTitle)).toBeTruthy();

    server.routes[WAITS] = () => json(200, figures(4));
    await userEvent.click(within(alert).getByRole("button", { name: DICTIONARIES.az.retry }));
    expect(await screen.findByRole("region", { name: "Bakı 1 saylı DOST" })).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("reads the licence the server states", () => {
    expect(parseLicence(LICENCE)).toEqual({
      name: "CC-BY-4.0",
      url: "https://creativecommons.org/licenses/by/4.0/",
    });
    expect(parseLicence("Open Government Licence")).toEqual({ name: "Open Government Licence", url: null });
  });
});
