import { act, fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { DICTIONARIES } from "../i18n/i18n.js";
import { CENTRE, PENSION, SERVICES } from "../test/fixtures.js";
import { installFakeServer, json, type Handler } from "../test/fake-server.js";
import { renderKiosk, settle } from "../test/render.js";
import "../test/setup.js";
import { skipPhone } from "../test/phone-step.js";

vi.mock("socket.io-client", async () => ({ io: (await import("../test/fake-socket.js")).fakeIo }));

const SERVICES_ROUTE = `GET /api/v1/centres/${CENTRE.id}/services`;
const ISSUE = `POST /api/v1/centres/${CENTRE.id}/tickets`;
const { az, ru, en } = DICTIONARIES;

/** Saturday 28 November 2026, 20:00 in Baku; the centre opens again Monday 30th at 09:00. */
const SATURDAY_EVENING = new Date("2026-11-28T16:00:00Z");
const MONDAY_OPENING = "2026-11-30T05:00:00.000Z";

const closedUntil =
  (opensAt: string): Handler =>
  () =>
    json(200, { services: SERVICES, issuing: { open: false, lastTicketAt: null, opensAt } });
const openUntil =
  (lastTicketAt: string): Handler =>
  () =>
    json(200, { services: SERVICES, issuing: { open: true, lastTicketAt, opensAt: null } });

async function findHeading(name: string) {
  const heading = await screen.findByRole("heading", { level: 1, name });
  await settle();
  return heading;
}

describe("outside the hours kiosks issue in", () => {
  it("says it is closed and when it opens, in az, ru and en, instead of the service list", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: SATURDAY_EVENING });
    const server = installFakeServer();
    server.routes[SERVICES_ROUTE] = closedUntil(MONDAY_OPENING);
    renderKiosk();
    await findHeading(az.closedHeading);
    expect(screen.getByText("Açılış: bazar ertəsi, saat 09:00")).toBeTruthy();
    expect(screen.queryByRole("button", { name: new RegExp(PENSION.name.az) })).toBeNull();
    // A visitor with an appointment may still check in.
    expect(screen.getByRole("button", { name: az.checkIn.haveAppointment })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: ru.languageName }));
    await findHeading(ru.closedHeading);
    expect(screen.getByText("Откроемся в понедельник в 09:00")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: en.languageName }));
    await findHeading(en.closedHeading);
    expect(screen.getByText("We open Monday at 09:00")).toBeTruthy();
    expect(server.requests.filter((r) => r.path.endsWith("/tickets"))).toEqual([]);
  });

  it("says today or tomorrow where that is what it means, in the centre's timezone", async () => {
    // 23:30 UTC on Monday is already Tuesday 03:30 in Baku: 09:00 is "today", not "tomorrow".
    vi.useFakeTimers({ shouldAdvanceTime: true, now: new Date("2026-11-23T23:30:00Z") });
    const server = installFakeServer();
    server.routes[SERVICES_ROUTE] = closedUntil("2026-11-24T05:00:00.000Z");
    renderKiosk();
    await findHeading(az.closedHeading);
    fireEvent.click(screen.getByRole("button", { name: en.languageName }));
    expect(await screen.findByText("We open today at 09:00")).toBeTruthy();
  });

  it("shows the service list by itself when the opening time comes", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: new Date("2026-11-24T04:55:00Z") });
    const server = installFakeServer();
    server.routes[SERVICES_ROUTE] = closedUntil("2026-11-24T05:00:00.000Z");
    renderKiosk();
    await findHeading(az.closedHeading);
    expect(screen.getByText("Açılış: bu gün, saat 09:00")).toBeTruthy();

    // A minute before opening, the kiosk has not looked again and still says closed.
    server.routes[SERVICES_ROUTE] = openUntil("2026-11-24T13:30:00.000Z");
    const looks = () => server.requests.filter((r) => `${r.method} ${r.path}` === SERVICES_ROUTE).length;
    const before = looks();
    await act(async () => void (await vi.advanceTimersByTimeAsync(4 * 60_000)));
    expect(looks()).toBe(before);
    expect(screen.getByRole("heading", { level: 1, name: az.closedHeading })).toBeTruthy();

    await act(async () => void (await vi.advanceTimersByTimeAsync(61_000)));
    await findHeading(az.startHeading);
    expect(looks()).toBe(before + 1);
    expect(screen.getByRole("button", { name: new RegExp(PENSION.name.az) })).toBeTruthy();
  });

  it("shows the closed screen when the centre refuses a ticket as closed while the visitor chose", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: new Date("2026-11-24T13:29:00Z") });
    const server = installFakeServer();
    server.routes[SERVICES_ROUTE] = openUntil("2026-11-24T13:30:00.000Z");
    server.routes[ISSUE] = () =>
      json(409, {
        error: {
          code: "CONFLICT",
          message: "The centre is not taking tickets now",
          reason: "centre_closed",
          params: { opensAt: "2026-11-25T05:00:00.000Z" },
        },
      });
    renderKiosk();
    await findHeading(az.startHeading);
    fireEvent.click(screen.getByRole("button", { name: en.languageName }));
    fireEvent.click(screen.getByRole("button", { name: new RegExp(PENSION.name.en) }));
    await skipPhone();
    fireEvent.click(await screen.findByRole("button", { name: en.priorityNo }));
    await findHeading(en.closedHeading);
    expect(screen.getByText("We open tomorrow at 09:00")).toBeTruthy();
    expect(screen.queryByText(/not taking tickets/)).toBeNull();
  });

  it("keeps the service list when open, and for a server that does not say", async () => {
    const server = installFakeServer();
    server.routes[SERVICES_ROUTE] = openUntil("2099-01-01T13:30:00.000Z");
    const { unmount } = renderKiosk();
    await findHeading(az.startHeading);
    expect(screen.queryByText(az.closedHeading)).toBeNull();
    unmount();
    server.routes[SERVICES_ROUTE] = () => json(200, { services: SERVICES });
    renderKiosk();
    await findHeading(az.startHeading);
  });
});
