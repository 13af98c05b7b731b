import type { Messages } from "./messages.js";

/** An estimated wait as people read it: whole minutes, hours past the hour, never a false "0 min". */
export function formatWait(t: Messages, minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return "—";
  if (minutes < 1) return t.underAMinute;
  const whole = Math.round(minutes);
  if (whole < 60) return t.minutes(whole);
  return t.hoursMinutes(Math.floor(whole / 60), whole % 60);
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
