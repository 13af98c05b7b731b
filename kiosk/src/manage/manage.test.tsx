import type { Language } from "@dost/shared";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { whenText } from "../appointments/Facts.js";
import { formatLongDate } from "../appointments/dates.js";
import { DICTIONARIES } from "../i18n/i18n.js";
import {
  CODE,
  SURVIVOR_PENSION,
  appointment,
  appointmentRoutes,
  conflict,
  fixBrowserDate,
  PHONE_LAST4,
} from "../test/fake-appointments.js";
import { installFakeServer } from "../test/fake-server.js";
import { CENTRE } from "../test/fixtures.js";
import { descriptionOf, renderManage, settle } from "../test/render.js";
import "../test/setup.js";

const LANGUAGES: Language[] = ["az", "ru", "en"];
/** A screen's heading, once its effects (which move the focus to it) have run. */
async function heading(name: string) {
  const found = await screen.findByRole("heading", { level: 1, name });
  await settle();
  return found;
}
const posts = (server: ReturnType<typeof installFakeServer>) =>
  server.requests.filter((r) => r.method === "POST").map((r) => [r.path, r.body]);

/** The booking's facts as term → value. */
function facts(): Record<string, string> {
  return Object.fromEntries(
    [...document.querySelectorAll(".booking-view dl > div")].map((row) => [
      row.querySelector("dt")?.textContent ?? "",
      row.querySelector("dd")?.textContent ?? "",
    ]),
  );
}

describe("the booking's own page", () => {
  it.each(LANGUAGES)(
    "opens from its address in the booking's language (%s), masked, and cancels after asking",
    async (language) => {
      const { routes, stored } = appointmentRoutes();
      stored.current = appointment({ language });
      const server = installFakeServer(routes);
      renderManage(CODE);
      const t = DICTIONARIES[language];

      expect(await heading(t.manage.title)).toBe(document.activeElement);
      expect(document.documentElement.lang).toBe(language);
      expect(screen.getByText("HK7M3-XQ9RT")).toBeTruthy();
      expect(facts()).toEqual({
        [t.manage.statusLabel]: t.manage.statuses.booked,
        [t.booking.dateLabel]: formatLongDate("2026-11-24", t.calendar),
        [t.booking.timeLabel]: "11:00",
        [t.centre]: CENTRE.name[language],
        [t.service]: SURVIVOR_PENSION.name[language],
        [t.manage.nameLabel]: "L*** Ə***",
        [t.manage.phoneLabel]: "+99450***4567",
      });

      await userEvent.click(screen.getByRole("button", { name: t.manage.cancel }));
      expect(await heading(t.manage.cancelHeading)).toBe(document.activeElement);
      const when = whenText(appointment().start, "Asia/Baku", t.calendar);
      expect(screen.getByText(t.manage.cancelText(when))).toBeTruthy();
      await userEvent.click(screen.getByRole("button", { name: t.manage.keep }));
      await heading(t.manage.title);
      expect(posts(server)).toEqual([]);

      await userEvent.click(screen.getByRole("button", { name: t.manage.cancel }));
      // Without the phone's last four digits nothing is sent; wrong ones are refused by the server.
      await userEvent.click(await screen.findByRole("button", { name: t.manage.confirmCancel }));
      expect(await screen.findByText(t.manage.phoneLast4Needed)).toBeTruthy();
      expect(document.activeElement).toBe(screen.getByLabelText(t.manage.phoneLast4Label));
      expect(posts(server)).toEqual([]);
      await userEvent.type(screen.getByLabelText(t.manage.phoneLast4Label), "1234");
      await userEvent.click(screen.getByRole("button", { name: t.manage.confirmCancel }));
      expect(await screen.findByText(t.manage.phoneLast4Wrong)).toBeTruthy();
      await userEvent.clear(screen.getByLabelText(t.manage.phoneLast4Label));
      await userEvent.type(screen.getByLabelText(t.manage.phoneLast4Label), PHONE_LAST4);
      await userEvent.click(screen.getByRole("button", { name: t.manage.confirmCancel }));
      expect((await screen.findByRole("status")).textContent).toBe(t.manage.cancelled);
      expect(facts()[t.manage.statusLabel]).toBe(t.manage.statuses.cancelled);
      expect(screen.queryByRole("button", { name: t.manage.cancel })).toBeNull();
      expect(screen.queryByRole("button", { name: t.manage.reschedule })).toBeNull();
      expect(posts(server)).toEqual([
        [`/api/v1/appointments/${CODE}/cancel`, { phoneLast4: "1234" }],
        [`/api/v1/appointments/${CODE}/cancel`, { phoneLast4: PHONE_LAST4 }],
      ]);
    },
  );

  it.each(LANGUAGES)("moves the booking to another day and time in %s", async (language) => {
    fixBrowserDate();
    const { routes, stored } = appointmentRoutes();
    stored.current = appointment({ language });
    const server = installFakeServer(routes);
    renderManage(CODE);
    const t = DICTIONARIES[language];

    await userEvent.click(await screen.findByRole("button", { name: t.manage.reschedule }));
    expect(await heading(t.booking.dayHeading)).toBe(document.activeElement);
    // The calendar opens on the booking's month, its day marked.
    const current = await screen.findByRole("gridcell", { selected: true });
    expect(within(current).getByRole("button").getAttribute("data-date")).toBe("2026-11-24");
    const prefix = `${formatLongDate("2026-11-26", t.calendar)}:`;
    await userEvent.click(screen.getByRole("button", { name: (n) => n.startsWith(prefix) }));
    await heading(t.booking.timeHeading);
    await userEvent.click(screen.getByRole("button", { name: `10:00, ${t.booking.placesLeft(2)}` }));

    expect(await heading(t.manage.moveHeading)).toBe(document.activeElement);
    const when = whenText("2026-11-26T06:00:00.000Z", "Asia/Baku", t.calendar);
    expect(screen.getByText(t.manage.moveText(when))).toBeTruthy();
    await userEvent.type(screen.getByLabelText(t.manage.phoneLast4Label), PHONE_LAST4);
    await userEvent.click(screen.getByRole("button", { name: t.manage.move }));

    expect((await screen.findByRole("status")).textContent).toBe(t.manage.moved(when));
    expect(facts()[t.booking.dateLabel]).toBe(formatLongDate("2026-11-26", t.calendar));
    expect(facts()[t.booking.timeLabel]).toBe("10:00");
    expect(posts(server)).toEqual([
      [
        `/api/v1/appointments/${CODE}/reschedule`,
        { start: "2026-11-26T06:00:00.000Z", phoneLast4: PHONE_LAST4 },
      ],
    ]);
  });

  it("does not offer the booking's own time again when moving it within its day", async () => {
    fixBrowserDate();
    const { routes, stored } = appointmentRoutes();
    stored.current = appointment({ language: "en" });
    installFakeServer(routes);
    renderManage(CODE);
    await userEvent.click(await screen.findByRole("button", { name: DICTIONARIES.en.manage.reschedule }));
    await screen.findByRole("grid");
    await userEvent.click(
      screen.getByRole("button", { name: (n) => n.startsWith("Tuesday, 24 November 2026:") }),
    );
    await heading(DICTIONARIES.en.booking.timeHeading);
    expect(screen.getByRole("button", { name: /^10:40/ })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^11:00/ })).toBeNull();
  });

  it("looks up a typed code in any case and with a dash, and says when there is none", async () => {
    const { routes, stored } = appointmentRoutes();
    installFakeServer(routes);
    renderManage();
    const t = DICTIONARIES.az;
    expect(await heading(t.manage.lookupHeading)).toBe(document.activeElement);
    const field = screen.getByLabelText(t.booking.codeLabel);
    // Nine characters: neither a code (10) nor an older one (8).
    await userEvent.type(field, "hk7m3-xq9r");
    await userEvent.click(screen.getByRole("button", { name: t.manage.find }));
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(field)).toBe(`${t.manage.codeInputHint} ${t.manage.codeInvalid}`);
    expect(document.activeElement).toBe(field);

    await userEvent.type(field, "t");
    await userEvent.click(screen.getByRole("button", { name: t.manage.find }));
    const again = await screen.findByLabelText(t.booking.codeLabel);
    expect(descriptionOf(again)).toContain(t.manage.notFound);
    expect(document.activeElement).toBe(again);
    expect((again as HTMLInputElement).value).toBe("HK7M3-XQ9RT");

    stored.current = appointment({ language: "ru" });
    await userEvent.click(screen.getByRole("button", { name: t.manage.find }));
    await heading(DICTIONARIES.ru.manage.title);
    expect(new URL(window.location.href).searchParams.get("code")).toBe(CODE);

    await userEvent.click(screen.getByRole("button", { name: DICTIONARIES.ru.manage.lookupAnother }));
    await heading(DICTIONARIES.ru.manage.lookupHeading);
    expect(new URL(window.location.href).searchParams.has("code")).toBe(false);
  });

  it("says why a change was refused, with the server's words", async () => {
    const { routes, stored } = appointmentRoutes();
    stored.current = appointment({ language: "en" });
    routes[`POST /api/v1/appointments/${CODE}/cancel`] = () =>
      conflict("This appointment is checked in and cannot be cancelled");
    installFakeServer(routes);
    renderManage(CODE);
    const t = DICTIONARIES.en;
    await userEvent.click(await screen.findByRole("button", { name: t.manage.cancel }));
    await userEvent.type(await screen.findByLabelText(t.manage.phoneLast4Label), PHONE_LAST4);
    await userEvent.click(screen.getByRole("button", { name: t.manage.confirmCancel }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(t.manage.notPossible);
    expect(alert.textContent).toContain("This appointment is checked in and cannot be cancelled");
  });
});
