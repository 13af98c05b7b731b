import { z } from "zod";

/**
 * Calendar arithmetic in a centre's own timezone. A service day is the local date, never the UTC
 * date: a ticket issued at 01:30 in Baku belongs to that Baku day.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalTime {
  /** YYYY-MM-DD in the timezone. */
  date: string;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
}

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function localTime(now: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(now)) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: (parts.weekday ?? "Mon").toLowerCase().slice(0, 3) as Weekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

export function serviceDay(now: Date, timeZone: string): string {
  return localTime(now, timeZone).date;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM");

export const openingPeriodSchema = z
  .object({ open: hhmm, close: hhmm })
  .refine((p) => p.open < p.close, "open must be before close");

/** Weekly opening hours: for each weekday, the periods the centre is open (breaks are the gaps). */
export const openingHoursSchema = z.object(
  Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(openingPeriodSchema).max(6)])) as Record<
    Weekday,
    z.ZodArray<typeof openingPeriodSchema>
  >,
);
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const toMinutes = (value: string): number =>
  Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

export function isOpenAt(hours: OpeningHours, now: Date, timeZone: string): boolean {
  const local = localTime(now, timeZone);
  return hours[local.weekday].some(
    (p) => toMinutes(p.open) <= local.minutes && local.minutes < toMinutes(p.close),
  );
}
