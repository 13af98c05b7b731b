import type { Appointment, Centre, Language } from "@dost/shared";
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CENTRE_ID, EMPLOYMENT, PENSIONS, SERVICES } from "../test/monitoring-data.js";
import { fakeServer, renderWithServer } from "../test/server.js";
import { AppointmentsScreen } from "./AppointmentsScreen.js";
import { dateInAddress, formatAppointmentCode, isAppointmentsPath } from "./route.js";
import { live } from "../test/fake-live.js";

/** The live connection, played by the test. */
vi.mock("@dost/shared/client", async (original) => ({
  ...(await original<object>()),
  connectLive: (await import("../test/fake-live.js")).fakeConnectLive,
}));

const BAKU: Centre = {
  id: CENTRE_ID,
  code: "BAKU-1",
  name: { az: "Bakı 1 saylı DOST mərkəzi", ru: "Центр ДОСТ № 1 Баку", en: "Baku DOST centre 1" },
  timezone: "Asia/Baku",
};

let serial = 0;
function anAppointment(start: string, overrides: Partial<Appointment> = {}): Appointment {
  serial += 1;
  const hex = serial.toString(16).padStart(12, "0");
  return {
    id: `a0000000-0000-4000-8000-${hex}`,
    code: `ABCD${String(2222 + serial).slice(-4)}`,
    centreId: CENTRE_ID,
    serviceId: PENSIONS,
    start,
    end: new Date(Date.parse(start) + 20 * 60_000).toISOString(),
    status: "booked",
    language: "az",
    citizen: { name: "Leyla Əliyeva", phone: "+994501234567", pin: null },
    ticketId: null,
    checkedInAt: null,
    ...overrides,
  };
}

/** Monday 23 November 2026 in Baku (UTC+4): one appointment in each state. */
function theDay(): Appointment[] {
  return [
    anAppointment("2026-11-23T06:30:00Z", {
      code: "CHKD2345",
      status: "checked_in",
      checkedInAt: "2026-11-23T06:12:00Z",
      ticketId: "b0000000-0000-4000-8000-000000000001",
    }),
    anAppointment("2026-11-23T05:00:00Z", { code: "NSHW2345", status: "no_show" }),
    anAppointment("2026-11-23T07:00:00Z", {
      code: "BKED2345",
      serviceId: EMPLOYMENT,
      citizen: { name: "Rəşad Quliyev", phone: "+994551112233", pin: "5ABC7DE" },
    }),
    anAppointment("2026-11-23T08:00:00Z", { code: "CNCL2345", status: "cancelled" }),
  ];
}

function appointmentsServer(days: Record<string, Appointment[]> = { "2026-11-23": theDay() }) {
  const server = fakeServer((url) => {
    if (url.pathname === `/api/v1/centres/${CENTRE_ID}/services`) return { body: { services: SERVICES } };
    if (url.pathname === `/api/v1/centres/${CENTRE_ID}/appointments`)
      return { body: { appointments: days[url.searchParams.get("date") ?? ""] ?? [] } };
    return undefined;
  });
  const asked = () =>
    server.requests
      .filter((u) => u.pathname.endsWith("/appointments"))
      .map((u) => u.searchParams.get("date"));
  return { ...server, asked };
}

function show(language: Language = "en", server = appointmentsServer()) {
  renderWithServer(
    <AppointmentsScreen centreId={CENTRE_ID} centre={BAKU} subscribe={false} />,
    server.fetch,
    language,
  );
  return server;
}

const rowOf = (code: string) => document.querySelector(`tr[data-code="${code}"]`) as HTMLElement;
const cells = (code: string) =>
  within(rowOf(code))
    .getAllByRole("cell")
    .map((c) => c.textContent);
const count = (state: string) => document.querySelector(`[data-count="${state}"]`)?.textContent;

beforeEach(() => {
  // 23:30 on Sunday in UTC is already Monday in Baku: "today" is the centre's day, not the PC's.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-22T20:30:00Z"));
  window.history.replaceState(null, "", "/console/appointments");
});
afterEach(() => {
  cleanup();
  live.reset();
  vi.useRealTimers();
});

describe("the appointments screen", () => {
  it("lists today's appointments in Baku by time, with the state in words and counts per state", async () => {
    const server = show();
    const table = await screen.findByRole("table", { name: "Appointments on Mon, 23.11.2026" });
    expect(server.asked()).toEqual(["2026-11-23"]);
    expect((screen.getByLabelText("Day") as HTMLInputElement).value).toBe("2026-11-23");

    for (const header of ["Time", "Code", "Service", "Citizen", "Phone", "Check-in"])
      expect(within(table).getByRole("columnheader", { name: header })).toBeTruthy();
    // In order of time, the code as the citizen has it, as the row's header.
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((h) => h.textContent),
    ).toEqual(["NSHW-2345", "CHKD-2345", "BKED-2345", "CNCL-2345"]);
    expect(cells("BKED2345")).toEqual([
      "11:00",
      "Employment",
      "Rəşad Quliyev",
      "+994551112233",
      "Booked, not checked in",
    ]);
    expect(cells("CHKD2345")).toEqual([
      "10:30",
      "Pensions",
      "Leyla Əliyeva",
      "+994501234567",
      "Checked in at 10:12",
    ]);
    expect(cells("NSHW2345").at(-1)).toBe("Missed");
    expect(cells("CNCL2345").at(-1)).toBe("Cancelled");

    expect(count("all")).toBe("All: 4");
    expect(count("booked")).toBe("Booked, not checked in: 1");
    expect(count("checked_in")).toBe("Checked in: 1");
    expect(count("cancelled")).toBe("Cancelled: 1");
    expect(count("no_show")).toBe("Missed: 1");
  });

  it("shows another day when one is picked, and keeps it in the address", async () => {
    const server = show("en", appointmentsServer({ "2026-11-23": theDay(), "2026-11-24": [] }));
    await screen.findByRole("table");
    fireEvent.change(screen.getByLabelText("Day"), { target: { value: "2026-11-24" } });
    await screen.findByText("No appointments on this day.");
    expect(screen.getByRole("heading", { name: "Appointments on Tue, 24.11.2026" })).toBeTruthy();
    expect(server.asked().at(-1)).toBe("2026-11-24");
    expect(window.location.search).toBe("?date=2026-11-24");
    expect(count("all")).toBe("All: 0");
    expect(screen.getByRole("button", { name: "Today" }).getAttribute("aria-pressed")).toBe("false");

    // An emptied field asks nothing.
    const before = server.asked().length;
    fireEvent.change(screen.getByLabelText("Day"), { target: { value: "" } });
    await new Promise((r) => setTimeout(r, 50));
    expect(server.asked().length).toBe(before);

    fireEvent.click(screen.getByRole("button", { name: "Today" }));
    await screen.findByRole("table", { name: "Appointments on Mon, 23.11.2026" });
  });

  it("opens the day named in the address", async () => {
    window.history.replaceState(null, "", "/console/appointments?date=2026-11-24");
    const server = show("en", appointmentsServer({ "2026-11-24": theDay() }));
    await screen.findByRole("table", { name: "Appointments on Tue, 24.11.2026" });
    expect(server.asked()).toEqual(["2026-11-24"]);
  });

  it("fetches again once per burst of the centre's events, and not for another centre's", async () => {
    const days = { "2026-11-23": theDay() };
    const server = show("en", appointmentsServer(days));
    await screen.findByRole("table");
    const booked = days["2026-11-23"][2] as Appointment;
    days["2026-11-23"][2] = { ...booked, status: "checked_in", checkedInAt: "2026-11-23T06:45:00Z" };
    act(() => {
      live.send("queue:changed", { centreId: CENTRE_ID });
      live.send("ticket:updated", { centreId: CENTRE_ID });
      live.send("queue:changed", { centreId: CENTRE_ID });
    });
    await waitFor(() => expect(cells("BKED2345").at(-1)).toBe("Checked in at 10:45"));
    expect(count("checked_in")).toBe("Checked in: 2");
    await new Promise((r) => setTimeout(r, 400));
    expect(server.asked().length).toBe(2);

    act(() => live.send("queue:changed", { centreId: "1a2b3c4d-5e6f-4a0e-9a39-2f1e0c6b7d11" }));
    await new Promise((r) => setTimeout(r, 400));
    expect(server.asked().length).toBe(2);
  });

  it("says what went wrong when the server refuses", async () => {
    const refusing = fakeServer((url) =>
      url.pathname.endsWith("/appointments")
        ? { status: 403, body: { error: { code: "FORBIDDEN", message: "Not yours" } } }
        : { body: { services: SERVICES } },
    );
    renderWithServer(
      <AppointmentsScreen centreId={CENTRE_ID} centre={BAKU} subscribe={false} />,
      refusing.fetch,
    );
    expect((await screen.findByRole("alert")).textContent).toBe("You are not allowed to do that.");
  });

  it.each<[Language, string, string[], string[], string]>([
    [
      "az",
      "Qəbullar, B.e., 23.11.2026",
      ["Vaxt", "Kod", "Xidmət", "Vətəndaş", "Telefon", "Qeydiyyat"],
      ["Gəlməyib", "Qeydiyyatdan keçib, saat 10:12", "Yazılıb, qeydiyyatdan keçməyib", "Ləğv edilib"],
      "Qeydiyyatdan keçib: 1",
    ],
    [
      "ru",
      "Записи на Пн, 23.11.2026",
      ["Время", "Код", "Услуга", "Гражданин", "Телефон", "Отметка"],
      ["Не явился", "Отметился в 10:12", "Записан, не отметился", "Запись отменена"],
      "Отметились: 1",
    ],
    [
      "en",
      "Appointments on Mon, 23.11.2026",
      ["Time", "Code", "Service", "Citizen", "Phone", "Check-in"],
      ["Missed", "Checked in at 10:12", "Booked, not checked in", "Cancelled"],
      "Checked in: 1",
    ],
  ])("in %s, tells every state in words", async (language, caption, headers, states, checkedIn) => {
    show(language);
    const table = await screen.findByRole("table", { name: caption });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(headers);
    expect(
      within(table)
        .getAllByTestId("appointment-state")
        .map((c) => c.textContent),
    ).toEqual(states);
    expect(count("checked_in")).toBe(checkedIn);
    // Service names in the reader's language.
    expect(cells("CHKD2345")[1]).toBe(language === "en" ? "Pensions" : `Pensions (${language})`);
  });
});

describe("formatAppointmentCode", () => {
  it("writes the code in two groups of five, an older 8-character one in two groups of four", () => {
    expect(formatAppointmentCode("abcde23456")).toBe("ABCDE-23456");
    expect(formatAppointmentCode("ABCDE-23456")).toBe("ABCDE-23456");
    expect(formatAppointmentCode("abcd2345")).toBe("ABCD-2345");
    expect(formatAppointmentCode("ABCD-2345")).toBe("ABCD-2345");
    expect(formatAppointmentCode("ABC")).toBe("ABC");
  });
});

describe("the appointments address", () => {
  it("is its own page, and may name a day", () => {
    expect(isAppointmentsPath("/console/appointments")).toBe(true);
    expect(isAppointmentsPath("/console/appointments/")).toBe(true);
    expect(isAppointmentsPath("/console/")).toBe(false);
    expect(dateInAddress("?date=2026-11-23")).toBe("2026-11-23");
    expect(dateInAddress("?date=23.11.2026")).toBeNull();
    expect(dateInAddress("?date=2026-13-45")).toBeNull();
    expect(dateInAddress("")).toBeNull();
  });
});
