import { localTime } from "./service-day.js";

/** Offset of `timeZone` from UTC at `instant`, in minutes (Baku: +240). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const local = localTime(instant, timeZone);
  const [y, m, d] = local.date.split("-").map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, 0, local.minutes);
  // Seconds are not in localTime's minutes; drop them from the instant too.
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` (YYYY-MM-DD) and `minutes` after
 * midnight. Two passes settle the offset even across a daylight-saving change.
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  let guess = new Date(wall - offsetMinutes(new Date(wall), timeZone) * 60_000);
  guess = new Date(wall - offsetMinutes(guess, timeZone) * 60_000);
  return guess;
}

/** YYYY-MM-DD plus `days` (calendar arithmetic, no timezone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun" {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return (["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const)[
    new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  ]!;
}
