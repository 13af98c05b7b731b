/**
 * How far the server's clock is ahead of this PC's, learnt from each response's Date header. The
 * header has one-second resolution, so a difference under that is noise and ignored.
 */
let offsetMs = 0;

export function learnServerTime(dateHeader: string | null, sentAt: number, receivedAt: number): void {
  if (!dateHeader) return;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return;
  // The header is truncated to the second: the true server time is up to 1 s later.
  const estimate = server + 500 - (sentAt + receivedAt) / 2;
  offsetMs = Math.abs(estimate) > 1500 ? estimate : 0;
}

export const serverNow = (): number => Date.now() + offsetMs;
