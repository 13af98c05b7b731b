/**
 * When a closed centre opens next, in words a visitor reads at a glance: "today", "tomorrow", a
 * weekday within the week, else a date. Days and times are the centre's, never the device's zone.
 * Names come from the dictionaries (CalendarNames), not Intl, which lacks Azerbaijani in Chromium.
 */
export type OpeningDay =
  | { kind: "today" }
  | { kind: "tomorrow" }
  /** 0 = Monday … 6 = Sunday, as CalendarNames.weekdays counts. */
  | { kind: "weekday"; weekday: number }
  /** month 0 = January, as CalendarNames.months counts. */
  | { kind: "date"; day: number; month: number };

/** The calendar day of an instant in a zone, as a UTC midnight (so days subtract exactly). */
function localMidnight(at: Date, timeZone: string): Date {
  // en-CA writes YYYY-MM-DD, which Date reads back as a UTC midnight.
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
  return new Date(day);
}

export function openingDay(opensAt: Date, now: Date, timeZone: string): OpeningDay {
  const day = localMidnight(opensAt, timeZone);
  const days = Math.round((day.getTime() - localMidnight(now, timeZone).getTime()) / 86_400_000);
  if (days <= 0) return { kind: "today" };
  if (days === 1) return { kind: "tomorrow" };
  if (days < 7) return { kind: "weekday", weekday: (day.getUTCDay() + 6) % 7 };
  return { kind: "date", day: day.getUTCDate(), month: day.getUTCMonth() };
}

/** The opening hour as the centre's clock shows it: 09:00. */
export const openingTime = (opensAt: Date, timeZone: string): string =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    opensAt,
  );
