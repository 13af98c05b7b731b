import {
  addDays,
  DEFAULT_APPOINTMENT_ARRIVAL,
  fitHandlingTime,
  learnCounterHabits,
  localTime,
  serviceDay,
  weekdayOf,
  WEEKDAYS,
  type AppointmentArrival,
  type CounterHabits,
  type HandlingTimeModel,
  type Priority,
} from "@dost/shared";
import type { Executor } from "../../db/client.js";
import { estimatorRepository } from "./estimator.repository.js";

/**
 * What the estimator learns from a centre's history: per-service handling times (call → release of
 * the last eight weeks' visits, today's included, fitted towards the configured handling time while
 * they are few), priority walk-ins per hour on the same weekday, and how booked visitors turn up.
 */
export interface CentreWaitKnowledge {
  handling: Map<string, HandlingTimeModel>;
  /** Local hour → service → priority walk-ins per hour. */
  priorityRates: Map<number, Map<string, Partial<Record<Priority, number>>>>;
  appointmentArrival: AppointmentArrival;
  /** The counters' usual day on this weekday (openings, breaks, closings): learned once a day. */
  counterHabits: CounterHabits;
  /** The service day it was learned for: a new day learns again (its weekday's rates differ). */
  day: string;
}

const HISTORY_DAYS = 56;

/**
 * History changes slowly, so it is read at most this often per centre (in the server's clock, which
 * a simulated day runs fast, so today's own visits count as they accumulate at any speed).
 */
export const WAIT_KNOWLEDGE_TTL_MS = 10 * 60_000;

export async function learnWaitKnowledge(
  ex: Executor,
  centre: { id: string; timezone: string },
  now: Date,
  /** The counters' habits already learned today: past days do not change within the day. */
  counterHabits?: CounterHabits,
): Promise<CentreWaitKnowledge> {
  const day = serviceDay(now, centre.timezone);
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const sameWeekday = {
    centreId: centre.id,
    timezone: centre.timezone,
    since: addDays(day, -HISTORY_DAYS),
    before: day,
    isoWeekday: WEEKDAYS.indexOf(weekdayOf(day)) + 1,
  };
  const [handling, rates, habits, counterHabitsLearned] = await Promise.all([
    estimatorRepository.handlingStats(ex, centre.id, since),
    estimatorRepository.priorityRates(ex, sameWeekday),
    estimatorRepository.appointmentHabits(ex, centre.id, since),
    counterHabits ?? estimatorRepository.counterVisits(ex, sameWeekday).then(learnCounterHabits),
  ]);
  const priorityRates: CentreWaitKnowledge["priorityRates"] = new Map();
  for (const r of rates) {
    let byService = priorityRates.get(r.hour);
    if (!byService) priorityRates.set(r.hour, (byService = new Map()));
    const groups = byService.get(r.serviceId) ?? {};
    groups[r.priority] = (groups[r.priority] ?? 0) + r.perDay;
    byService.set(r.serviceId, groups);
  }
  // Below a few dozen bookings the spread of check-in times says little: keep the usual one.
  const learned =
    habits.booked >= 30 && habits.earliestMinutes !== null && habits.latestMinutes !== null
      ? {
          showRate: habits.kept / habits.booked,
          earliestMinutes: habits.earliestMinutes,
          latestMinutes: habits.latestMinutes,
        }
      : DEFAULT_APPOINTMENT_ARRIVAL;
  return {
    handling: new Map(
      handling.map((h) => [h.serviceId, fitHandlingTime(h.count > 0 ? h : null, h.handlingMinutes || 10)]),
    ),
    priorityRates,
    appointmentArrival: learned,
    counterHabits: counterHabitsLearned,
    day,
  };
}

/**
 * Per centre, the knowledge last learned, read again once older than the TTL or on a new service
 * day. Loads go through the executor the caller holds (a transaction's, inside one), never a root
 * handle; concurrent misses for one centre share a single load.
 */
export function createWaitKnowledgeCache(ttlMs = WAIT_KNOWLEDGE_TTL_MS) {
  const entries = new Map<string, { at: number; knowledge: Promise<CentreWaitKnowledge> }>();
  return {
    get(ex: Executor, centre: { id: string; timezone: string }, now: Date): Promise<CentreWaitKnowledge> {
      const hit = entries.get(centre.id);
      const age = hit ? Math.abs(now.getTime() - hit.at) : Infinity;
      if (hit && age < ttlMs) {
        return hit.knowledge.then((k) =>
          k.day === serviceDay(now, centre.timezone) ? k : this.refresh(ex, centre, now),
        );
      }
      return this.refresh(ex, centre, now);
    },
    refresh(ex: Executor, centre: { id: string; timezone: string }, now: Date): Promise<CentreWaitKnowledge> {
      // The counters' habits come from past days only: within the same day they are kept.
      const day = serviceDay(now, centre.timezone);
      const prior = entries.get(centre.id)?.knowledge.catch(() => null) ?? Promise.resolve(null);
      const knowledge = prior.then((p) =>
        learnWaitKnowledge(ex, centre, now, p?.day === day ? p.counterHabits : undefined),
      );
      entries.set(centre.id, { at: now.getTime(), knowledge });
      // A failed read must not stick: the next estimate tries again.
      knowledge.catch(() => {
        if (entries.get(centre.id)?.knowledge === knowledge) entries.delete(centre.id);
      });
      return knowledge;
    },
  };
}

export type WaitKnowledgeCache = ReturnType<typeof createWaitKnowledgeCache>;

/** The local hour of `now` at the centre, for the priority arrival rates. */
export const localHour = (now: Date, timezone: string): number =>
  Math.floor(localTime(now, timezone).minutes / 60);
