/** A report's period: service days (YYYY-MM-DD), both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

export const RANGE_PRESETS = ["today", "last7", "thisMonth", "lastMonth"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** Calendar arithmetic on day strings, in UTC so no daylight-saving shift can move a day. */
function shift(day: string, { days = 0, months = 0 }: { days?: number; months?: number }): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d + days)).toISOString().slice(0, 10);
}

const firstOfMonth = (day: string): string => `${day.slice(0, 7)}-01`;

/** `today` is the service day in the centre's timezone (from `serviceDay`), never the PC's date. */
export function presetRange(preset: RangePreset, today: string): DayRange {
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "last7":
      return { from: shift(today, { days: -6 }), to: today };
    case "thisMonth":
      return { from: firstOfMonth(today), to: today };
    case "lastMonth": {
      const first = shift(firstOfMonth(today), { months: -1 });
      return { from: first, to: shift(firstOfMonth(today), { days: -1 }) };
    }
  }
}

/** Which preset a range is, to mark its button pressed; null for a range picked by hand. */
export function presetOf(range: DayRange, today: string): RangePreset | null {
  return (
    RANGE_PRESETS.find((p) => {
      const r = presetRange(p, today);
      return r.from === range.from && r.to === range.to;
    }) ?? null
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Complete and in order; an empty date field (still being typed) is not yet a range. */
export function rangeProblem(range: DayRange): "incomplete" | "reversed" | null {
  if (!DAY.test(range.from) || !DAY.test(range.to)) return "incomplete";
  return range.from > range.to ? "reversed" : null;
}
