import { useId, type ReactNode } from "react";
import { useI18n } from "../../i18n/i18n.js";

export interface ChartTable {
  /** The first column names the row (an hour, a day, a wait bin); the rest are figures. */
  columns: string[];
  rows: { key: string; cells: string[] }[];
}

/**
 * A chart as a figure: a heading, one sentence that says what it shows (for a glance and for a
 * screen reader), the drawing, and the same numbers as a table behind a disclosure, so nothing is
 * only in the picture.
 */
export function ChartFigure({
  title,
  summary,
  table,
  children,
}: {
  title: string;
  summary: string;
  table: ChartTable;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
      <figcaption>
        <h3 id={`${id}-title`}>{title}</h3>
        <p id={`${id}-summary`} className="muted small">
          {summary}
        </p>
      </figcaption>
      {table.rows.length > 0 ? (
        <div className="chart-box">{children}</div>
      ) : (
        <p className="chart-empty muted">{t.chart.empty}</p>
      )}
      {table.rows.length > 0 && (
        <details className="chart-data">
          <summary>{t.chart.asTable}</summary>
          <table className="grid">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((column, i) => (
                  <th key={column} scope="col" className={i > 0 ? "num" : undefined}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i} className="num">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
