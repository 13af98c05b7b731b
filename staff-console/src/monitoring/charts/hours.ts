/** "09:00": hours are the centre's local hours, as the server counts them. */
export const hourLabel = (hour: number): string => `${String(hour).padStart(2, "0")}:00`;

/**
 * The server lists only hours that have figures; a chart of the day needs the quiet hours in
 * between too, as zeros, or a lull would vanish from the picture.
 */
export function fillHours<T extends { hour: number }>(rows: readonly T[], empty: (hour: number) => T): T[] {
  if (rows.length === 0) return [];
  const byHour = new Map(rows.map((r) => [r.hour, r]));
  const first = Math.min(...byHour.keys());
  const last = Math.max(...byHour.keys());
  const filled: T[] = [];
  for (let hour = first; hour <= last; hour++) filled.push(byHour.get(hour) ?? empty(hour));
  return filled;
}
