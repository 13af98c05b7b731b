import { serviceDay, type Centre } from "@dost/shared";
import { useState } from "react";
import { reportCsvUrl } from "../../api/console-api.js";
import { serverNow } from "../../api/server-clock.js";
import { FailureAlert } from "../../desk/FailureAlert.js";
import { useI18n } from "../../i18n/i18n.js";
import { COUNTRY_TIMEZONE, formatDay } from "../figures.js";
import { presetRange, rangeProblem } from "./date-range.js";
import { ReportCharts } from "./ReportCharts.js";
import { ReportForm, type ReportChoice } from "./ReportForm.js";
import { GROUP_LABELS, ReportTable } from "./ReportTable.js";
import { useReport } from "./useReport.js";

/**
 * Reports over a period: a manager's own centre, or for an admin any centre or all of them. The
 * table, the charts and the CSV link always describe the same choice.
 */
export function ReportsScreen({
  centreId,
  centre,
  centres,
}: {
  /** The centre the form starts with; null (an admin who chose none) starts with all centres. */
  centreId: string | null;
  /** The manager's centre, or the one the admin works in (the first choice offered). */
  centre: Centre | null;
  /** The admin's list to choose from; null for a manager. */
  centres: Centre[] | null;
}) {
  const { t, local, language } = useI18n();
  const [choice, setChoice] = useState<ReportChoice>(() => {
    const today = serviceDay(new Date(serverNow()), centre?.timezone ?? COUNTRY_TIMEZONE);
    return { centreId, groupBy: "day", ...presetRange("last7", today) };
  });
  const chosen = choice.centreId === null ? null : (centres?.find((c) => c.id === choice.centreId) ?? centre);
  const today = serviceDay(new Date(serverNow()), chosen?.timezone ?? COUNTRY_TIMEZONE);
  const request = rangeProblem(choice) === null ? choice : null;
  const { set, failure, loading } = useReport(request, language);

  // The caption names what the figures on screen are, which while loading is the previous choice.
  const shown = set?.main;
  const shownCentre = shown?.centreId
    ? ([centre, ...(centres ?? [])].find((c) => c?.id === shown.centreId) ?? null)
    : null;
  const caption = shown
    ? t.report.caption({
        // A centre not yet in the list (still loading) is named by nothing rather than as "all".
        where: shown.centreId === null ? t.report.allCentres : shownCentre ? local(shownCentre.name) : "…",
        from: formatDay(shown.from, language),
        to: formatDay(shown.to, language),
        group: GROUP_LABELS[shown.groupBy](t).toLocaleLowerCase(language),
      })
    : "";

  return (
    <>
      <h1>{t.report.title}</h1>
      <ReportForm
        choice={choice}
        onChange={setChoice}
        today={today}
        centres={centres}
        csvUrl={request ? reportCsvUrl(request, language) : null}
      />
      {/* Says aloud what the figures now show; seen only while they load, the table's caption shows it. */}
      <p className={loading ? "muted small" : "visually-hidden"} role="status">
        {loading ? t.app.loading : caption}
      </p>
      <FailureAlert failure={failure} />
      {set && (
        <div className="report-body" aria-busy={loading}>
          <section className="panel" aria-labelledby="report-figures">
            <h2 id="report-figures">{t.report.figures}</h2>
            <ReportTable report={set.main} caption={caption} />
          </section>
          <section className="panel" aria-labelledby="report-charts">
            <h2 id="report-charts">{t.report.charts}</h2>
            <ReportCharts set={set} />
          </section>
        </div>
      )}
    </>
  );
}
