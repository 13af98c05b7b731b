import type { User } from "@dost/shared";
import type { Db, Executor } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { forbidden, invalid, unauthenticated } from "../../lib/errors.js";
import { newSessionToken, sha256 } from "../../lib/tokens.js";
import type { Credentials, Principal, UserPrincipal } from "../../core/principal.js";
import type { Publisher } from "../../core/realtime.js";
import { decoyPasswordHash, hashPassword, verifyPassword } from "../../lib/passwords.js";
import { auditActorOf, auditLog } from "../audit/index.js";
import { authRepository } from "./auth.repository.js";
import { createLoginThrottle } from "./login-throttle.js";
import type { MfaService } from "./mfa.service.js";
import { assertPasswordAcceptable } from "./password-policy.js";

export function createAuthService(deps: {
  db: Db;
  clock: Clock;
  publisher: Pick<Publisher, "disconnectSession">;
  sessionTtlHours: number;
  /** How long a device key's look-up is remembered (real time); 0: never. */
  deviceCacheMs: number;
  /** Wrong passwords for one username, from any address, before it is locked (login-throttle.ts). */
  lockoutAfterFailures: number;
  /** Wrong passwords one address may send per minute over all usernames (password spraying). */
  addressFailuresPerMinute: number;
  /** The second factor: asked at sign-in when enrolled; the policy's enrolment obligation. */
  mfa: MfaService;
}) {
  const { db, clock, mfa } = deps;
  /** The policy's obligation, worked out on every request, so a change of policy applies at once. */
  const withPolicy = <U extends { role: User["role"]; mfaEnabled?: boolean }>(user: U) => ({
    ...user,
    mustEnrolMfa: mfa.mustEnrol(user.role, user.mfaEnabled ?? false),
  });
  const throttle = createLoginThrottle({
    clock,
    failuresBeforeLock: deps.lockoutAfterFailures,
    addressFailuresPerMinute: deps.addressFailuresPerMinute,
  });
  // Kiosks and displays authenticate every request with the same key: a few seconds of cache
  // spares the hot path a query. Sessions are not cached, so signing out takes effect at once.
  // A revocation in any process drops them all (forgetDevices); a look-up that was already in flight
  // then must not store what it read before the change.
  const devices = new Map<string, { principal: Principal | null; until: number }>();
  let generation = 0;

  return {
    async login(
      username: string,
      password: string,
      meta: { ip: string; userAgent: string | null },
      code?: string,
    ): Promise<{ token: string; user: User; expiresAt: Date }> {
      throttle.attempt(username, meta.ip);
      const row = await authRepository.findUserForLogin(db, username);
      const ok = await verifyPassword(row?.passwordHash ?? (await decoyPasswordHash()), password);
      const now = clock.now();
      if (!row || !ok) {
        // The attempt is recorded under the name tried, never with the password.
        await auditLog.record(
          db,
          { userId: null, deviceId: null, name: username, address: meta.ip },
          {
            kind: "auth.sign_in_failed",
            at: now,
            centreId: row?.centreId ?? null,
            target: row ? { type: "user", id: row.id } : null,
          },
        );
        throw unauthenticated("Wrong username or password");
      }
      const { passwordHash: _hash, disabledAt, mfaSecret, ...enrolled } = row;
      const user = withPolicy(enrolled);
      if (!mfaSecret) throttle.succeeded(username, meta.ip);
      const actor = { userId: user.id, deviceId: null, name: user.username, address: meta.ip };
      // Only someone who knows the password learns that the account is disabled.
      if (disabledAt) {
        await auditLog.record(db, actor, {
          kind: "auth.sign_in_failed",
          at: now,
          centreId: user.centreId,
          target: { type: "user", id: user.id },
          note: "account disabled",
        });
        throw forbidden("This account is disabled", "account_disabled");
      }
      // The password alone does not clear the account's failures while a second step is due.
      if (mfaSecret)
        if (mfaSecret) {
          await mfa.verifyAtSignIn(
            { id: user.id, centreId: user.centreId, sealedSecret: mfaSecret },
            code,
            actor,
          );
          throttle.succeeded(username, meta.ip);
        }
      const token = newSessionToken();
      const expiresAt = new Date(now.getTime() + deps.sessionTtlHours * 3_600_000);
      await db.transaction(async (tx) => {
        const sessionId = await authRepository.createSession(tx, {
          userId: row.id,
          tokenHash: sha256(token),
          expiresAt,
          ...meta,
        });
        await auditLog.record(tx, actor, {
          kind: "auth.sign_in",
          at: now,
          centreId: user.centreId,
          target: { type: "session", id: sessionId },
          note: user.mustChangePassword ? "temporary password: must change it" : null,
        });
      });
      return { token, user, expiresAt };
    },

    /**
     * Replaces the caller's password after checking the current one; clears a temporary password's
     * obligation and ends the user's other sessions.
     */
    async changePassword(
      principal: UserPrincipal,
      currentPassword: string,
      newPassword: string,
      address: string,
    ): Promise<User> {
      const row = await authRepository.findUserById(db, principal.user.id);
      if (!row) throw unauthenticated();
      if (!(await verifyPassword(row.passwordHash, currentPassword))) {
        throw invalid(
          "The current password is wrong",
          [{ path: "currentPassword", message: "wrong password" }],
          "current_password_wrong",
        );
      }
      if (newPassword === currentPassword) {
        throw invalid(
          "Choose a password different from the current one",
          [{ path: "newPassword", message: "same as the current password" }],
          "password_reused",
        );
      }
      assertPasswordAcceptable(newPassword, { username: row.username, displayName: row.displayName });
      const passwordHash = await hashPassword(newPassword);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await authRepository.setPassword(tx, row.id, { passwordHash, mustChangePassword: false, at: now });
        await authRepository.revokeSessionsOfUser(tx, row.id, now, principal.sessionId);
        await auditLog.record(tx, auditActorOf(principal, address), {
          kind: "auth.password_changed",
          at: now,
          centreId: row.centreId,
          target: { type: "user", id: row.id },
          note: row.mustChangePassword ? "temporary password replaced" : null,
        });
      });
      const { passwordHash: _hash, disabledAt: _disabled, ...user } = row;
      return withPolicy({ ...user, mustChangePassword: false });
    },

    /** Resolves a session token or a device key; null when neither is valid. */
    async authenticate(credentials: Credentials): Promise<Principal | null> {
      if (credentials.token) {
        const session = await authRepository.findSession(db, sha256(credentials.token), clock.now());
        return session && { ...session, user: withPolicy(session.user) };
      }
      if (credentials.deviceKey) {
        const keyHash = sha256(credentials.deviceKey);
        const hit = devices.get(keyHash);
        if (hit && hit.until > performance.now()) return hit.principal;
        const started = generation;
        const principal = await authRepository.findDevice(db, keyHash);
        if (devices.size > 1000) devices.clear();
        if (deps.deviceCacheMs > 0 && started === generation)
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

    async logout(principal: UserPrincipal, address: string): Promise<void> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        await authRepository.revokeSession(tx, principal.sessionId, now);
        await auditLog.record(tx, auditActorOf(principal, address), {
          kind: "auth.sign_out",
          at: now,
          centreId: principal.user.centreId,
          target: { type: "session", id: principal.sessionId },
        });
      });
      deps.publisher.disconnectSession(principal.sessionId);
    },

    /** Forgets cached device keys, so a revoked or replaced key stops working here at once. */
    forgetDevices(): void {
      devices.clear();
      generation++;
    },

    /** Which of these sessions and devices are still valid (for the sockets' periodic check). */
    liveCredentials(sessionIds: readonly string[], deviceIds: readonly string[]): Promise<Set<string>> {
      return authRepository.liveCredentials(db, sessionIds, deviceIds, clock.now());
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
