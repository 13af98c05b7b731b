import { closedDateSchema, type ClosedDate } from "@dost/shared";

export type ParseResult = { ok: true; dates: ClosedDate[] } | { ok: false; line: number | null };

/**
 * A holidays file as the ministry publishes it: the contract's JSON (`{dates: [{date, reason}]}`, or
 * just the array), or CSV with a header `date,az,ru,en` (quotes allowed). Every row must be valid,
 * else the whole file is refused with the first bad line, so nothing is half-imported.
 */
export function parseHolidaysFile(name: string, text: string): ParseResult {
  const body = text.replace(/^\uFEFF/, "").trim();
  if (name.toLowerCase().endsWith(".json") || body.startsWith("{") || body.startsWith("["))
    return parseJson(body);
  return parseCsv(body);
}

function parseJson(body: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { ok: false, line: null };
  }
  const list: unknown = Array.isArray(data) ? data : (data as { dates?: unknown } | null)?.dates;
  if (!Array.isArray(list)) return { ok: false, line: null };
  const dates: ClosedDate[] = [];
  for (const [index, item] of list.entries()) {
    const parsed = closedDateSchema.safeParse(item);
    if (!parsed.success) return { ok: false, line: index + 1 };
    dates.push(parsed.data);
  }
  return { ok: true, dates };
}

function parseCsv(body: string): ParseResult {
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = splitCsvLine(lines[0] ?? "").map((h) => h.trim().toLowerCase());
  const at = (name: string) => header.indexOf(name);
  if (at("date") < 0 || at("az") < 0 || at("ru") < 0 || at("en") < 0) return { ok: false, line: 1 };
  const dates: ClosedDate[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = splitCsvLine(lines[i]!);
    const cell = (name: string) => (cells[at(name)] ?? "").trim();
    const parsed = closedDateSchema.safeParse({
      date: cell("date"),
      reason: { az: cell("az"), ru: cell("ru"), en: cell("en") },
    });
    if (!parsed.success) return { ok: false, line: i + 1 };
    dates.push(parsed.data);
  }
  return { ok: true, dates };
}

/** One CSV line: commas separate, double quotes enclose, a doubled quote is a quote. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(current);
      current = "";
    } else current += c;
  }
  cells.push(current);
  return cells;
}

/** Imported dates replace listed ones of the same day; the result is in date order. */
export function mergeDates(current: ClosedDate[], imported: ClosedDate[]): ClosedDate[] {
  const byDate = new Map(current.map((d) => [d.date, d]));
  for (const d of imported) byDate.set(d.date, d);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
