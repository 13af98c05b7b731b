import {
  localTime,
  quantileOf,
  waitAccuracy,
  waitFairness,
  type WaitAccuracy,
  type WaitFairness,
} from "@dost/shared";
import type { TicketRecord } from "./drive.js";

/** The figures of one hour (by the hour a ticket was issued) or of the whole day. */
export interface PeriodFigures {
  label: string;
  arrivals: number;
  called: number;
  meanWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  accuracy: WaitAccuracy;
  priorityMeanMinutes: number | null;
  ordinaryMeanMinutes: number | null;
  ordinaryP90Minutes: number | null;
  longestOrdinaryMinutes: number | null;
}

export interface DayFigures {
  estimator: string;
  hours: PeriodFigures[];
  day: PeriodFigures;
  fairness: WaitFairness;
  /** Tickets still waiting when the centre closed (neither called nor given up). */
  leftAtClosing: number;
  cancelled: number;
  problems: Record<string, number>;
  bookingsMade: number;
}

const minutes = (ms: number) => ms / 60_000;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function period(label: string, tickets: readonly TicketRecord[]): PeriodFigures {
  const called = tickets.filter((t) => t.calledAt !== null);
  const wait = (t: TicketRecord) => minutes(t.calledAt! - t.issuedAt);
  const waits = called.map(wait).sort((a, b) => a - b);
  const ordinary = called.filter((t) => t.priority === "none").map(wait);
  const priority = called.filter((t) => t.priority !== "none").map(wait);
  return {
    label,
    arrivals: tickets.length,
    called: called.length,
    meanWaitMinutes: mean(waits),
    p90WaitMinutes: quantileOf(waits, 0.9),
    accuracy: waitAccuracy(
      // A ticket told "no estimate" was quoted nothing to judge.
      called.flatMap((t) =>
        t.quotedMinutes === null
          ? []
          : [{ quotedMinutes: t.quotedMinutes, range: t.range, actualMinutes: wait(t) }],
      ),
    ),
    priorityMeanMinutes: mean(priority),
    ordinaryMeanMinutes: mean(ordinary),
    ordinaryP90Minutes: quantileOf(
      [...ordinary].sort((a, b) => a - b),
      0.9,
    ),
    longestOrdinaryMinutes: ordinary.length ? Math.max(...ordinary) : null,
  };
}

export function dayFigures(
  estimator: string,
  record: { tickets: TicketRecord[]; problems: Record<string, number>; bookingsMade: number },
  timeZone: string,
): DayFigures {
  const byHour = new Map<number, TicketRecord[]>();
  for (const t of record.tickets) {
    const hour = Math.floor(localTime(new Date(t.issuedAt), timeZone).minutes / 60);
    byHour.set(hour, [...(byHour.get(hour) ?? []), t]);
  }
  const hours = [...byHour.keys()]
    .sort((a, b) => a - b)
    .map((h) => period(`${String(h).padStart(2, "0")}:00`, byHour.get(h)!));
  const called = record.tickets.filter((t) => t.calledAt !== null);
  return {
    estimator,
    hours,
    day: period("day", record.tickets),
    fairness: waitFairness(
      called.map((t) => ({ priority: t.priority, waitMinutes: minutes(t.calledAt! - t.issuedAt) })),
    ),
    leftAtClosing: record.tickets.filter((t) => t.calledAt === null && !t.cancelled).length,
    cancelled: record.tickets.filter((t) => t.cancelled).length,
    problems: record.problems,
    bookingsMade: record.bookingsMade,
  };
}

const num = (v: number | null, digits = 1) => (v === null ? "—" : v.toFixed(digits));
const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);

/** The per-hour table as text, one block per estimator. */
export function figuresTable(figures: DayFigures): string {
  const head = [
    "hour",
    "arrivals",
    "mean wait",
    "p90 wait",
    "in band",
    "median |err|",
    "under >5",
    "priority mean",
    "ordinary mean/p90",
    "longest ordinary",
  ];
  const row = (p: PeriodFigures) => [
    p.label,
    String(p.arrivals),
    num(p.meanWaitMinutes),
    num(p.p90WaitMinutes),
    pct(p.accuracy.insideRangeShare),
    num(p.accuracy.medianAbsoluteErrorMinutes),
    pct(p.accuracy.underEstimatedShare),
    num(p.priorityMeanMinutes),
    `${num(p.ordinaryMeanMinutes)}/${num(p.ordinaryP90Minutes)}`,
    num(p.longestOrdinaryMinutes),
  ];
  const rows = [head, ...figures.hours.map(row), row(figures.day)];
  const widths = head.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padStart(widths[c]!)).join(" | ")} |`;
  return [
    line(rows[0]!),
    `|${widths.map((w) => "-".repeat(w + 1) + ":").join("|")}|`,
    ...rows.slice(1).map(line),
  ].join("\n");
}
