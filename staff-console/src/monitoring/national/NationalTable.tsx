import type { NationalStats } from "@dost/shared";
import { useState } from "react";
import { useI18n, type Label } from "../../i18n/i18n.js";
import { formatCount, formatPercent, formatSeconds } from "../figures.js";
import { centreDashboardUrl } from "../routes.js";
import { ScrollRegion } from "../ScrollRegion.js";
import { nextOrder, sortBy, type SortOrder } from "./sorting.js";

type CentreFigures = NationalStats["centres"][number];
type Column =
  | "name"
  | "waiting"
  | "longestWaitSeconds"
  | "averageWaitSecondsToday"
  | "servedToday"
  | "slaPercentToday"
  | "openCounters"
  | "servicesOverTarget";

const COLUMNS: { key: Column; label: Label }[] = [
  { key: "name", label: (t) => t.national.centre },
  { key: "waiting", label: (t) => t.live.waiting },
  { key: "longestWaitSeconds", label: (t) => t.live.longest },
  { key: "averageWaitSecondsToday", label: (t) => t.live.averageToday },
  { key: "servedToday", label: (t) => t.live.servedToday },
  { key: "slaPercentToday", label: (t) => t.live.sla },
  { key: "openCounters", label: (t) => t.national.openCounters },
  { key: "servicesOverTarget", label: (t) => t.national.servicesOverTarget },
];

/** Every centre side by side; any column sorts, and a centre's name opens its dashboard. */
export function NationalTable({ centres }: { centres: CentreFigures[] }) {
  const { t, local, language } = useI18n();
  const [order, setOrder] = useState<SortOrder<Column>>({ key: "name", direction: "ascending" });
  const rows = sortBy(
    centres,
    (c) => (order.key === "name" ? local(c.name) : c[order.key]),
    order.direction,
    language,
  );

  const cell = (c: CentreFigures, key: Exclude<Column, "name">): string => {
    switch (key) {
      case "longestWaitSeconds":
        return c.waiting > 0 ? formatSeconds(c.longestWaitSeconds) : formatSeconds(null);
      case "averageWaitSecondsToday":
        return formatSeconds(c.averageWaitSecondsToday);
      case "slaPercentToday":
        return formatPercent(c.slaPercentToday, language);
      default:
        return formatCount(c[key], language);
    }
  };

  return (
    <ScrollRegion label={t.national.table}>
      <table className="grid national">
        <caption className="visually-hidden">
          {t.national.table}. {t.national.sortHint}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map(({ key, label }) => (
              <th
                key={key}
                scope="col"
                className={key === "name" ? undefined : "num"}
                aria-sort={order.key === key ? order.direction : undefined}
              >
                <button type="button" className="sort" onClick={() => setOrder(nextOrder(order, key))}>
                  {label(t)}
                  <span aria-hidden="true" className="sort-mark">
                    {order.key === key ? (order.direction === "ascending" ? " ▲" : " ▼") : " ↕"}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr
              key={c.centreId}
              className={c.servicesOverTarget > 0 ? "late" : undefined}
              data-centre={c.code}
              // A click anywhere on the row opens the centre too; the link in it serves the keyboard.
              onClick={(event) => {
                if (!(event.target instanceof HTMLAnchorElement))
                  window.location.assign(centreDashboardUrl(c.centreId));
              }}
            >
              <th scope="row">
                <a href={centreDashboardUrl(c.centreId)}>{local(c.name)}</a>{" "}
                <span className="muted small">{c.code}</span>
              </th>
              {COLUMNS.slice(1).map(({ key }) =>
                key === "name" ? null : (
                  <td key={key} className="num">
                    {cell(c, key)}
                    {key === "servicesOverTarget" && c.servicesOverTarget > 0 && (
                      <span className="late-flag">
                        <span aria-hidden="true">⚠ </span>
                        {t.national.overTarget}
                      </span>
                    )}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
