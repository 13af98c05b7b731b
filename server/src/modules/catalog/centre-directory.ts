import {
  addDays,
  type CentreHours,
  type LocalizedText,
  type OpeningHours,
  type PolicyWeights,
} from "@dost/shared";
import type { Executor } from "../../db/client.js";
import { UUID_PATTERN } from "../../lib/tokens.js";
import { catalogRepository } from "./catalog.repository.js";

export interface CentreRecord {
  id: string;
  code: string;
  name: LocalizedText;
  timezone: string;
  openingHours: OpeningHours;
  policy: PolicyWeights;
  displayMessage: LocalizedText | null;
  bookingWindowDays: number;
  bookingLeadMinutes: number;
  lastTicketMinutesBeforeClosing: number;
  /** Local dates from yesterday on when the centre is closed: national holidays and its own. */
  closedDates: ReadonlySet<string>;
  /** Listed to the public. */
  active: boolean;
}

/** A centre's hours as the opening rules in `shared` read them. */
export const hoursOf = (centre: CentreRecord): CentreHours => ({
  timeZone: centre.timezone,
  openingHours: centre.openingHours,
  closedDates: centre.closedDates,
  lastTicketMinutesBeforeClosing: centre.lastTicketMinutesBeforeClosing,
});

/**
 * Centres are read on every request (access checks, the service day, the queue policy, opening
 * hours) and change rarely, so they are cached (`ttlMs`). `invalidate` after an edit drops the
 * cache here and `announce`s the change to the other server processes, which `drop` theirs: a change
 * is seen everywhere at once, and the TTL only bounds a notice lost while the database was away.
 * Like a repository, every look-up takes the executor it may read through:
 * inside a transaction that is the transaction, since a read on the root handle there waits on
 * itself on the embedded database. Cache ages are real time (a monotonic clock), not the service's
 * clock, which a test or a simulation may move.
 */
export function createCentreDirectory({
  ttlMs,
  today,
  announce = async () => undefined,
}: {
  ttlMs: number;
  today: () => Date;
  /** Tells the other processes that centres changed (resolves once the notice is sent). */
  announce?: () => Promise<void>;
}) {
  let cache: { at: number; byRef: Map<string, CentreRecord>; all: CentreRecord[] } | null = null;
  // Bumped by every drop: a load that began before a change must not store what it read.
  let generation = 0;

  function drop(): void {
    cache = null;
    generation++;
  }

  async function load(ex: Executor): Promise<NonNullable<typeof cache>> {
    if (cache && performance.now() - cache.at < ttlMs) return cache;
    const started = generation;
    // Yesterday in UTC is yesterday or earlier in every timezone.
    const from = addDays(today().toISOString().slice(0, 10), -1);
    const [rows, closed] = await Promise.all([
      catalogRepository.centres(ex),
      catalogRepository.closedDatesFrom(ex, from),
    ]);
    const national = closed.filter((c) => c.centreId === null).map((c) => c.date);
    const byRef = new Map<string, CentreRecord>();
    const all = rows.map((row) => ({
      ...row,
      closedDates: new Set([...national, ...closed.filter((c) => c.centreId === row.id).map((c) => c.date)]),
    }));
    for (const centre of all) {
      byRef.set(centre.id, centre);
      byRef.set(centre.code.toUpperCase(), centre);
    }
    const loaded = { at: performance.now(), byRef, all };
    if (ttlMs > 0 && started === generation) cache = loaded;
    return loaded;
  }

  return {
    /** By UUID or by code (case-insensitive); null when there is no such centre. */
    async find(ex: Executor, ref: string): Promise<CentreRecord | null> {
      const isId = UUID_PATTERN.test(ref);
      const key = isId ? ref.toLowerCase() : ref.toUpperCase();
      const hit = (await load(ex)).byRef.get(key);
      if (hit || !cache) return hit ?? null;
      // A centre created by another process since the cache was filled.
      const id = await catalogRepository.centreIdByRef(ex, isId ? { id: key } : { code: key });
      if (!id) return null;
      drop();
      return (await load(ex)).byRef.get(id) ?? null;
    },
    async all(ex: Executor): Promise<CentreRecord[]> {
      return (await load(ex)).all;
    },
    /** After a committed change: here at once, and in every other process before `announce` resolves' events. */
    async invalidate(): Promise<void> {
      drop();
      await announce();
    },
    /** Another process changed centres. */
    drop,
  };
}

export type CentreDirectory = ReturnType<typeof createCentreDirectory>;
