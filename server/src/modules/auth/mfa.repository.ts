import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { users } from "../../db/schema.js";

/** The second factor's columns of `users`; each change is one conditional statement (no lost race). */
export const mfaRepository = {
  async state(ex: Executor, userId: string) {
    const [row] = await ex
      .select({
        secret: users.mfaSecret,
        pendingSecret: users.mfaPendingSecret,
        enabledAt: users.mfaEnabledAt,
        centreId: users.centreId,
        username: users.username,
      })
      .from(users)
      .where(eq(users.id, userId));
    return row ?? null;
  },

  /** Offers a new secret; only while no factor is enrolled. */
  async setPending(ex: Executor, userId: string, sealed: string): Promise<boolean> {
    const rows = await ex
      .update(users)
      .set({ mfaPendingSecret: sealed })
      .where(and(eq(users.id, userId), isNull(users.mfaEnabledAt)))
      .returning({ id: users.id });
    return rows.length > 0;
  },

  /** Makes the pending secret the factor, if it is still the one confirmed (`sealed`). */
  async enable(
    ex: Executor,
    userId: string,
    values: { sealed: string; step: number; recoveryHashes: string[]; at: Date },
  ): Promise<boolean> {
    const rows = await ex
      .update(users)
      .set({
        mfaSecret: values.sealed,
        mfaPendingSecret: null,
        mfaEnabledAt: values.at,
        mfaLastStep: values.step,
        mfaRecoveryCodes: values.recoveryHashes,
      })
      .where(and(eq(users.id, userId), eq(users.mfaPendingSecret, values.sealed), isNull(users.mfaEnabledAt)))
      .returning({ id: users.id });
    return rows.length > 0;
  },

  /**
   * Records `step` as used if it is later than the last one: false when that step (or a later one)
   * was already used, so the same code is accepted once even by two sign-ins at the same moment.
   */
  async useStep(ex: Executor, userId: string, step: number): Promise<boolean> {
    const rows = await ex
      .update(users)
      .set({ mfaLastStep: step })
      .where(and(eq(users.id, userId), or(isNull(users.mfaLastStep), lt(users.mfaLastStep, step))))
      .returning({ id: users.id });
    return rows.length > 0;
  },

  /** Strikes a recovery code off; false when it is not (or no longer) one of the user's. */
  async useRecoveryCode(ex: Executor, userId: string, hash: string): Promise<boolean> {
    const rows = await ex
      .update(users)
      .set({ mfaRecoveryCodes: sql`array_remove(${users.mfaRecoveryCodes}, ${hash})` })
      .where(and(eq(users.id, userId), sql`${hash} = ANY(${users.mfaRecoveryCodes})`))
      .returning({ id: users.id });
    return rows.length > 0;
  },

  /** Forgets the factor (an admin's reset): the user enrols again. */
  async clear(ex: Executor, userId: string): Promise<void> {
    await ex
      .update(users)
      .set({
        mfaSecret: null,
        mfaPendingSecret: null,
        mfaEnabledAt: null,
        mfaLastStep: null,
        mfaRecoveryCodes: null,
      })
      .where(eq(users.id, userId));
  },
};
