import { addDays, serviceDay, weekdayOf } from "@dost/shared";
import type { CalendarNames } from "../i18n/appointments/messages.js";

/**
 * Calendar dates (YYYY-MM-DD) and months (YYYY-MM) of the centre's own calendar. A date is a plain
 * local date, so it is formatted as if in UTC; an instant is formatted in the centre's timezone.
 */
export type Month = string;

export const monthOf = (date: string): Month => date.slice(0, 7);

export function addMonths(month: Month, months: number): Month {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 7);
}

/** Every date of a month, the 1st first. */
export function datesOfMonth(month: Month): string[] {
  const dates: string[] = [];
  for (let date = `${month}-01`; monthOf(date) === month; date = addDays(date, 1)) dates.push(date);
  return dates;
}

const WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** Where a date sits in a Monday-first week: 0 for Monday … 6 for Sunday. */
export const weekColumn = (date: string): number => WEEK.indexOf(weekdayOf(date));

/**
 * Today in the centre, by this device's clock. Only a first guess of which month to show: what
 * can be booked is always the server's answer, so a phone with a wrong clock still books right.
 */
export const todayIn = (timeZone: string): string => serviceDay(new Date(), timeZone);

const parts = (date: string) => date.split("-").map(Number) as [number, number, number];

/** "Tuesday, 24 November 2026", with the dictionary's names and word order. */
export function formatLongDate(date: string, names: CalendarNames): string {
  const [year, month, day] = parts(date);
  return names.date(names.weekdays[weekColumn(date)] ?? "", day, names.months[month - 1] ?? "", year);
}

/** "November 2026", as a calendar's title. */
export function formatMonth(month: Month, names: CalendarNames): string {
  const [year, m] = parts(`${month}-01`);
  return names.monthTitle(names.monthTitles[m - 1] ?? "", year);
}

/** The wall-clock time of an instant in the centre, 24-hour, as all three languages write it: 09:20. */
export function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

/** The local date of an instant in the centre. */
export const dateIn = (iso: string, timeZone: string): string => serviceDay(new Date(iso), timeZone);

/**
 * Where a key moves the calendar's focus from `date`, as in the WAI-ARIA date-picker pattern:
 * arrows by a day or a week, Home and End to the week's ends, Page Up and Down by a month.
 */
export function dateForKey(key: string, date: string): string | null {
  switch (key) {
    case "ArrowLeft":
      return addDays(date, -1);
    case "ArrowRight":
      return addDays(date, 1);
    case "ArrowUp":
      return addDays(date, -7);
    case "ArrowDown":
      return addDays(date, 7);
    case "Home":
      return addDays(date, -weekColumn(date));
    case "End":
      return addDays(date, 6 - weekColumn(date));
    case "PageUp":
    case "PageDown": {
      const month = addMonths(monthOf(date), key === "PageUp" ? -1 : 1);
      const lastDay = datesOfMonth(month).at(-1) ?? `${month}-28`;
      const sameDay = `${month}-${date.slice(8)}`;
      return sameDay <= lastDay ? sameDay : lastDay;
    }
    default:
      return null;
  }
}
