import type { User } from "@dost/shared";
import type { Db, Executor } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { unauthenticated } from "../../lib/errors.js";
import { newSessionToken, sha256 } from "../../lib/tokens.js";
import type { Publisher } from "../../core/realtime.js";
import { authRepository } from "./auth.repository.js";
import { decoyPasswordHash, verifyPassword } from "../../lib/passwords.js";
import type { Credentials, Principal, UserPrincipal } from "../../core/principal.js";

export function createAuthService(deps: {
  db: Db;
  clock: Clock;
  publisher: Pick<Publisher, "disconnectSession">;
  sessionTtlHours: number;
  /** How long a device key's look-up is remembered (real time); 0: never. */
  deviceCacheMs: number;
}) {
  const { db, clock } = deps;
  // Kiosks and displays authenticate every request with the same key: a few seconds of cache
  // spares the hot path a query. Sessions are not cached, so signing out takes effect at once.
  const devices = new Map<string, { principal: Principal | null; until: number }>();

  return {
    async login(
      username: string,
      password: string,
      meta: { ip: string; userAgent: string | null },
    ): Promise<{ token: string; user: User; expiresAt: Date }> {
      const row = await authRepository.findUserForLogin(db, username);
      const ok = await verifyPassword(row?.passwordHash ?? (await decoyPasswordHash()), password);
      if (!row || !ok || row.disabledAt) throw unauthenticated("Wrong username or password");
      const token = newSessionToken();
      const expiresAt = new Date(clock.now().getTime() + deps.sessionTtlHours * 3_600_000);
      await authRepository.createSession(db, {
        userId: row.id,
        tokenHash: sha256(token),
        expiresAt,
        ...meta,
      });
      const { passwordHash: _hash, disabledAt: _disabled, ...user } = row;
      return { token, user, expiresAt };
    },

    /** Resolves a session token or a device key; null when neither is valid. */
    async authenticate(credentials: Credentials): Promise<Principal | null> {
      if (credentials.token) {
        return authRepository.findSession(db, sha256(credentials.token), clock.now());
      }
      if (credentials.deviceKey) {
        const keyHash = sha256(credentials.deviceKey);
        const hit = devices.get(keyHash);
        if (hit && hit.until > performance.now()) return hit.principal;
        const principal = await authRepository.findDevice(db, keyHash);
        if (devices.size > 1000) devices.clear();
        if (deps.deviceCacheMs > 0)
          devices.set(keyHash, { principal, until: performance.now() + deps.deviceCacheMs });
        return principal;
      }
      return null;
    },

    /**
     * The work profile the user last opened a counter with; the console offers it at sign-in.
     * Inside a transaction, pass its executor.
     */
    async lastProfile(userId: string, ex: Executor = db): Promise<string[]> {
      return (await authRepository.lastProfile(ex, userId)) ?? [];
    },

    /** Remembers a work profile in the caller's transaction (opening a counter). */
    rememberProfile: (tx: Executor, userId: string, serviceIds: string[]): Promise<void> =>
      authRepository.rememberProfile(tx, userId, serviceIds),

    /** Ended sessions are kept a week for the audit of who signed in, then dropped. */
    async dropEndedSessions(): Promise<void> {
      await authRepository.dropSessionsEndedBefore(db, new Date(clock.now().getTime() - 7 * 86_400_000));
    },

    async logout(principal: UserPrincipal): Promise<void> {
      await authRepository.revokeSession(db, principal.sessionId, clock.now());
      deps.publisher.disconnectSession(principal.sessionId);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
