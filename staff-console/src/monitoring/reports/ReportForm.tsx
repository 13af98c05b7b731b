import { REPORT_GROUPS, type Centre, type ReportGroup } from "@dost/shared";
import { useId } from "react";
import { useI18n, type Label } from "../../i18n/i18n.js";
import { GROUP_LABELS } from "./ReportTable.js";
import {
  RANGE_PRESETS,
  presetOf,
  presetRange,
  rangeProblem,
  type DayRange,
  type RangePreset,
} from "./date-range.js";

export interface ReportChoice extends DayRange {
  /** null: every centre (admin only). */
  centreId: string | null;
  groupBy: ReportGroup;
}

const PRESET_LABELS = {
  today: (t) => t.report.preset.today,
  last7: (t) => t.report.preset.last7,
  thisMonth: (t) => t.report.preset.thisMonth,
  lastMonth: (t) => t.report.preset.lastMonth,
} satisfies Record<RangePreset, Label>;

/**
 * What the report covers. Every change asks the server again, so there is no "apply" to forget;
 * a date still being typed or a reversed period asks nothing and says why.
 */
export function ReportForm({
  choice,
  onChange,
  today,
  centres,
  csvUrl,
}: {
  choice: ReportChoice;
  onChange(next: ReportChoice): void;
  /** The service day today, in the centre's timezone. */
  today: string;
  /** Only an admin chooses among centres, and may choose all of them. */
  centres: Centre[] | null;
  /** The CSV of exactly these figures; null while the period is not valid. */
  csvUrl: string | null;
}) {
  const { t, local } = useI18n();
  const id = useId();
  const problem = rangeProblem(choice);
  const preset = presetOf(choice, today);

  return (
    <form className="report-form panel" onSubmit={(e) => e.preventDefault()} aria-label={t.report.form}>
      {centres && (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-centre`}>
            {t.shell.centre}
          </label>
          <select
            id={`${id}-centre`}
            value={choice.centreId ?? ""}
            onChange={(e) => onChange({ ...choice, centreId: e.target.value || null })}
          >
            <option value="">{t.report.allCentres}</option>
            {centres.map((c) => (
              <option key={c.id} value={c.id}>
                {local(c.name)}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="period">
        <legend className="field-label">{t.report.period}</legend>
        <div className="row">
          <div className="field">
            <label className="small" htmlFor={`${id}-from`}>
              {t.report.from}
            </label>
            <input
              id={`${id}-from`}
              type="date"
              value={choice.from}
              max={today}
              onChange={(e) => onChange({ ...choice, from: e.target.value })}
              aria-invalid={problem === "reversed" || undefined}
              aria-describedby={problem === "reversed" ? "report-range-problem" : undefined}
            />
          </div>
          <div className="field">
            <label className="small" htmlFor={`${id}-to`}>
              {t.report.to}
            </label>
            <input
              id={`${id}-to`}
              type="date"
              value={choice.to}
              max={today}
              onChange={(e) => onChange({ ...choice, to: e.target.value })}
              aria-invalid={problem === "reversed" || undefined}
              aria-describedby={problem === "reversed" ? "report-range-problem" : undefined}
            />
          </div>
          <div className="row presets" role="group" aria-label={t.report.presets}>
            {RANGE_PRESETS.map((p) => (
              <button
                key={p}
                type="button"
                className="button small"
                aria-pressed={p === preset}
                onClick={() => onChange({ ...choice, ...presetRange(p, today) })}
              >
                {PRESET_LABELS[p](t)}
              </button>
            ))}
          </div>
        </div>
        {problem === "reversed" && (
          <p id="report-range-problem" className="alert" role="alert">
            {t.report.reversed}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-group`}>
          {t.report.groupBy}
        </label>
        <select
          id={`${id}-group`}
          value={choice.groupBy}
          onChange={(e) => onChange({ ...choice, groupBy: groupOf(e.target.value) })}
        >
          {REPORT_GROUPS.map((g) => (
            <option key={g} value={g}>
              {GROUP_LABELS[g](t)}
            </option>
          ))}
        </select>
      </div>
      <div className="field download">
        {csvUrl ? (
          <a className="button" href={csvUrl} download>
            {t.report.csv}
          </a>
        ) : (
          <span className="muted small">{t.report.csvNeedsPeriod}</span>
        )}
      </div>
    </form>
  );
}

const groupOf = (value: string): ReportGroup => REPORT_GROUPS.find((g) => g === value) ?? "day";
