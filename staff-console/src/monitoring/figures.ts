import type { Language } from "@dost/shared";
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

/** A service day (YYYY-MM-DD) as a short date in the reader's language; the day itself, not a moment. */
export function formatDay(day: string, language: Language): string {
  const at = Date.parse(`${day}T12:00:00Z`);
  if (Number.isNaN(at)) return day;
  return new Intl.DateTimeFormat(language, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(at);
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
