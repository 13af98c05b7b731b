import { toMinutes, WEEKDAYS, type OpeningHours, type Weekday } from "@dost/shared";

/** A working week with a lunch break, the usual starting point for a new centre. */
export function defaultHours(): OpeningHours {
  const day = [
    { open: "09:00", close: "13:00" },
    { open: "14:00", close: "18:00" },
  ];
  return {
    mon: [...day],
    tue: [...day],
    wed: [...day],
    thu: [...day],
    fri: [...day],
    sat: [],
    sun: [],
  };
}

export type HoursProblem = { day: Weekday; index: number; kind: "endsBeforeStart" | "overlaps" };

/** What the server would refuse, found before sending: a period ending before it starts, or overlapping. */
export function hoursProblems(hours: OpeningHours): HoursProblem[] {
  const problems: HoursProblem[] = [];
  for (const day of WEEKDAYS) {
    hours[day].forEach((period, index) => {
      if (!period.open || !period.close || toMinutes(period.close) <= toMinutes(period.open))
        problems.push({ day, index, kind: "endsBeforeStart" });
      else if (index > 0 && toMinutes(period.open) < toMinutes(hours[day][index - 1]!.close))
        problems.push({ day, index, kind: "overlaps" });
    });
  }
  return problems;
}

/** The gaps between a day's periods: its breaks, as the reader sees them. */
export function breaksOf(periods: OpeningHours[Weekday]): { from: string; to: string }[] {
  const breaks: { from: string; to: string }[] = [];
  for (let i = 1; i < periods.length; i++) {
    const before = periods[i - 1]!.close;
    const after = periods[i]!.open;
    if (before && after && toMinutes(after) > toMinutes(before)) breaks.push({ from: before, to: after });
  }
  return breaks;
}
