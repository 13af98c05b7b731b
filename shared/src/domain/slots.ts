import { localTime, serviceDay, toMinutes, type OpeningHours } from "./service-day.js";
import { addDays, weekdayOf, zonedInstant } from "./zoned-time.js";

/** How a centre takes appointments for one service. */
export interface SlotRules {
  timeZone: string;
  openingHours: OpeningHours;
  /** Dates (YYYY-MM-DD, local) the centre is closed: public holidays and its own. */
  closedDates: ReadonlySet<string>;
  slotMinutes: number;
  /** How many days ahead a booking may be made, counting today as day 0. */
  bookingWindowDays: number;
  /** A slot must start at least this long after the moment of booking. */
  leadMinutes: number;
}

export interface Slot {
  start: Date;
  end: Date;
}

export type DayVerdict = "open" | "closed" | "past" | "beyond_window";

export function dayVerdict(date: string, now: Date, rules: SlotRules): DayVerdict {
  const today = serviceDay(now, rules.timeZone);
  if (date < today) return "past";
  if (date > addDays(today, rules.bookingWindowDays)) return "beyond_window";
  if (rules.closedDates.has(date) || rules.openingHours[weekdayOf(date)].length === 0) return "closed";
  return "open";
}

/**
 * The bookable slots of a local date: each opening period cut into whole slots (a slot never runs
 * into a break or past closing), minus those starting before now + lead time.
 */
export function slotsOf(date: string, now: Date, rules: SlotRules): Slot[] {
  if (dayVerdict(date, now, rules) !== "open") return [];
  const earliest = now.getTime() + rules.leadMinutes * 60_000;
  const slots: Slot[] = [];
  for (const period of rules.openingHours[weekdayOf(date)]) {
    const close = toMinutes(period.close);
    for (let m = toMinutes(period.open); m + rules.slotMinutes <= close; m += rules.slotMinutes) {
      const start = zonedInstant(date, m, rules.timeZone);
      if (start.getTime() < earliest) continue;
      slots.push({ start, end: new Date(start.getTime() + rules.slotMinutes * 60_000) });
    }
  }
  return slots;
}

/** Whether `start` is exactly one of the day's bookable slot starts. */
export function isBookableStart(start: Date, now: Date, rules: SlotRules): Slot | null {
  const date = serviceDay(start, rules.timeZone);
  return slotsOf(date, now, rules).find((s) => s.start.getTime() === start.getTime()) ?? null;
}

/**
 * How many appointments a service's slots take: its own figure (the centre's override, else the
 * catalogue's), replaced hour by hour where the centre set one, so a busy hour may take fewer.
 */
export interface SlotCapacity {
  perSlot: number;
  /** Local hour of the slot's start (0–23) → its capacity, where the centre set one. */
  byHour: ReadonlyMap<number, number>;
}

/** The capacity of the slot starting at `start`: its local hour's, else the service's. */
export function slotCapacityAt(start: Date, timeZone: string, capacity: SlotCapacity): number {
  const hour = Math.floor(localTime(start, timeZone).minutes / 60);
  return capacity.byHour.get(hour) ?? capacity.perSlot;
}

/** Whether any slot can take an appointment: the service's figure or one of its hours above 0. */
export function takesAppointments(capacity: SlotCapacity): boolean {
  return capacity.perSlot > 0 || [...capacity.byHour.values()].some((c) => c > 0);
}

export interface CheckInWindow {
  beforeMinutes: number;
  afterMinutes: number;
}

export type CheckInVerdict = "early" | "open" | "late";

/** Check-in is open from `beforeMinutes` before the slot start to `afterMinutes` after it. */
export function checkInVerdict(slotStart: Date, now: Date, window: CheckInWindow): CheckInVerdict {
  const t = now.getTime();
  if (t < slotStart.getTime() - window.beforeMinutes * 60_000) return "early";
  if (t > slotStart.getTime() + window.afterMinutes * 60_000) return "late";
  return "open";
}
