import type { AuditEvent } from "@dost/shared";

const cell = (value: unknown): string => {
  const text =
    value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  // Quoted always, and a leading formula character defused, so a spreadsheet never runs a cell.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

/** The audit events as CSV, with a BOM so a spreadsheet reads the Azerbaijani and Russian letters. */
export function auditCsv(events: AuditEvent[], header: string[]): string {
  const rows = events.map((e) =>
    [
      e.at,
      e.actor.name,
      e.kind,
      e.centreId,
      e.target ? `${e.target.type}:${e.target.id}` : "",
      e.address,
      e.before,
      e.after,
      e.note,
    ]
      .map(cell)
      .join(","),
  );
  return `\uFEFF${[header.map(cell).join(","), ...rows].join("\r\n")}\r\n`;
}

/** A day's start (`from`) or the next day's start (`to`) in the reader's timezone, as the API wants. */
export function dayBound(date: string, edge: "from" | "to"): string | undefined {
  if (!date) return undefined;
  const start = new Date(`${date}T00:00:00`);
  if (edge === "to") start.setDate(start.getDate() + 1);
  return start.toISOString();
}
