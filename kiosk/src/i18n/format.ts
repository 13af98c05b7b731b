import { sayWait, sayWaitRange } from "@dost/shared";
import type { Messages } from "./messages.js";

/** An estimated wait as people read it: whole minutes, hours past the hour, never a false "0 min". */
export function formatWait(t: Messages, minutes: number | null): string {
  return sayWait(t, minutes);
}

/** A wait as a person reads it: "about 10–15 min" when the server gives a band, else the estimate. */
export function formatWaitRange(
  t: Messages,
  minutes: number | null,
  range: { low: number; high: number } | null | undefined,
): string {
  return sayWaitRange(t, minutes, range);
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
