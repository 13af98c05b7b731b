/** A duration as a counter clerk reads it at a glance: 4:07, or 1:02:09 past an hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

/** Milliseconds between two ISO instants (or an ISO instant and now), never negative. */
export function elapsedMs(fromIso: string, to: number | string): number {
  const end = typeof to === "number" ? to : Date.parse(to);
  return Math.max(0, end - Date.parse(fromIso));
}

/** A wall-clock time in the centre's timezone, such as 09:12. */
export function formatClock(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(new Date(iso));
}
