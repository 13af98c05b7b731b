import { FailureAlert } from "../../desk/FailureAlert.js";
import { useI18n } from "../../i18n/i18n.js";
import { COUNTRY_TIMEZONE, formatTimeOfDay } from "../figures.js";
import { NationalTable } from "./NationalTable.js";
import { useNationalStats } from "./useNationalStats.js";

/** The ministry's view (admin): every centre today, refreshed every few seconds. */
export function NationalView() {
  const { t, language } = useI18n();
  const { stats, failure } = useNationalStats();
  return (
    <>
      <h1>{t.national.title}</h1>
      <FailureAlert failure={failure} />
      {stats ? (
        <section className="panel" aria-labelledby="national-heading">
          <h2 id="national-heading">
            {t.national.table}{" "}
            <span className="count">
              {t.live.updated({ time: formatTimeOfDay(stats.generatedAt, language, COUNTRY_TIMEZONE) })}
            </span>
          </h2>
          <NationalTable centres={stats.centres} />
        </section>
      ) : (
        <p aria-busy="true">{t.app.loading}</p>
      )}
    </>
  );
}
