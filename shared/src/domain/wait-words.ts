/**
 * How a wait is said to a visitor, in whatever words the caller brings (the kiosk's screen, the
 * printed receipt): one rule, so the screen and the paper never disagree.
 */
export interface WaitWords {
  underAMinute: string;
  /** Said instead of a figure when there is no honest estimate: "no counter open yet". */
  noEstimate: string;
  minutes: (m: number) => string;
  hoursMinutes: (h: number, m: number) => string;
  /** A band under an hour, in whole minutes: "about 10–15 min". */
  aboutMinutesRange: (low: number, high: number) => string;
  /** A band reaching an hour or more, each end in the language's own units. */
  aboutRange: (low: string, high: string) => string;
}

/** Whole minutes, hours past the hour, never a false "0 min"; `noEstimate` when there is no estimate. */
export function sayWait(words: WaitWords, minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return words.noEstimate;
  if (minutes < 1) return words.underAMinute;
  const whole = Math.round(minutes);
  if (whole < 60) return words.minutes(whole);
  return words.hoursMinutes(Math.floor(whole / 60), whole % 60);
}

/**
 * The band the wait falls in four times out of five, "about 10–15 min", when there is one (ends
 * rounded outward to whole minutes, so the band never narrows); else the single estimate.
 */
export function sayWaitRange(
  words: WaitWords,
  minutes: number | null,
  range: { low: number; high: number } | null | undefined,
): string {
  if (!range || !Number.isFinite(range.low) || !Number.isFinite(range.high)) return sayWait(words, minutes);
  const low = Math.max(0, Math.floor(range.low));
  const high = Math.max(low, Math.ceil(range.high));
  if (high < 1) return words.underAMinute;
  if (low === high) return sayWait(words, high);
  if (high < 60) return words.aboutMinutesRange(low, high);
  // Each end in the language's own units, without the "~" of a single estimate.
  const plain = (m: number) => (m < 1 ? words.minutes(0) : sayWait(words, m)).replace(/^~/, "");
  return words.aboutRange(plain(low), plain(high));
}
