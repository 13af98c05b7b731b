import { eq } from "drizzle-orm";
import type { LocalizedText, OpeningHours, PolicyWeights } from "@dost/shared";
import type { Executor } from "../../db/client.js";
import { centres } from "../../db/schema.js";
import { UUID_PATTERN } from "../../lib/tokens.js";

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
}

/**
 * Centres are read on every request (access checks, the service day, the queue policy) and change
 * rarely, so they are cached for a few seconds; `invalidate` after an edit makes it immediate here.
 */
export function createCentreDirectory(db: Executor, ttlMs = 10_000) {
  let cache: { at: number; byRef: Map<string, CentreRecord>; all: CentreRecord[] } | null = null;

  async function load(): Promise<NonNullable<typeof cache>> {
    if (cache && Date.now() - cache.at < ttlMs) return cache;
    const rows = await db
      .select({
        id: centres.id,
        code: centres.code,
        name: centres.name,
        timezone: centres.timezone,
        openingHours: centres.openingHours,
        policy: centres.policy,
        displayMessage: centres.displayMessage,
        bookingWindowDays: centres.bookingWindowDays,
        bookingLeadMinutes: centres.bookingLeadMinutes,
        lastTicketMinutesBeforeClosing: centres.lastTicketMinutesBeforeClosing,
      })
      .from(centres)
      .orderBy(centres.code);
    const byRef = new Map<string, CentreRecord>();
    for (const row of rows) {
      byRef.set(row.id, row);
      byRef.set(row.code.toUpperCase(), row);
    }
    cache = { at: Date.now(), byRef, all: rows };
    return cache;
  }

  return {
    /** By UUID or by code (case-insensitive); null when there is no such centre. */
    async find(ref: string): Promise<CentreRecord | null> {
      const key = UUID_PATTERN.test(ref) ? ref.toLowerCase() : ref.toUpperCase();
      const hit = (await load()).byRef.get(key);
      if (hit) return hit;
      // A centre created by another process since the cache was filled.
      const [row] = await db
        .select({ id: centres.id })
        .from(centres)
        .where(UUID_PATTERN.test(ref) ? eq(centres.id, key) : eq(centres.code, key));
      if (!row) return null;
      cache = null;
      return (await load()).byRef.get(row.id) ?? null;
    },
    async all(): Promise<CentreRecord[]> {
      return (await load()).all;
    },
    invalidate(): void {
      cache = null;
    },
  };
}

export type CentreDirectory = ReturnType<typeof createCentreDirectory>;
