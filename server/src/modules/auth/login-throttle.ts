import type { Clock } from "../../lib/clock.js";
import { rateLimited } from "../../lib/errors.js";

/** Failures before the first lock count only if they fall within this window of each other. */
const FAILURE_WINDOW_MS = 15 * 60_000;
const FIRST_LOCK_MS = 60_000;
/**
 * The longest lock. Anyone can keep an account locked by guessing wrong now and then; a quarter of
 * an hour bounds what that costs its owner, while still allowing only ~100 guesses a day.
 */
const LONGEST_LOCK_MS = 15 * 60_000;
/** A locked account's history is forgotten after a day without a failure. */
const FORGET_AFTER_MS = 24 * 3_600_000;
/** Bounds memory under a spray of made-up usernames. */
const MAX_TRACKED = 10_000;

interface Tally {
  failures: number;
  firstFailureAt: number;
  lastFailureAt: number;
  /** How many locks so far: each next one lasts twice as long. */
  locks: number;
  lockedUntil: number;
}

/**
 * The per-account limit on signing in, whatever the address: after `failuresBeforeLock` wrong
 * passwords for a username the username is locked for a minute, and every failure after a lock
 * locks it again for twice as long (up to a quarter of an hour). While locked even the right
 * password is refused, or the lock would tell a guesser when they hit it. A successful sign-in
 * clears the record. Usernames are tracked whether they exist or not, so the lock reveals nothing.
 *
 * Beside it, one address may fail at most `addressFailuresPerMinute` times a minute over all
 * usernames: keying the address limit by username (so colleagues behind one NAT address do not
 * share it) would otherwise let one address try one password on every account (spraying). Only
 * failures count, so a busy office signing in is never held up by its successes.
 * Kept in memory on the server's clock: one process serves a centre; a restart forgets locks.
 */
export function createLoginThrottle(deps: {
  clock: Clock;
  failuresBeforeLock: number;
  addressFailuresPerMinute: number;
}) {
  const records = new Map<string, Tally>();
  const addresses = new Map<string, { start: number; failures: number }>();
  const keyOf = (username: string) => username.trim().toLowerCase();
  const now = () => deps.clock.now().getTime();

  function prune(at: number) {
    if (records.size < MAX_TRACKED) return;
    for (const [key, r] of records) if (r.lockedUntil <= at && r.locks === 0) records.delete(key);
    if (records.size >= MAX_TRACKED) records.clear();
  }

  return {
    /**
     * Before checking a password: throws 429 `sign_in_locked` with the seconds left while the
     * username is locked, else counts the attempt as a failure until `succeeded` clears it. Counted
     * up front, in the same tick as the check, so a burst of parallel guesses cannot all pass it.
     */
    attempt(username: string, address: string): void {
      const key = keyOf(username);
      const at = now();
      let window = addresses.get(address);
      if (!window || at - window.start >= 60_000) {
        if (addresses.size >= MAX_TRACKED) addresses.clear();
        window = { start: at, failures: 0 };
        addresses.set(address, window);
      }
      if (window.failures >= deps.addressFailuresPerMinute) {
        throw rateLimited(
          "Too many failed sign-ins from this address; try again shortly",
          "too_many_requests",
          Math.max(1, Math.ceil((window.start + 60_000 - at) / 1000)),
        );
      }
      let r = records.get(key);
      if (r && r.lockedUntil > at) {
        throw rateLimited(
          "Too many failed sign-ins for this account; try again later",
          "sign_in_locked",
          Math.ceil((r.lockedUntil - at) / 1000),
        );
      }
      if (r && at - r.lastFailureAt > FORGET_AFTER_MS) r = undefined;
      if (r && r.locks === 0 && at - r.firstFailureAt > FAILURE_WINDOW_MS) r = undefined;
      if (!r) {
        prune(at);
        r = { failures: 0, firstFailureAt: at, lastFailureAt: at, locks: 0, lockedUntil: 0 };
        records.set(key, r);
      }
      window.failures += 1;
      r.failures += 1;
      r.lastFailureAt = at;
      // Once locked, every further failure locks again; before that, only the N-th does.
      if (r.locks > 0 || r.failures >= deps.failuresBeforeLock) {
        r.lockedUntil = at + Math.min(FIRST_LOCK_MS * 2 ** r.locks, LONGEST_LOCK_MS);
        r.locks += 1;
      }
    },

    succeeded(username: string, address: string): void {
      records.delete(keyOf(username));
      const window = addresses.get(address);
      if (window && window.failures > 0) window.failures -= 1;
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
