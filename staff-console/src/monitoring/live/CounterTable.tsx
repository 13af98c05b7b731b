import type { LiveStats } from "@dost/shared";
import { BREAK_REASON_LABELS, isPresetReason } from "../../desk/break-reasons.js";
import { zoneLabel } from "../../desk/zones.js";
import { useI18n, type I18n } from "../../i18n/i18n.js";
import { elapsedMs, formatDuration } from "../../ui/format.js";
import { NO_FIGURE, formatCount } from "../figures.js";
import { ScrollRegion } from "../ScrollRegion.js";

type CounterFigures = LiveStats["counters"][number];

/** What a manager reads off a counter: serving covers a visitor called and on the way. */
export type CounterState = "serving" | "idle" | "break" | "closed";

export function counterState(counter: CounterFigures): CounterState {
  if (counter.status === "closed") return "closed";
  if (counter.status === "break") return "break";
  return counter.currentTicket ? "serving" : "idle";
}

const STATE_ORDER: Record<CounterState, number> = { serving: 0, idle: 1, break: 2, closed: 3 };

/** Working counters first, then those on a break; by label within each, 2 before 10. */
export function orderCounters(counters: readonly CounterFigures[]): CounterFigures[] {
  return [...counters].sort(
    (a, b) =>
      STATE_ORDER[counterState(a)] - STATE_ORDER[counterState(b)] ||
      a.label.localeCompare(b.label, undefined, { numeric: true }),
  );
}

function stateText(counter: CounterFigures, t: I18n["t"]): string {
  const state = counterState(counter);
  if (state !== "break") return t.live.counter[state];
  const reason = counter.breakReason;
  if (!reason) return t.counter.status.break;
  return t.counter.onBreak({ reason: isPresetReason(reason) ? BREAK_REASON_LABELS[reason](t) : reason });
}

/** Every counter: its state, who staffs it, whom they serve and since when, and how idle it is. */
export function CounterTable({ stats, now }: { stats: LiveStats; now: number }) {
  const { t, language } = useI18n();
  const measuredAt = Date.parse(stats.generatedAt);
  const counts = { serving: 0, idle: 0, break: 0, closed: 0 };
  for (const c of stats.counters) counts[counterState(c)] += 1;
  const ordered = orderCounters(stats.counters);
  // A closed counter has nobody and nothing to show: one line for all of them keeps the table to
  // the counters a manager watches.
  const working = ordered.filter((c) => c.status !== "closed");
  const closed = ordered.filter((c) => c.status === "closed");

  return (
    <section className="panel" aria-labelledby="live-counters">
      <h2 id="live-counters">
        {t.live.counters}{" "}
        <span className="count">
          {t.live.counterCounts({
            serving: counts.serving,
            idle: counts.idle,
            break: counts.break,
            closed: counts.closed,
          })}
        </span>
      </h2>
      <ScrollRegion label={t.live.counters}>
        <table className="grid counters-table">
          <caption className="visually-hidden">{t.live.counters}</caption>
          <thead>
            <tr>
              <th scope="col">{t.live.counterColumn}</th>
              <th scope="col">{t.live.state}</th>
              <th scope="col">{t.live.employee}</th>
              <th scope="col">{t.live.visitor}</th>
              <th scope="col" className="num">
                {t.live.visitorFor}
              </th>
              <th scope="col" className="num">
                {t.live.servedToday}
              </th>
              <th scope="col" className="num">
                {t.live.idle}
              </th>
            </tr>
          </thead>
          <tbody>
            {working.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  {t.live.noneOpen}
                </td>
              </tr>
            )}
            {working.map((counter) => {
              const state = counterState(counter);
              const visit = counter.currentTicket;
              const idleMs =
                counter.idleSeconds === null
                  ? null
                  : counter.idleSeconds * 1000 + Math.max(0, now - measuredAt);
              return (
                <tr key={counter.id} className={`counter-${state}`} data-counter={counter.label}>
                  <th scope="row">
                    <strong>{counter.label}</strong>{" "}
                    <span className="muted small">{zoneLabel(counter.zone, t)}</span>
                  </th>
                  <td>
                    <span className={`state state-${state}`}>{stateText(counter, t)}</span>
                  </td>
                  <td>{counter.user?.displayName ?? NO_FIGURE}</td>
                  <td data-testid="visitor">
                    {visit ? (
                      <>
                        <strong className="code">{visit.code}</strong>{" "}
                        <span className="muted small">{t.status[visit.status]}</span>
                      </>
                    ) : (
                      NO_FIGURE
                    )}
                  </td>
                  <td className="num timer" data-testid="visit-timer">
                    {visit ? formatDuration(elapsedMs(visit.since, now)) : NO_FIGURE}
                  </td>
                  <td className="num">{formatCount(counter.servedToday, language)}</td>
                  <td className="num timer" data-testid="idle-timer">
                    {idleMs === null ? NO_FIGURE : formatDuration(idleMs)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      {closed.length > 0 && (
        <p className="closed-counters" data-testid="closed-counters">
          <span className="muted">{t.live.closedList}</span> {closed.map((c) => c.label).join(", ")}
        </p>
      )}
    </section>
  );
}
