import { describe, expect, it } from "vitest";
import { dayClosesAt, issuingState, waitingTicketExpiresAt, type CentreHours } from "./opening.js";
import type { OpeningHours } from "./service-day.js";

// Baku is UTC+4 all year. 2026-11-23 is a Monday.
const day = [{ open: "09:00", close: "18:00" }];
const openingHours: OpeningHours = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] };
const hours = (over: Partial<CentreHours> = {}): CentreHours => ({
  timeZone: "Asia/Baku",
  openingHours,
  closedDates: new Set(),
  lastTicketMinutesBeforeClosing: 30,
  ...over,
});
const at = (iso: string) => new Date(iso);

describe("issuing hours at the kiosk", () => {
  it("is open from the first opening until the last-ticket time, then closed until the next opening", () => {
    expect(issuingState(at("2026-11-23T05:00:00Z"), hours())).toEqual({
      open: true,
      lastTicketAt: at("2026-11-23T13:30:00Z"),
      opensAt: null,
    });
    // 17:29 Baku: a minute before the last ticket. 17:31: a minute after.
    expect(issuingState(at("2026-11-23T13:29:00Z"), hours()).open).toBe(true);
    expect(issuingState(at("2026-11-23T13:31:00Z"), hours())).toEqual({
      open: false,
      lastTicketAt: null,
      opensAt: at("2026-11-24T05:00:00Z"),
    });
  });

  it("is closed at night, and opens the same morning", () => {
    // 03:48 in Baku on a Tuesday is 23:48 UTC on the Monday.
    expect(issuingState(at("2026-11-23T23:48:00Z"), hours())).toEqual({
      open: false,
      lastTicketAt: null,
      opensAt: at("2026-11-24T05:00:00Z"),
    });
  });

  it("is closed on a Saturday, and opens on Monday", () => {
    expect(issuingState(at("2026-11-28T08:00:00Z"), hours()).opensAt).toEqual(at("2026-11-30T05:00:00Z"));
  });

  it("is closed on a closed date, and skips it for the next opening", () => {
    const closed = hours({ closedDates: new Set(["2026-11-23", "2026-11-24"]) });
    expect(issuingState(at("2026-11-23T08:00:00Z"), closed)).toEqual({
      open: false,
      lastTicketAt: null,
      opensAt: at("2026-11-25T05:00:00Z"),
    });
  });

  it("is closed during a break and opens after it; the last-ticket time counts from the last closing", () => {
    const split = [
      { open: "09:00", close: "13:00" },
      { open: "14:00", close: "18:00" },
    ];
    const withBreak = hours({ openingHours: { ...openingHours, mon: split } });
    expect(issuingState(at("2026-11-23T08:59:00Z"), withBreak).open).toBe(true);
    expect(issuingState(at("2026-11-23T09:30:00Z"), withBreak)).toEqual({
      open: false,
      lastTicketAt: null,
      opensAt: at("2026-11-23T10:00:00Z"),
    });
    expect(issuingState(at("2026-11-23T10:00:00Z"), withBreak).lastTicketAt).toEqual(
      at("2026-11-23T13:30:00Z"),
    );
  });

  it("has no next opening for a centre with no hours at all", () => {
    const never = hours({
      openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    });
    expect(issuingState(at("2026-11-23T08:00:00Z"), never)).toEqual({
      open: false,
      lastTicketAt: null,
      opensAt: null,
    });
  });

  it("takes tickets until closing when the last-ticket time is 0", () => {
    expect(issuingState(at("2026-11-23T13:59:00Z"), hours({ lastTicketMinutesBeforeClosing: 0 })).open).toBe(
      true,
    );
  });
});

describe("the end of a waiting ticket's day", () => {
  it("is the day's closing for a ticket issued before it, even one issued before opening", () => {
    expect(dayClosesAt("2026-11-24", hours())).toEqual(at("2026-11-24T14:00:00Z"));
    // Issued by staff at 03:48 Baku on the Tuesday: it waits until Tuesday's closing, not minutes.
    expect(
      waitingTicketExpiresAt({ serviceDay: "2026-11-24", issuedAt: at("2026-11-23T23:48:00Z") }, hours()),
    ).toEqual(at("2026-11-24T14:00:00Z"));
  });

  it("is local midnight for a ticket issued after closing, or on a day without hours", () => {
    expect(
      waitingTicketExpiresAt({ serviceDay: "2026-11-24", issuedAt: at("2026-11-24T14:10:00Z") }, hours()),
    ).toEqual(at("2026-11-24T20:00:00Z"));
    expect(
      waitingTicketExpiresAt({ serviceDay: "2026-11-28", issuedAt: at("2026-11-28T08:00:00Z") }, hours()),
    ).toEqual(at("2026-11-28T20:00:00Z"));
  });
});
