import type { Messages } from "./messages.js";

/** An estimated wait as people read it: whole minutes, hours past the hour, never a false "0 min". */
export function formatWait(t: Messages, minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return "—";
  if (minutes < 1) return t.underAMinute;
  const whole = Math.round(minutes);
  if (whole < 60) return t.minutes(whole);
  return t.hoursMinutes(Math.floor(whole / 60), whole % 60);
}

/**
 * A wait as a person reads it: the band it falls in four times out of five, "about 10–15 min",
 * when the server gives one (ends rounded outward to whole minutes, so the band never narrows);
 * else the single estimate.
 */
export function formatWaitRange(
  t: Messages,
  minutes: number | null,
  range: { low: number; high: number } | null | undefined,
): string {
  if (!range || !Number.isFinite(range.low) || !Number.isFinite(range.high)) return formatWait(t, minutes);
  const low = Math.max(0, Math.floor(range.low));
  const high = Math.max(low, Math.ceil(range.high));
  if (high < 1) return t.underAMinute;
  if (low === high) return formatWait(t, high);
  if (high < 60) return t.aboutMinutesRange(low, high);
  // Each end in the language's own units, without the "~" of a single estimate.
  const plain = (m: number) => (m < 1 ? t.minutes(0) : formatWait(t, m)).replace(/^~/, "");
  return t.aboutRange(plain(low), plain(high));
}

/** Date and time of an instant in the centre's timezone, never the device's. */
export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}
