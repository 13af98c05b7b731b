import type { Role, User } from "@dost/shared";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, forbidden, invalid, notFound, unauthenticated } from "../../lib/errors.js";
import type { UserPrincipal } from "../../core/principal.js";
import { auditActorOf, auditLog, type AuditActor } from "../audit/index.js";
import { authRepository } from "./auth.repository.js";
import { createLoginThrottle } from "./login-throttle.js";
import {
  createSecretBox,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  totpStep,
} from "./mfa-secrets.js";
import { mfaRepository } from "./mfa.repository.js";

/**
 * The second factor of staff sign-in: TOTP (RFC 6238) enrolled by the user, recovery codes for a
 * lost phone, and an admin's reset. The secret is shown once at enrolment and kept encrypted; codes
 * are accepted once each (a used time step is remembered) and guessed at most `lockoutAfterFailures`
 * times per account before it locks, whatever the address.
 */
export function createMfaService(deps: {
  db: Db;
  clock: Clock;
  /** Null: nobody may enrol (production without MFA_SECRET_KEY). */
  secretKey: string | null;
  requiredRoles: readonly Role[];
  lockoutAfterFailures: number;
}) {
  const { db, clock } = deps;
  const box = deps.secretKey ? createSecretBox(deps.secretKey) : null;
  // The per-account lock of login-throttle.ts, keyed by user id; addresses are the password step's.
  const codeThrottle = createLoginThrottle({
    clock,
    failuresBeforeLock: deps.lockoutAfterFailures,
    addressFailuresPerMinute: Number.MAX_SAFE_INTEGER,
  });

  return {
    /** Whether the policy holds this user to a second factor they have not enrolled yet. */
    mustEnrol: (role: Role, mfaEnabled: boolean): boolean => !mfaEnabled && deps.requiredRoles.includes(role),

    /**
     * The second step of signing in, once the password was right: `code` is six digits from the app
     * or a recovery code. Throws 401 `mfa_required` without one and `mfa_invalid` for a wrong or
     * used one; 429 `sign_in_locked` after too many wrong ones.
     */
    async verifyAtSignIn(
      user: { id: string; centreId: string | null; sealedSecret: string },
      code: string | undefined,
      actor: AuditActor,
    ): Promise<void> {
      if (!code) throw unauthenticated("Enter the code from your authenticator app", "mfa_required");
      if (!box) throw conflict("Two-step sign-in is not configured on this server", "mfa_unavailable");
      codeThrottle.attempt(user.id, actor.address ?? "");
      const now = clock.now();
      // Six digits are the app's code; anything else is tried as a recovery code.
      const recovery = !/^\d{6}$/.test(code.trim());
      const step = recovery ? null : totpStep(box.open(user.sealedSecret), code.trim(), now);
      const accepted = recovery
        ? await mfaRepository.useRecoveryCode(db, user.id, recoveryCodeHash(code))
        : step !== null && (await mfaRepository.useStep(db, user.id, step));
      if (!accepted) {
        await auditLog.record(db, actor, {
          kind: "auth.sign_in_failed",
          at: now,
          centreId: user.centreId,
          target: { type: "user", id: user.id },
          note: "wrong or used second-factor code",
        });
        throw unauthenticated("Wrong or already used code", "mfa_invalid");
      }
      codeThrottle.succeeded(user.id, actor.address ?? "");
      if (recovery)
        await auditLog.record(db, actor, {
          kind: "auth.mfa_recovery_code_used",
          at: now,
          centreId: user.centreId,
          target: { type: "user", id: user.id },
        });
    },

    /** Starts enrolment: a new secret, shown this once; another call replaces it. */
    async enrol(principal: UserPrincipal): Promise<{ secret: string; uri: string }> {
      if (!box) throw conflict("Two-step sign-in is not configured on this server", "mfa_unavailable");
      const offer = newTotpSecret(principal.user.username);
      if (!(await mfaRepository.setPending(db, principal.user.id, box.seal(offer.secret))))
        throw conflict("Two-step sign-in is already set up", "mfa_already_enrolled");
      return offer;
    },

    /**
     * Confirms enrolment with a code from the app: the factor is on, the user's other sessions end,
     * and ten recovery codes are returned (this once; only their hashes are kept).
     */
    async confirm(
      principal: UserPrincipal,
      code: string,
      address: string,
    ): Promise<{ user: User; recoveryCodes: string[] }> {
      if (!box) throw conflict("Two-step sign-in is not configured on this server", "mfa_unavailable");
      const state = await mfaRepository.state(db, principal.user.id);
      if (state?.enabledAt) throw conflict("Two-step sign-in is already set up", "mfa_already_enrolled");
      if (!state?.pendingSecret) throw conflict("Start the set-up first", "mfa_not_started");
      const now = clock.now();
      const step = totpStep(box.open(state.pendingSecret), code, now);
      if (step === null)
        throw invalid("Wrong code", [{ path: "code", message: "wrong code" }], "mfa_invalid");
      const recovery = newRecoveryCodes();
      await db.transaction(async (tx) => {
        const done = await mfaRepository.enable(tx, principal.user.id, {
          sealed: state.pendingSecret!,
          step,
          recoveryHashes: recovery.hashes,
          at: now,
        });
        if (!done) throw conflict("The set-up changed meanwhile; start again", "mfa_not_started");
        await authRepository.revokeSessionsOfUser(tx, principal.user.id, now, principal.sessionId);
        await auditLog.record(tx, auditActorOf(principal, address), {
          kind: "auth.mfa_enrolled",
          at: now,
          centreId: principal.user.centreId,
          target: { type: "user", id: principal.user.id },
        });
      });
      return {
        user: { ...principal.user, mfaEnabled: true, mustEnrolMfa: false },
        recoveryCodes: recovery.codes,
      };
    },

    /** An admin forgets a user's factor (a lost phone): their sessions end and they enrol again. */
    async reset(admin: UserPrincipal, userId: string, address: string): Promise<void> {
      if (admin.user.role !== "admin")
        throw forbidden("Only an admin may reset two-step sign-in", "admin_only");
      const now = clock.now();
      await db.transaction(async (tx) => {
        const state = await mfaRepository.state(tx, userId);
        if (!state) throw notFound("User");
        await mfaRepository.clear(tx, userId);
        await authRepository.revokeSessionsOfUser(tx, userId, now);
        await auditLog.record(tx, auditActorOf(admin, address), {
          kind: "user.mfa_reset",
          at: now,
          centreId: state.centreId,
          target: { type: "user", id: userId },
          note: state.enabledAt ? null : "no factor was enrolled",
        });
      });
    },
  };
}

export type MfaService = ReturnType<typeof createMfaService>;
