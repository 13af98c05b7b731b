import { localTime, toMinutes, type OpeningHours, type Weekday } from "./service-day.js";
import { addDays, weekdayOf, zonedInstant } from "./zoned-time.js";

/**
 * When a centre takes walk-in tickets. It opens with its first opening period and stops taking
 * them `lastTicketMinutesBeforeClosing` before its last period ends, so everyone given a ticket is
 * served in hours; during a break (the gap between two periods) and on closed dates it is closed.
 */
export interface CentreHours {
  timeZone: string;
  openingHours: OpeningHours;
  /** Local dates (YYYY-MM-DD) the centre is closed: national holidays and its own. */
  closedDates: ReadonlySet<string>;
  lastTicketMinutesBeforeClosing: number;
}

export interface IssuingState {
  open: boolean;
  /** While open: the last moment a kiosk issues today. */
  lastTicketAt: Date | null;
  /** While closed: when issuing opens next (null when nothing opens within a year). */
  opensAt: Date | null;
}

/** How far ahead the next opening is looked for: a centre closed longer than this has no next opening. */
const SEARCH_DAYS = 366;

function periodsOf(date: string, hours: CentreHours) {
  if (hours.closedDates.has(date)) return [];
  return hours.openingHours[weekdayOf(date) as Weekday]
    .map((p) => ({ open: toMinutes(p.open), close: toMinutes(p.close) }))
    .sort((a, b) => a.open - b.open);
}

/** When the centre's last opening period of `date` ends; null on a day without hours. */
export function dayClosesAt(date: string, hours: CentreHours): Date | null {
  const periods = periodsOf(date, hours);
  if (periods.length === 0) return null;
  return zonedInstant(date, Math.max(...periods.map((p) => p.close)), hours.timeZone);
}

export function issuingState(now: Date, hours: CentreHours): IssuingState {
  const local = localTime(now, hours.timeZone);
  const today = periodsOf(local.date, hours);
  const lastClose = today.length > 0 ? Math.max(...today.map((p) => p.close)) : null;
  const cutoff = lastClose === null ? null : lastClose - hours.lastTicketMinutesBeforeClosing;
  const inPeriod = today.some(
    (p) => p.open <= local.minutes && local.minutes < Math.min(p.close, cutoff ?? p.close),
  );
  if (inPeriod && cutoff !== null) {
    return { open: true, lastTicketAt: zonedInstant(local.date, cutoff, hours.timeZone), opensAt: null };
  }
  const laterToday = today.find((p) => p.open > local.minutes && (cutoff === null || p.open < cutoff));
  if (laterToday) {
    return {
      open: false,
      lastTicketAt: null,
      opensAt: zonedInstant(local.date, laterToday.open, hours.timeZone),
    };
  }
  for (let day = 1; day <= SEARCH_DAYS; day++) {
    const date = addDays(local.date, day);
    const first = periodsOf(date, hours)[0];
    if (first)
      return { open: false, lastTicketAt: null, opensAt: zonedInstant(date, first.open, hours.timeZone) };
  }
  return { open: false, lastTicketAt: null, opensAt: null };
}

/**
 * When a ticket still waiting stops waiting: at the end of its service day, which is the day's
 * closing for a ticket issued before it, and local midnight for one issued after closing (staff may
 * issue after hours for visitors already inside) or on a day without hours. Never earlier, so a
 * ticket answered 2xx is never taken away minutes later.
 */
export function waitingTicketExpiresAt(
  ticket: { serviceDay: string; issuedAt: Date },
  hours: CentreHours,
): Date {
  const closes = dayClosesAt(ticket.serviceDay, hours);
  if (closes && ticket.issuedAt.getTime() < closes.getTime()) return closes;
  return zonedInstant(addDays(ticket.serviceDay, 1), 0, hours.timeZone);
}
