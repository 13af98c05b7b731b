import type { LiveStats } from "@dost/shared";
import { useI18n } from "../../i18n/i18n.js";
import { formatCount, formatMinutes, formatPercent, priorityLabel } from "../figures.js";
import { ScrollRegion } from "../ScrollRegion.js";

/** How the waits quoted to today's called visitors came true: the estimate's accuracy, in the open. */
export function AccuracyPanel({ accuracy }: { accuracy: LiveStats["accuracyToday"] }) {
  const { t, language } = useI18n();
  return (
    <section className="panel" aria-labelledby="live-accuracy">
      <h2 id="live-accuracy">{t.live.accuracy.title}</h2>
      {accuracy.quotedCount === 0 ? (
        <p className="muted small">{t.live.accuracy.none}</p>
      ) : (
        <>
          <dl className="figures" data-testid="accuracy">
            <div>
              <dt>{t.live.accuracy.insideBand}</dt>
              <dd data-figure="insideBand">{formatPercent(accuracy.insideBandPercent, language)}</dd>
            </div>
            <div>
              <dt>{t.live.accuracy.medianError}</dt>
              <dd data-figure="medianError">
                {formatMinutes(accuracy.medianAbsoluteErrorMinutes, t, language)}
              </dd>
            </div>
            <div>
              <dt>{t.live.accuracy.under}</dt>
              <dd data-figure="under">{formatPercent(accuracy.underEstimatedPercent, language)}</dd>
            </div>
          </dl>
          <p className="muted small">
            {t.live.accuracy.count({ count: formatCount(accuracy.quotedCount, language) })}
          </p>
        </>
      )}
    </section>
  );
}

/** Each priority group's waits today beside ordinary visitors', and how long the unluckiest waited. */
export function FairnessPanel({ fairness }: { fairness: LiveStats["fairnessToday"] }) {
  const { t, language } = useI18n();
  const rows = [...(fairness.ordinary ? [fairness.ordinary] : []), ...fairness.groups];
  const ratio = (value: number | null) =>
    value === null ? formatPercent(null, language) : formatPercent(value * 100, language);
  return (
    <section className="panel" aria-labelledby="live-fairness">
      <h2 id="live-fairness">{t.fairness.title}</h2>
      {rows.length === 0 ? (
        <p className="muted small">{t.fairness.none}</p>
      ) : (
        <>
          <ScrollRegion label={t.fairness.title}>
            <table className="grid">
              <caption className="visually-hidden">{t.fairness.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.fairness.group}</th>
                  <th scope="col" className="num">
                    {t.fairness.count}
                  </th>
                  <th scope="col" className="num">
                    {t.fairness.mean}
                  </th>
                  <th scope="col" className="num">
                    {t.fairness.p90}
                  </th>
                  <th scope="col" className="num">
                    {t.fairness.ofOrdinary}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((g) => (
                  <tr key={g.priority} data-group={g.priority}>
                    <th scope="row">{priorityLabel(g.priority, t)}</th>
                    <td className="num">{formatCount(g.count, language)}</td>
                    <td className="num">{formatMinutes(g.meanWaitMinutes, t, language)}</td>
                    <td className="num">{formatMinutes(g.p90WaitMinutes, t, language)}</td>
                    <td className="num">{ratio(g.ofOrdinaryMean)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {fairness.ordinary && (
            <p className="small" data-testid="longest-ordinary">
              {t.fairness.longest({
                wait: formatMinutes(fairness.ordinary.longestWaitMinutes, t, language),
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
