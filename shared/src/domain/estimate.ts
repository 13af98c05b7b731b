/**
 * Estimated wait until called, for a ticket with `position` tickets ahead of it: the people ahead
 * over the service's pace, so the first in line with a free counter waits about nothing. The pace is
 * the service's recent throughput
 * (tickets finished in the last hour) is the best guide once there is enough of it; before that,
 * the open counters serving the service and its configured average handling time.
 */
export interface WaitEstimateInput {
  position: number;
  finishedLastHour: number;
  openCounters: number;
  handlingMinutes: number;
}

/** Below this many finished tickets an hour, throughput is too noisy to trust. */
export const MIN_THROUGHPUT_SAMPLE = 4;

export function ticketsPerMinute(input: Omit<WaitEstimateInput, "position">): number {
  if (input.finishedLastHour >= MIN_THROUGHPUT_SAMPLE) return input.finishedLastHour / 60;
  return Math.max(1, input.openCounters) / Math.max(1, input.handlingMinutes);
}

export function estimateWaitMinutes(input: WaitEstimateInput): number {
  const minutes = input.position / ticketsPerMinute(input);
  return Math.round(minutes * 10) / 10;
}
