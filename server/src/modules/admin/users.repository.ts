import { and, asc, count, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Role } from "@dost/shared";
import type { Executor } from "../../db/client.js";
import { sessions, users } from "../../db/schema.js";

/** Users without their password hash: nothing here ever reads or returns it. */
const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  centreId: users.centreId,
  mustChangePassword: users.mustChangePassword,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};

export type UserRow = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  centreId: string | null;
  mustChangePassword: boolean;
  disabledAt: Date | null;
  createdAt: Date;
};

export const userAdminRepository = {
  list(
    ex: Executor,
    filter: { centreId?: string | undefined; roles?: readonly Role[] | undefined; includeDisabled: boolean },
  ): Promise<UserRow[]> {
    return ex
      .select(userColumns)
      .from(users)
      .where(
        and(
          filter.centreId ? eq(users.centreId, filter.centreId) : undefined,
          filter.roles ? inArray(users.role, [...filter.roles]) : undefined,
          filter.includeDisabled ? undefined : isNull(users.disabledAt),
        ),
      )
      .orderBy(asc(users.username));
  },

  async lock(ex: Executor, id: string): Promise<UserRow | null> {
    const [row] = await ex.select(userColumns).from(users).where(eq(users.id, id)).for("update");
    return row ?? null;
  },

  async usernameTaken(ex: Executor, username: string): Promise<boolean> {
    const [row] = await ex.select({ id: users.id }).from(users).where(eq(users.username, username));
    return row !== undefined;
  },

  /** Enabled admins other than `except`: the system must always keep one. */
  async otherActiveAdmins(ex: Executor, except: string): Promise<number> {
    const [row] = await ex
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, except)));
    return row?.n ?? 0;
  },

  async insert(ex: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
    const [row] = await ex.insert(users).values(values).returning(userColumns);
    if (!row) throw new Error("user insert returned nothing");
    return row;
  },

  async update(ex: Executor, id: string, changes: Partial<typeof users.$inferInsert>): Promise<UserRow> {
    const [row] = await ex.update(users).set(changes).where(eq(users.id, id)).returning(userColumns);
    if (!row) throw new Error("user update returned nothing");
    return row;
  },

  /** Ends every live session of a user (disabled, reset, or moved to another role or centre). */
  async revokeSessions(ex: Executor, userId: string, now: Date): Promise<void> {
    await ex
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  },
};
