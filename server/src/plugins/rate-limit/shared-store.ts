import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import type { Db } from "../../db/client.js";
import { sha256 } from "../../lib/tokens.js";
import { rateLimitRepository } from "./rate-limit.repository.js";

/** How often ended windows are swept from the table (real time). */
const SWEEP_EVERY_MS = 5 * 60_000;

/**
 * A store for @fastify/rate-limit that keeps the counters in PostgreSQL, so that several processes
 * on one database share each limit (N replicas no longer allow N times the figure). One upsert per
 * hit. Keys are stored as the SHA-256 of route and key: no address or username in clear.
 * A fixed window, as the in-memory store's; `continueExceeding` and `exponentialBackoff` are not
 * used by any route here and are not implemented.
 */
export function createSharedRateLimitStore(
  db: Db,
  onError: (err: unknown) => void,
): { Store: FastifyRateLimitStoreCtor; stop(): void } {
  const sweeper = setInterval(() => {
    rateLimitRepository.dropEnded(db).catch(onError);
  }, SWEEP_EVERY_MS);
  sweeper.unref();

  class SharedStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = "",
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      rateLimitRepository.hit(db, sha256(`${this.prefix}${key}`), timeWindow).then(
        ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    }

    /** Each route counts apart, as with the in-memory store: keyed by method and URL. */
    child(routeOptions: { method: string | string[]; url: string }): FastifyRateLimitStore {
      return new SharedStore(undefined, `${String(routeOptions.method)} ${routeOptions.url} `);
    }
  }

  return { Store: SharedStore, stop: () => clearInterval(sweeper) };
}
