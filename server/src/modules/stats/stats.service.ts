import {
  satisfactionPercent,
  serviceDay,
  waitQuantileSeconds,
  type LiveStats,
  type NationalStats,
  type Report,
  type ReportFigures,
  type ReportQuery,
  type WaitAccuracyFigures,
} from "@dost/shared";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { notFound } from "../../lib/errors.js";
import type { CentreDirectory, CentreRecord } from "../catalog/index.js";
import type { CatalogService } from "../catalog/index.js";
import type { CounterService } from "../counters/index.js";
import type { QueueService } from "../queue/index.js";
import { accuracyFigures, fairnessFigures, withAccuracy } from "./fairness.js";
import { fairnessRepository } from "./stats-fairness.repository.js";
import { statsRepository as repo, type FigureSums } from "./stats.repository.js";

const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
const average = (sum: number, count: number): number | null => (count > 0 ? Math.round(sum / count) : null);

export function toFigures(s: FigureSums): Omit<ReportFigures, keyof WaitAccuracyFigures> {
  return {
    issued: s.issued,
    called: s.called,
    served: s.served,
    noShows: s.noShows,
    cancelled: s.cancelled,
    expired: s.expired,
    averageWaitSeconds: average(s.waitSeconds, s.waitCount),
    medianWaitSeconds: waitQuantileSeconds(s.bins, 0.5),
    p90WaitSeconds: waitQuantileSeconds(s.bins, 0.9),
    averageServiceSeconds: average(s.serviceSeconds, s.serviceCount),
    slaPercent: ratio(s.withinTarget, s.waitCount),
    appointmentsKept: s.appointmentsKept,
    appointmentsMissed: s.appointmentsMissed,
    waitBins: s.bins,
    satisfactionPercent: satisfactionPercent(s.feedbackSatisfied, s.feedbackCount),
    feedbackCount: s.feedbackCount,
  };
}

const EMPTY: FigureSums = {
  issued: 0,
  called: 0,
  served: 0,
  noShows: 0,
  cancelled: 0,
  expired: 0,
  waitCount: 0,
  waitSeconds: 0,
  withinTarget: 0,
  serviceCount: 0,
  serviceSeconds: 0,
  appointmentsKept: 0,
  appointmentsMissed: 0,
  bins: new Array<number>(11).fill(0),
  feedbackCount: 0,
  feedbackSatisfied: 0,
};

/** Adds the scores to the figures of the same key; a key with scores but no other figures gets a row. */
function withFeedback(
  groups: (FigureSums & { key: string })[],
  scores: { key: string; count: number; satisfied: number }[],
): (FigureSums & { key: string })[] {
  const byKey = new Map(groups.map((g) => [g.key, { ...g }]));
  for (const s of scores) {
    const group = byKey.get(s.key) ?? { ...EMPTY, key: s.key };
    byKey.set(s.key, { ...group, feedbackCount: s.count, feedbackSatisfied: s.satisfied });
  }
  return [...byKey.values()];
}

export function createStatsService({
  db,
  clock,
  centres,
  catalog,
  counters,
  queue,
}: {
  db: Db;
  clock: Clock;
  centres: Pick<CentreDirectory, "find" | "all">;
  catalog: Pick<CatalogService, "servicesOfCentre">;
  counters: Pick<CounterService, "withState">;
  queue: Pick<QueueService, "state">;
}) {
  async function centreOrThrow(ref: string): Promise<CentreRecord> {
    const centre = await centres.find(db, ref);
    if (!centre) throw notFound("Centre");
    return centre;
  }

  return {
    /** A centre right now: its queues against their targets, its counters, today by the hour. */
    async live(centreId: string): Promise<LiveStats> {
      const centre = await centreOrThrow(centreId);
      const now = clock.now();
      const day = serviceDay(now, centre.timezone);
      const [state, services, today, scores, hours, counterRows, counterDay, called] = await Promise.all([
        queue.state(db, centre),
        catalog.servicesOfCentre(db, centre.id),
        repo.todayByCentreAndService(db, [{ centreId: centre.id, day }]),
        repo.feedbackToday(db, [{ centreId: centre.id, day }]),
        repo.todayByHour(db, centre.id, day),
        counters.withState(centre.id),
        repo.countersToday(db, centre.id, day),
        fairnessRepository.calledOnDay(db, centre.id, day),
      ]);
      const todayOf = new Map(today.map((t) => [t.serviceId, t]));
      const scoresOf = new Map(scores.map((f) => [f.serviceId, f]));
      const queueOf = new Map(state.services().map((q) => [q.serviceId, q]));
      const counterOf = new Map(counterDay.map((c) => [c.counterId, c]));
      return {
        centreId: centre.id,
        generatedAt: now.toISOString(),
        services: services.map((s) => {
          const q = queueOf.get(s.id);
          const t = todayOf.get(s.id);
          const longest = q?.longestWaitSeconds ?? 0;
          return {
            serviceId: s.id,
            waiting: q?.waiting ?? 0,
            longestWaitSeconds: longest,
            averageWaitSecondsToday: t ? average(t.waitSeconds, t.waitCount) : null,
            servedToday: t?.served ?? 0,
            slaPercentToday: t ? ratio(t.withinTarget, t.waitCount) : null,
            targetWaitMinutes: s.targetWaitMinutes,
            overTarget: longest > s.targetWaitMinutes * 60,
            satisfactionPercentToday: satisfactionPercent(
              scoresOf.get(s.id)?.satisfied ?? 0,
              scoresOf.get(s.id)?.count ?? 0,
            ),
            feedbackCountToday: scoresOf.get(s.id)?.count ?? 0,
          };
        }),
        counters: counterRows.map(({ counter, user, ticket }) => {
          const day = counterOf.get(counter.id);
          const idleSince = [
            day?.lastFinishedAt ? Date.parse(day.lastFinishedAt) : 0,
            counter.statusSince?.getTime() ?? 0,
          ];
          return {
            id: counter.id,
            label: counter.label,
            zone: counter.zone,
            status: counter.status,
            breakReason: counter.breakReason,
            user,
            currentTicket: ticket
              ? {
                  id: ticket.id,
                  code: ticket.code,
                  status: ticket.status,
                  since: (ticket.startedAt ?? ticket.calledAt ?? now).toISOString(),
                }
              : null,
            servedToday: day?.served ?? 0,
            idleSeconds:
              counter.status === "open" && !ticket
                ? Math.max(0, Math.round((now.getTime() - Math.max(...idleSince)) / 1000))
                : null,
          };
        }),
        hours: hours.map((h) => ({
          hour: h.hour,
          issued: h.issued,
          served: h.served,
          averageWaitSeconds: average(h.waitSeconds, h.waitCount),
        })),
        accuracyToday: accuracyFigures(called),
        fairnessToday: fairnessFigures(called),
      };
    },

    /** Every centre side by side, for the ministry. */
    async national(): Promise<NationalStats> {
      const now = clock.now();
      const all = await centres.all(db);
      const days = all.map((c) => ({ centreId: c.id, day: serviceDay(now, c.timezone) }));
      const [today, scores] = await Promise.all([
        repo.todayByCentreAndService(db, days),
        repo.feedbackToday(db, days),
      ]);
      const rows = await Promise.all(
        all.map(async (centre) => {
          const [state, services, counterRows] = await Promise.all([
            queue.state(db, centre),
            catalog.servicesOfCentre(db, centre.id),
            counters.withState(centre.id),
          ]);
          const target = new Map(services.map((s) => [s.id, s.targetWaitMinutes * 60]));
          const figures = state.services();
          const mine = today.filter((t) => t.centreId === centre.id);
          const myScores = scores.filter((f) => f.centreId === centre.id);
          const scored = myScores.reduce((a, f) => a + f.count, 0);
          const sum = (f: (t: (typeof mine)[number]) => number) => mine.reduce((a, t) => a + f(t), 0);
          return {
            centreId: centre.id,
            code: centre.code,
            name: centre.name,
            waiting: figures.reduce((a, f) => a + f.waiting, 0),
            longestWaitSeconds: Math.max(0, ...figures.map((f) => f.longestWaitSeconds)),
            averageWaitSecondsToday: average(
              sum((t) => t.waitSeconds),
              sum((t) => t.waitCount),
            ),
            servedToday: sum((t) => t.served),
            slaPercentToday: ratio(
              sum((t) => t.withinTarget),
              sum((t) => t.waitCount),
            ),
            openCounters: counterRows.filter((c) => c.counter.status === "open").length,
            servicesOverTarget: figures.filter(
              (f) => f.longestWaitSeconds > (target.get(f.serviceId) ?? Infinity),
            ).length,
            satisfactionPercentToday: satisfactionPercent(
              myScores.reduce((a, f) => a + f.satisfied, 0),
              scored,
            ),
            feedbackCountToday: scored,
          };
        }),
      );
      return { generatedAt: now.toISOString(), centres: rows };
    },

    /** Figures over a date range from the aggregates; `centreId` null means every centre. */
    async report(centreId: string | null, query: ReportQuery): Promise<Report> {
      const args = { centreId, from: query.from, to: query.to };
      const { groupBy } = query;
      const grouped = withFeedback(
        groupBy === "counter" || groupBy === "staff"
          ? await repo.staffFigures(db, { ...args, groupBy })
          : groupBy === "priority"
            ? await fairnessRepository.priorityFigures(db, args)
            : await repo.serviceFigures(db, { ...args, groupBy }),
        await repo.feedbackFigures(db, { ...args, groupBy }),
      );
      const [total] = withFeedback(
        await repo.serviceFigures(db, { ...args, groupBy: "total" }),
        await repo.feedbackFigures(db, { ...args, groupBy: "total" }),
      );
      const [accuracy, [totalAccuracy]] = await Promise.all([
        fairnessRepository.accuracyFigures(db, { ...args, groupBy }),
        fairnessRepository.accuracyFigures(db, { ...args, groupBy: "total" }),
      ]);
      const accuracyOf = new Map(accuracy.map((a) => [a.key, a]));
      const labels =
        query.groupBy === "counter" || query.groupBy === "staff" || query.groupBy === "service"
          ? await repo.names(
              db,
              query.groupBy,
              grouped.map((g) => g.key).filter((k) => k !== "00000000-0000-0000-0000-000000000000"),
              query.language,
            )
          : new Map<string, string>();
      return {
        centreId,
        from: query.from,
        to: query.to,
        groupBy: query.groupBy,
        rows: grouped.map((g) => ({
          key: g.key,
          label: labels.get(g.key) ?? (query.groupBy === "hour" ? `${g.key.padStart(2, "0")}:00` : g.key),
          ...toFigures(g),
          ...withAccuracy(accuracyOf.get(g.key)),
        })),
        totals: { ...toFigures(total ?? EMPTY), ...withAccuracy(totalAccuracy) },
      };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
