import type { DayFigures } from "./figures.js";

/**
 * A self-contained HTML page (inline SVG, no script, no network) of a simulated day: per hour the
 * arrivals, mean and p90 wait, and each estimator's share of visitors called inside their quoted band.
 */
export function chartPage(title: string, days: readonly DayFigures[], tables: string): string {
  const hours = days[0]?.hours.map((h) => h.label) ?? [];
  const width = 760;
  const height = 260;
  const left = 50;
  const bottom = 30;
  const x = (i: number) => left + ((i + 0.5) * (width - left - 10)) / Math.max(1, hours.length);
  const bar = (width - left - 10) / Math.max(1, hours.length) / 3;
  const maxWait = Math.max(1, ...days.flatMap((d) => d.hours.map((h) => h.p90WaitMinutes ?? 0)));
  const yWait = (m: number) => height - bottom - (m / maxWait) * (height - bottom - 10);
  const yShare = (s: number) => height - bottom - s * (height - bottom - 10);
  const first = days[0];
  const waits = first
    ? first.hours
        .map(
          (h, i) =>
            `<rect x="${x(i) - bar}" y="${yWait(h.meanWaitMinutes ?? 0)}" width="${bar}" height="${height - bottom - yWait(h.meanWaitMinutes ?? 0)}" fill="#4a78b5"><title>${h.label} mean ${(h.meanWaitMinutes ?? 0).toFixed(1)} min</title></rect>` +
            `<rect x="${x(i)}" y="${yWait(h.p90WaitMinutes ?? 0)}" width="${bar}" height="${height - bottom - yWait(h.p90WaitMinutes ?? 0)}" fill="#a9c1e0"><title>${h.label} p90 ${(h.p90WaitMinutes ?? 0).toFixed(1)} min</title></rect>`,
        )
        .join("")
    : "";
  const colours = ["#1b7f3b", "#c0392b", "#8e44ad"];
  const lines = days
    .map((d, k) => {
      const points = d.hours
        .map((h, i) =>
          h.accuracy.insideRangeShare === null ? null : `${x(i)},${yShare(h.accuracy.insideRangeShare)}`,
        )
        .filter((p) => p !== null)
        .join(" ");
      return points
        ? `<polyline points="${points}" fill="none" stroke="${colours[k % 3]}" stroke-width="2"/>`
        : "";
    })
    .join("");
  const errLines = days
    .map((d, k) => {
      const maxErr = Math.max(
        1,
        ...days.flatMap((dd) => dd.hours.map((h) => h.accuracy.medianAbsoluteErrorMinutes ?? 0)),
      );
      const points = d.hours
        .map((h, i) =>
          h.accuracy.medianAbsoluteErrorMinutes === null
            ? null
            : `${x(i)},${height - bottom - (h.accuracy.medianAbsoluteErrorMinutes / maxErr) * (height - bottom - 10)}`,
        )
        .filter((p) => p !== null)
        .join(" ");
      return `<polyline points="${points}" fill="none" stroke="${colours[k % 3]}" stroke-width="2"/>`;
    })
    .join("");
  const axis = hours
    .map((h, i) => `<text x="${x(i)}" y="${height - 10}" font-size="11" text-anchor="middle">${h}</text>`)
    .join("");
  const target = `<line x1="${left}" x2="${width - 10}" y1="${yShare(0.8)}" y2="${yShare(0.8)}" stroke="#999" stroke-dasharray="4"/>`;
  const legend = days
    .map((d, k) => `<span style="color:${colours[k % 3]}">■ ${escape(d.estimator)}</span>`)
    .join(" &nbsp; ");
  const svg = (body: string, label: string) =>
    `<svg role="img" aria-label="${label}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<line x1="${left}" x2="${left}" y1="10" y2="${height - bottom}" stroke="#333"/>` +
    `<line x1="${left}" x2="${width - 10}" y1="${height - bottom}" y2="${height - bottom}" stroke="#333"/>${axis}${body}</svg>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}pre{font-size:12px;overflow-x:auto}</style>
</head><body>
<h1>${escape(title)}</h1>
<h2>Waits by hour of arrival (${escape(first?.estimator ?? "")}): mean (dark), p90 (light), up to ${maxWait.toFixed(0)} min</h2>
${svg(waits, "Mean and 90th percentile wait per hour")}
<h2>Share called inside the quoted band, per hour (dashed: the 80% target)</h2>
<p>${legend}</p>
${svg(lines + target, "Share inside the quoted band per hour")}
<h2>Median absolute error of the quote, per hour</h2>
<p>${legend}</p>
${svg(errLines, "Median absolute error per hour")}
<h2>Figures</h2>
<pre>${escape(tables)}</pre>
</body></html>
`;
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
