import type { Language } from "@dost/shared";
import { CALENDAR_WORDS } from "@dost/shared/client";
import type { I18n } from "../i18n/i18n.js";
import { formatDuration } from "../ui/format.js";

/** Shown where a figure does not exist yet (no visitor called today), rather than a false zero. */
export const NO_FIGURE = "—";

/** A wait or service time in seconds as a clerk reads it: 4:07 (minutes:seconds), 1:02:09 past an hour. */
export function formatSeconds(seconds: number | null): string {
  return seconds === null ? NO_FIGURE : formatDuration(seconds * 1000);
}

/** A share such as 87.5 %, with the language's decimal sign. */
export function formatPercent(percent: number | null, language: Language): string {
  if (percent === null) return NO_FIGURE;
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 }).format(
    percent / 100,
  );
}

export function formatCount(count: number, language: Language): string {
  return new Intl.NumberFormat(language).format(count);
}

/**
 * A service day (YYYY-MM-DD) as "Mon, 10.03.2025": the weekday from the client kit's calendar, the date as
 * Azerbaijan writes it. Not Intl: Chromium ships without Azerbaijani month and weekday names and
 * would print "2025 M03 10".
 */
export function formatDay(day: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const [, year, month, date] = match;
  // Date counts from Sunday; the calendar's names start on Monday.
  const sunday0 = new Date(Date.UTC(Number(year), Number(month) - 1, Number(date))).getUTCDay();
  const weekday = CALENDAR_WORDS[language].weekdaysShort[(sunday0 + 6) % 7] ?? "";
  return `${weekday}, ${date}.${month}.${year}`;
}

/** Minutes with one decimal, for chart axes where m:ss would not scale. */
export const toMinutes = (seconds: number | null): number | null =>
  seconds === null ? null : Math.round(seconds / 6) / 10;

/** A moment as a wall-clock time with seconds in the centre's timezone: when figures were taken. */
export function formatTimeOfDay(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(new Date(iso));
}

/** Azerbaijan keeps one timezone; the national view and "all centres" reports count days in it. */
export const COUNTRY_TIMEZONE = "Asia/Baku";

/** Minutes as "2,5 min": one decimal with the language's decimal sign. */
export function formatMinutes(minutes: number | null, t: I18n["t"], language: Language): string {
  if (minutes === null) return NO_FIGURE;
  const value = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(minutes);
  return t.minutes.short({ minutes: value });
}

const PRIORITIES = ["none", "disability", "veteran", "martyr_family", "elderly", "pregnant"] as const;

/** A priority group by name; ordinary visitors (`none`) as such, an unknown key as it came. */
export function priorityLabel(priority: string, t: I18n["t"]): string {
  if (priority === "none") return t.fairness.ordinary;
  const known = PRIORITIES.find((p) => p === priority);
  return known ? t.priority[known] : priority;
}
