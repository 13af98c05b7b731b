/**
 * Waits are counted in bins with these lower edges (minutes); the last bin is open-ended. The
 * database's hourly aggregates keep one count per bin (see migrations/0004_stats_trigger.sql).
 */
export const WAIT_BIN_EDGES_MINUTES = [0, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180] as const;

/**
 * The wait (seconds) below which a share `q` (0..1) of the counted waits fall, interpolated linearly
 * inside the bin where it lands. The open last bin is taken as 180–240 minutes. Null with no waits.
 */
export function waitQuantileSeconds(bins: readonly number[], q: number): number | null {
  const total = bins.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const target = q * total;
  let below = 0;
  for (let i = 0; i < bins.length; i++) {
    const count = bins[i] ?? 0;
    if (count > 0 && below + count >= target) {
      const lower = WAIT_BIN_EDGES_MINUTES[i] ?? 180;
      const upper = WAIT_BIN_EDGES_MINUTES[i + 1] ?? lower + 60;
      const within = (target - below) / count;
      return Math.round((lower + within * (upper - lower)) * 60);
    }
    below += count;
  }
  return null;
}
