import type { Priority } from "../../api/tickets.js";
import { DEFAULT_POLICY_WEIGHTS, type PolicyWeights } from "../queue-policy.js";

/**
 * What a simulated centre day is made of: the centre (services, counters and their shifts), its
 * visitors (demand by hour, service mix, priority groups, appointments) and how people behave (how
 * long visits take, who is absent when called, who gives up). Times of day are minutes after local
 * midnight.
 */
export interface DayServiceSpec {
  serviceId: string;
  /** The configured average handling time, which is also the true mean of the day's visits. */
  handlingMinutes: number;
  /** The true spread of ln(seconds) of its visits (0.5: a coefficient of variation of about 0.53). */
  handlingSigma: number;
  /** Its share of walk-ins (the shares add up to 1). */
  walkInShare: number;
  /** Appointment slots, when the service takes bookings: length, seats, share of seats booked. */
  appointments: { slotMinutes: number; capacity: number; bookedShare: number } | null;
}

export interface DayBreakSpec {
  reason: "lunch" | "short";
  /** Planned start, minutes after midnight; the day's start wanders by `jitter.breakMinutes`. */
  at: number;
  minutes: number;
}

export interface DayCounterSpec {
  id: string;
  serviceIds: string[];
  /** The shift, minutes after midnight; opening wanders later by up to `jitter.openingMinutes`. */
  opens: number;
  closes: number;
  breaks: DayBreakSpec[];
}

export type PriorityGroup = Exclude<Priority, "none">;

export interface DayModelConfig {
  timeZone: string;
  /** The centre's hours, minutes after midnight. */
  opens: number;
  closes: number;
  lastTicketMinutesBeforeClosing: number;
  /** Relative walk-in rate per hour from opening (any scale; the level comes from `utilisation`). */
  demandByHour: number[];
  /** Work offered (walk-ins and appointments) ÷ staffed counter time, over the day. */
  utilisation: number;
  /** Share of walk-ins in each priority group; the rest are ordinary. */
  priorityShares: Record<PriorityGroup, number>;
  /** A called visitor who does not come: how often, and how long the counter waits (seconds). */
  absentWhenCalled: { share: number; holdSeconds: [number, number] };
  /** Walk-ins who give up: their share and their patience (minutes, uniform). */
  abandonment: { share: number; patienceMinutes: [number, number] };
  /** Booked visitors: how many never come, when the others check in (minutes from slot start). */
  appointmentTurnout: { noShowShare: number; offsetMeanMinutes: number; offsetSdMinutes: number };
  /** Check-in is open from `before` minutes before the slot start to `after` minutes after it. */
  checkInWindow: { beforeMinutes: number; afterMinutes: number };
  /** How far a day wanders from the plan: counters open late by up to this, breaks move ±this. */
  jitter: { openingMinutes: number; breakMinutes: number };
  /** Seconds from a counter's release to its next call. */
  turnaroundSeconds: number;
  weights: PolicyWeights;
  services: DayServiceSpec[];
  counters: DayCounterSpec[];
}

const h = (hours: number, minutes = 0) => hours * 60 + minutes;

const service = (
  serviceId: string,
  handlingMinutes: number,
  walkInShare: number,
  booked: boolean,
): DayServiceSpec => ({
  serviceId,
  handlingMinutes,
  handlingSigma: 0.5,
  walkInShare,
  appointments: booked ? { slotMinutes: 20, capacity: 2, bookedShare: 0.2 } : null,
});

/** A counter open all day, with a staggered lunch and a short break for every other one. */
function fullDay(id: string, serviceIds: string[], n: number): DayCounterSpec {
  const breaks: DayBreakSpec[] = [{ reason: "lunch", at: h(12) + (n % 6) * 25, minutes: 45 }];
  if (n % 2 === 0) breaks.push({ reason: "short", at: h(15, 30) + (n % 4) * 15, minutes: 15 });
  return { id, serviceIds, opens: h(9), closes: h(18), breaks };
}

/** A counter for the busy middle of the day. */
function peak(id: string, serviceIds: string[]): DayCounterSpec {
  return {
    id,
    serviceIds,
    opens: h(10),
    closes: h(15),
    breaks: [{ reason: "short", at: h(12, 30), minutes: 15 }],
  };
}

// Work profiles sized to each group's share of the day's work (walk-ins and appointments), so no
// group of counters runs far above the centre's utilisation; they overlap on the quick services.
const PENSIONS = ["PEN-AGE", "PEN-SURV", "DOC-CERT"];
const DISABILITY = ["DIS-ASSESS", "DIS-AIDS", "FAM-MARTYR"];
const ASSISTANCE = ["TSA", "BEN-BIRTH", "FAM-MARTYR", "INS-STATEMENT"];
const EMPLOYMENT = ["EMP-REG", "EMP-INS", "EMP-JOBS", "EMP-SELF", "EMP-PUBLIC"];
const QUICK = ["INS-STATEMENT", "DOC-CERT", "BEN-BIRTH", "EMP-PUBLIC"];
const GENERAL = ["DOC-CERT", "INS-STATEMENT", "PEN-AGE", "TSA", "DIS-AIDS"];

/**
 * A DOST-like centre of 20 counters (the size of BAKU-2), open 09:00–18:00 with its 14 services
 * (the catalogue's handling times), a morning peak, 12% priority visitors, appointments on the
 * services that take them, and counters grouped into work profiles that overlap, as in the centres.
 */
export const DOST_LIKE_DAY: DayModelConfig = {
  timeZone: "Asia/Baku",
  opens: h(9),
  closes: h(18),
  lastTicketMinutesBeforeClosing: 30,
  demandByHour: [0.85, 1.25, 1.3, 1.0, 0.9, 1.0, 0.95, 0.8, 0.5],
  utilisation: 0.85,
  priorityShares: { disability: 0.035, veteran: 0.02, martyr_family: 0.015, elderly: 0.04, pregnant: 0.01 },
  absentWhenCalled: { share: 0.05, holdSeconds: [90, 180] },
  abandonment: { share: 0.15, patienceMinutes: [40, 120] },
  appointmentTurnout: { noShowShare: 0.15, offsetMeanMinutes: -8, offsetSdMinutes: 7 },
  checkInWindow: { beforeMinutes: 30, afterMinutes: 15 },
  jitter: { openingMinutes: 6, breakMinutes: 10 },
  turnaroundSeconds: 15,
  weights: DEFAULT_POLICY_WEIGHTS,
  services: [
    service("PEN-AGE", 12, 0.12, true),
    service("PEN-SURV", 15, 0.05, true),
    service("DIS-ASSESS", 20, 0.05, true),
    service("DIS-AIDS", 10, 0.04, false),
    service("TSA", 15, 0.11, true),
    service("BEN-BIRTH", 8, 0.05, false),
    service("EMP-REG", 10, 0.09, false),
    service("EMP-INS", 10, 0.06, true),
    service("EMP-JOBS", 15, 0.05, true),
    service("EMP-SELF", 20, 0.03, true),
    service("EMP-PUBLIC", 8, 0.04, false),
    service("INS-STATEMENT", 5, 0.11, false),
    service("DOC-CERT", 5, 0.16, false),
    service("FAM-MARTYR", 20, 0.04, true),
  ],
  counters: [
    ...[1, 2, 3].map((n) => fullDay(`C${n}`, PENSIONS, n)),
    peak("C4", PENSIONS),
    ...[5, 6, 7].map((n) => fullDay(`C${n}`, DISABILITY, n)),
    ...[8, 9].map((n) => fullDay(`C${n}`, ASSISTANCE, n)),
    peak("C10", ASSISTANCE),
    ...[11, 12, 13, 14, 15].map((n) => fullDay(`C${n}`, EMPLOYMENT, n)),
    ...[16, 17].map((n) => fullDay(`C${n}`, QUICK, n)),
    fullDay("C18", ["FAM-MARTYR", "DIS-ASSESS", "PEN-SURV"], 18),
    fullDay("C19", GENERAL, 19),
    peak("C20", ["EMP-REG", "EMP-PUBLIC", "DOC-CERT", "INS-STATEMENT"]),
  ],
};
