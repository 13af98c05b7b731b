import { and, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { devices, sessions, users } from "../../db/schema.js";
import type { DevicePrincipal, UserPrincipal } from "../../core/principal.js";

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  centreId: users.centreId,
  mustChangePassword: users.mustChangePassword,
  mfaEnabled: sql<boolean>`${users.mfaEnabledAt} IS NOT NULL`.mapWith(Boolean),
};

/** A uuid[] literal: the same text binds on node-postgres and PGlite. */
const uuidArray = (ids: readonly string[]) => `{${ids.join(",")}}`;

export const authRepository = {
  async findUserForLogin(ex: Executor, username: string) {
    const [row] = await ex
      .select({
        ...userColumns,
        passwordHash: users.passwordHash,
        disabledAt: users.disabledAt,
        mfaSecret: users.mfaSecret,
      })
      .from(users)
      .where(eq(users.username, username));
    return row ?? null;
  },

  async createSession(
    ex: Executor,
    values: { userId: string; tokenHash: string; expiresAt: Date; ip: string; userAgent: string | null },
  ): Promise<string> {
    const [row] = await ex.insert(sessions).values(values).returning({ id: sessions.id });
    if (!row) throw new Error("session insert returned nothing");
    return row.id;
  },

  async findSession(ex: Executor, tokenHash: string, now: Date): Promise<UserPrincipal | null> {
    const [row] = await ex
      .select({ sessionId: sessions.id, ...userColumns })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          isNull(users.disabledAt),
        ),
      );
    if (!row) return null;
    const { sessionId, ...user } = row;
    return { kind: "user", sessionId, user };
  },

  async revokeSession(ex: Executor, sessionId: string, now: Date): Promise<void> {
    await ex.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
  },

  async dropSessionsEndedBefore(ex: Executor, before: Date): Promise<void> {
    await ex.delete(sessions).where(or(lt(sessions.expiresAt, before), lt(sessions.revokedAt, before)));
  },

  /** The work profile a user last opened a counter with, offered again next time. */
  async rememberProfile(ex: Executor, userId: string, serviceIds: string[]): Promise<void> {
    await ex.update(users).set({ lastServiceIds: serviceIds }).where(eq(users.id, userId));
  },

  async lastProfile(ex: Executor, userId: string): Promise<string[] | null> {
    const [row] = await ex.select({ ids: users.lastServiceIds }).from(users).where(eq(users.id, userId));
    return row?.ids ?? null;
  },

  async findDevice(ex: Executor, keyHash: string): Promise<DevicePrincipal | null> {
    const [row] = await ex
      .select({
        id: devices.id,
        centreId: devices.centreId,
        kind: devices.kind,
        name: devices.name,
        counterId: devices.counterId,
        printer: devices.printer,
      })
      .from(devices)
      .where(and(eq(devices.keyHash, keyHash), isNull(devices.revokedAt)));
    return row ? { kind: "device", device: row } : null;
  },

  async findUserById(ex: Executor, userId: string) {
    const [row] = await ex
      .select({ ...userColumns, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, userId));
    return row ?? null;
  },

  async setPassword(
    ex: Executor,
    userId: string,
    values: { passwordHash: string; mustChangePassword: boolean; at: Date },
  ): Promise<void> {
    await ex
      .update(users)
      .set({
        passwordHash: values.passwordHash,
        mustChangePassword: values.mustChangePassword,
        passwordChangedAt: values.at,
      })
      .where(eq(users.id, userId));
  },

  /** Ends every live session of a user, but `keep` (the caller's own, when it changes its password). */
  async revokeSessionsOfUser(ex: Executor, userId: string, now: Date, keep?: string): Promise<void> {
    await ex
      .update(sessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          keep ? ne(sessions.id, keep) : undefined,
        ),
      );
  },

  /**
   * Of the given sessions and devices, those still valid: sessions neither expired nor revoked whose
   * user is enabled, devices not revoked. One statement for every socket of a process.
   */
  async liveCredentials(
    ex: Executor,
    sessionIds: readonly string[],
    deviceIds: readonly string[],
    now: Date,
  ): Promise<Set<string>> {
    const rows = await queryRows<{ id: string }>(
      ex,
      sql`
      SELECT s.id::text AS id FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = ANY(${uuidArray(sessionIds)}::uuid[]) AND s.revoked_at IS NULL
        AND s.expires_at > ${now.toISOString()}::timestamptz AND u.disabled_at IS NULL
      UNION ALL
      SELECT d.id::text FROM devices d
      WHERE d.id = ANY(${uuidArray(deviceIds)}::uuid[]) AND d.revoked_at IS NULL`,
    );
    return new Set(rows.map((r) => r.id));
  },
};
