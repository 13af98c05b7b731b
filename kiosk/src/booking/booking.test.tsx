import type { Language } from "@dost/shared";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { formatLongDate } from "../appointments/dates.js";
import { manageUrl } from "../appointments/code.js";
import { DICTIONARIES } from "../i18n/i18n.js";
import {
  CODE,
  FULL_DAY,
  SUMGAYIT,
  SURVIVOR_PENSION,
  appointmentRoutes,
  conflict,
  fixBrowserDate,
} from "../test/fake-appointments.js";
import { errorBody, installFakeServer, json } from "../test/fake-server.js";
import { CENTRE, PENSION } from "../test/fixtures.js";
import { descriptionOf, renderBooking, settle } from "../test/render.js";
import "../test/setup.js";

const LANGUAGES: Language[] = ["az", "ru", "en"];
const BOOK = "POST /api/v1/appointments";

/** The calendar's button for a date, found by the start of its label, as a screen reader hears it. */
function day(date: string, language: Language): HTMLElement {
  const prefix = `${formatLongDate(date, DICTIONARIES[language].calendar)}:`;
  return within(screen.getByRole("grid")).getByRole("button", { name: (name) => name.startsWith(prefix) });
}

/** A screen's heading, once its effects (which move the focus to it) have run. */
async function heading(name: string) {
  const found = await screen.findByRole("heading", { level: 1, name });
  await settle();
  return found;
}

/** From the first step to the time step, in `language`. */
async function toTimes(language: Language, date = "2026-11-24") {
  const t = DICTIONARIES[language];
  await heading(DICTIONARIES.az.booking.centreHeading);
  if (language !== "az") await userEvent.click(screen.getByRole("button", { name: t.languageName }));
  await userEvent.click(await screen.findByRole("button", { name: CENTRE.name[language] }));
  await userEvent.click(await screen.findByRole("button", { name: SURVIVOR_PENSION.name[language] }));
  await heading(t.booking.dayHeading);
  await screen.findByRole("grid");
  await userEvent.click(day(date, language));
  await heading(t.booking.timeHeading);
}

describe("booking an appointment", () => {
  it.each(LANGUAGES)(
    "goes from centre to confirmation in %s, checking the details first",
    async (language) => {
      fixBrowserDate();
      const server = installFakeServer(appointmentRoutes().routes);
      renderBooking();
      const t = DICTIONARIES[language];
      await heading(DICTIONARIES.az.booking.centreHeading);
      await userEvent.click(screen.getByRole("button", { name: t.languageName }));
      expect(document.documentElement.lang).toBe(language);
      expect(document.title).toBe(`${t.booking.title} — DOST`);
      expect(screen.getByText(t.booking.stepOf(1, 5))).toBeTruthy();
      expect(screen.getByRole("button", { name: SUMGAYIT.name[language] })).toBeTruthy();

      await userEvent.click(screen.getByRole("button", { name: CENTRE.name[language] }));
      expect(await heading(t.booking.serviceHeading)).toBe(document.activeElement);
      // Only services that take appointments are offered.
      expect(screen.queryByRole("button", { name: PENSION.name[language] })).toBeNull();
      await userEvent.click(screen.getByRole("button", { name: SURVIVOR_PENSION.name[language] }));

      expect(await heading(t.booking.dayHeading)).toBe(document.activeElement);
      await screen.findByRole("grid");
      expect(day("2026-11-24", language).textContent).toContain(t.booking.dayOpen(52));
      expect(day("2026-11-28", language).textContent).toContain(t.booking.dayClosed);
      expect(day("2026-11-20", language).textContent).toContain(t.booking.dayPast);
      const full = day(FULL_DAY, language);
      expect(full.textContent).toContain(t.booking.dayFull);
      expect(full.getAttribute("aria-disabled")).toBe("true");
      // A full day cannot be chosen; tapping it says why.
      await userEvent.click(full);
      expect(screen.getByRole("heading", { level: 1, name: t.booking.dayHeading })).toBeTruthy();
      expect(document.querySelector(".calendar-focus")?.textContent).toContain(t.booking.dayFull);

      await userEvent.click(day("2026-11-24", language));
      expect(await heading(t.booking.timeHeading)).toBe(document.activeElement);
      expect(screen.getByText(t.booking.timeHint(formatLongDate("2026-11-24", t.calendar)))).toBeTruthy();
      // 09:20 is full, so it is not offered.
      expect(screen.queryByRole("button", { name: /^09:20/ })).toBeNull();
      await userEvent.click(screen.getByRole("button", { name: `11:00, ${t.booking.placesLeft(2)}` }));

      expect(await heading(t.booking.detailsHeading)).toBe(document.activeElement);
      const summary = screen.getByRole("region", { name: t.booking.summaryHeading });
      expect(summary.textContent).toContain(SURVIVOR_PENSION.name[language]);
      expect(summary.textContent).toContain("11:00");

      await userEvent.click(screen.getByRole("button", { name: t.booking.submit }));
      const name = screen.getByLabelText(t.booking.nameLabel);
      const phone = screen.getByLabelText(t.booking.phoneLabel);
      const pin = screen.getByLabelText(t.booking.pinLabel);
      expect(screen.getByRole("alert").textContent).toBe(t.booking.fixErrors);
      expect(name.getAttribute("aria-invalid")).toBe("true");
      expect(document.activeElement).toBe(name);
      expect(descriptionOf(name)).toBe(t.booking.nameInvalid);
      expect(descriptionOf(phone)).toBe(`${t.booking.phoneHint} ${t.booking.phoneMissing}`);
      expect(pin.getAttribute("aria-invalid")).toBeNull();

      await userEvent.type(name, "Leyla Əliyeva");
      expect(name.getAttribute("aria-invalid")).toBeNull();
      await userEvent.type(phone, "050 123 45");
      await userEvent.type(pin, "AB1");
      await userEvent.click(screen.getByRole("button", { name: t.booking.submit }));
      expect(document.activeElement).toBe(phone);
      expect(descriptionOf(phone)).toContain(t.booking.phoneInvalid);
      expect(descriptionOf(pin)).toContain(t.booking.pinInvalid);
      expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(0);

      await userEvent.type(phone, " 67");
      await userEvent.type(pin, "2C34");
      await userEvent.click(screen.getByRole("button", { name: t.booking.submit }));

      expect(await heading(t.booking.confirmedHeading)).toBe(document.activeElement);
      expect(server.requests.find((r) => r.method === "POST")?.body).toEqual({
        centreId: CENTRE.id,
        serviceId: SURVIVOR_PENSION.id,
        start: "2026-11-24T07:00:00.000Z",
        citizen: { name: "Leyla Əliyeva", phone: "050 123 45 67", pin: "AB12C34" },
        language,
      });
      expect(screen.getByText("HK7M3-XQ9RT")).toBeTruthy();
      expect(screen.getByText(formatLongDate("2026-11-24", t.calendar))).toBeTruthy();
      expect(screen.getByText("11:00")).toBeTruthy();
      const qr = screen.getByRole("img", { name: t.booking.scanToManage });
      expect(qr.closest("figure")?.getAttribute("data-manage-url")).toBe(manageUrl(CODE));
      const ics = screen.getByRole("link", { name: t.booking.addToCalendar });
      expect(ics.getAttribute("href")).toBe(`/api/v1/appointments/${CODE}/calendar.ics`);
      expect(ics.hasAttribute("download")).toBe(true);
      expect(screen.getByRole("link", { name: t.booking.manageLink }).getAttribute("href")).toBe(
        manageUrl(CODE),
      );
      // No personal data is kept in the browser.
      expect(localStorage.length).toBe(0);
      expect(sessionStorage.length).toBe(0);
    },
  );

  it("moves through the calendar by keyboard, into the next month and back", async () => {
    fixBrowserDate();
    installFakeServer(appointmentRoutes().routes);
    renderBooking();
    await heading(DICTIONARIES.az.booking.centreHeading);
    await userEvent.click(await screen.findByRole("button", { name: CENTRE.name.az }));
    await userEvent.click(await screen.findByRole("button", { name: SURVIVOR_PENSION.name.az }));
    await screen.findByRole("grid");
    const user = userEvent.setup();
    // After the month buttons (the previous one disabled: it is all past), the grid has one stop,
    // the first day with room.
    await user.tab();
    expect(document.activeElement?.textContent).toContain("Növbəti ay");
    await user.tab();
    expect(document.activeElement).toBe(day("2026-11-23", "az"));
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(day("2026-11-24", "az"));
    await user.keyboard("{ArrowDown}");
    await screen.findByRole("heading", { level: 2, name: "Dekabr 2026" });
    await waitFor(() => expect(document.activeElement?.getAttribute("data-date")).toBe("2026-12-01"));
    expect(screen.getByRole("button", { name: "Növbəti ay" }).hasAttribute("disabled")).toBe(true);
    await user.keyboard("{PageUp}");
    await screen.findByRole("heading", { level: 2, name: "Noyabr 2026" });
    await waitFor(() => expect(document.activeElement?.getAttribute("data-date")).toBe("2026-11-01"));
    expect(screen.getByRole("button", { name: "Əvvəlki ay" }).hasAttribute("disabled")).toBe(true);
    // A past day takes the focus, so its label says why, but Enter does not choose it.
    await user.keyboard("{Enter}");
    expect(screen.getByRole("heading", { level: 1, name: DICTIONARIES.az.booking.dayHeading })).toBeTruthy();
    await user.keyboard("{End}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}");
    expect(document.activeElement?.getAttribute("data-date")).toBe("2026-11-18");
    await user.keyboard("{ArrowDown}{ArrowLeft}{Enter}");
    await heading(DICTIONARIES.az.booking.timeHeading);
  });

  it("goes back a step with the browser's Back, keeping the chosen day", async () => {
    fixBrowserDate();
    installFakeServer(appointmentRoutes().routes);
    renderBooking();
    await toTimes("en", "2026-11-26");
    window.history.back();
    await heading(DICTIONARIES.en.booking.dayHeading);
    const chosen = await screen.findByRole("gridcell", { selected: true });
    expect(within(chosen).getByRole("button").getAttribute("data-date")).toBe("2026-11-26");
    await userEvent.click(screen.getByRole("button", { name: DICTIONARIES.en.back }));
    await heading(DICTIONARIES.en.booking.serviceHeading);
  });

  it("says when the time was taken meanwhile, with the server's words, and offers another time", async () => {
    fixBrowserDate();
    const { routes } = appointmentRoutes();
    routes[BOOK] = () => conflict("That time is fully booked; choose another");
    installFakeServer(routes);
    renderBooking();
    await toTimes("ru");
    const t = DICTIONARIES.ru;
    await userEvent.click(screen.getByRole("button", { name: `10:00, ${t.booking.placesLeft(2)}` }));
    await userEvent.type(screen.getByLabelText(t.booking.nameLabel), "Лейла Алиева");
    await userEvent.type(screen.getByLabelText(t.booking.phoneLabel), "+994501234567");
    await userEvent.click(screen.getByRole("button", { name: t.booking.submit }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(t.booking.conflictText);
    expect(within(alert).getByText("That time is fully booked; choose another").getAttribute("lang")).toBe(
      "en",
    );
    await userEvent.click(within(alert).getByRole("button", { name: t.booking.chooseAnotherTime }));
    await heading(t.booking.timeHeading);
  });

  it("ties a field the server refused to that field, and explains the rate limit", async () => {
    fixBrowserDate();
    const { routes } = appointmentRoutes();
    routes[BOOK] = () =>
      json(400, {
        error: {
          code: "VALIDATION_FAILED",
          message: "invalid",
          details: [{ path: "body.citizen.phone", message: "not a phone number" }],
        },
      });
    installFakeServer(routes);
    renderBooking();
    await toTimes("en");
    const t = DICTIONARIES.en;
    await userEvent.click(screen.getByRole("button", { name: `10:00, ${t.booking.placesLeft(2)}` }));
    await userEvent.type(screen.getByLabelText(t.booking.nameLabel), "Leyla Aliyeva");
    const phone = screen.getByLabelText(t.booking.phoneLabel);
    await userEvent.type(phone, "0501234567");
    await userEvent.click(screen.getByRole("button", { name: t.booking.submit }));
    await waitFor(() => expect(phone.getAttribute("aria-invalid")).toBe("true"));
    expect(descriptionOf(phone)).toContain(t.booking.phoneInvalid);
    await waitFor(() => expect(document.activeElement).toBe(phone));

    routes[BOOK] = () => errorBody(429, "RATE_LIMITED");
    await userEvent.click(screen.getByRole("button", { name: t.booking.submit }));
    expect((await screen.findByText(t.booking.rateLimited)).closest("[role='alert']")).toBeTruthy();
  });
});
