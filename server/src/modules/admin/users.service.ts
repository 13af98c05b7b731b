import type { AdminUser, CreateUserBody, PatchUserBody, Role } from "@dost/shared";
import { conflict, forbidden, invalid, notFound } from "../../lib/errors.js";
import { auditLog } from "../audit/index.js";
import { assertPasswordAcceptable, newTemporaryPassword } from "../auth/index.js";
import { hashPassword } from "../../lib/passwords.js";
import { guardUnique, scopedCentre, type AdminDeps, type Caller } from "./context.js";
import { userAdminRepository as repo, type UserRow } from "./users.repository.js";

export function toAdminUser(row: UserRow): AdminUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    centreId: row.centreId,
    mustChangePassword: row.mustChangePassword,
    disabled: row.disabledAt !== null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The roles a centre's manager may give and manage. */
const MANAGED_BY_MANAGER: readonly Role[] = ["staff", "volunteer"];
/** Roles that see every centre and belong to none. */
const CENTRELESS: readonly Role[] = ["admin", "viewer"];

const usernameTaken = (username: string) =>
  conflict(`The username ${username} is taken`, "username_taken", { params: { username } });

/**
 * How the installer and the demo seed set a known password instead of a temporary one: `password`
 * is checked by the policy; `passwordHash` (the demo's documented password, hashed once) is not.
 */
export interface InitialPassword {
  password?: string;
  passwordHash?: string;
  mustChangePassword: boolean;
}

/** Accounts: who works where in which role; temporary passwords; disabling leavers. */
export function createUserAdmin({
  db,
  clock,
  centres,
  publisher,
}: Pick<AdminDeps, "db" | "clock" | "centres" | "publisher">) {
  /** The centre a body names, by id or code; null stays null. */
  async function resolveCentre(ref: string | null | undefined): Promise<string | null | undefined> {
    if (ref === undefined || ref === null) return ref;
    const centre = await centres.find(db, ref);
    if (!centre) throw invalid("No such centre", [{ path: "centreId", message: "no such centre" }]);
    return centre.id;
  }

  function assertRoleFitsCentre(role: Role, centreId: string | null): void {
    if (CENTRELESS.includes(role) !== (centreId === null)) {
      throw invalid(
        CENTRELESS.includes(role)
          ? `A user of role ${role} belongs to no centre; send centreId: null`
          : `A user of role ${role} belongs to a centre; name it in centreId`,
        [{ path: "centreId", message: CENTRELESS.includes(role) ? "must be null" : "required" }],
        "role_centre_mismatch",
      );
    }
  }

  /** A manager manages staff and volunteers of its own centre, and nobody else. */
  function assertManages(caller: Caller, user: { role: Role; centreId: string | null }): void {
    const own = scopedCentre(caller);
    if (own === null) return;
    if (user.centreId !== own) throw forbidden("This user belongs to another centre", "centre_not_yours");
    if (!MANAGED_BY_MANAGER.includes(user.role))
      throw forbidden("A manager manages staff and volunteers only", "role_not_allowed");
  }

  return {
    async list(
      caller: Caller,
      query: { centreId?: string | undefined; role?: Role | undefined; includeDisabled: boolean },
    ): Promise<AdminUser[]> {
      const own = scopedCentre(caller);
      const centreId = (await resolveCentre(query.centreId)) ?? undefined;
      if (own !== null && centreId !== undefined && centreId !== own)
        throw forbidden("This centre is not yours", "centre_not_yours");
      let roles: readonly Role[] | undefined = query.role ? [query.role] : undefined;
      if (own !== null) roles = (roles ?? MANAGED_BY_MANAGER).filter((r) => MANAGED_BY_MANAGER.includes(r));
      const rows = await repo.list(db, {
        centreId: own ?? centreId,
        roles,
        includeDisabled: query.includeDisabled,
      });
      return rows.map(toAdminUser);
    },

    async create(
      caller: Caller,
      body: CreateUserBody,
      initial?: InitialPassword,
    ): Promise<{ user: AdminUser; temporaryPassword: string | null }> {
      const own = scopedCentre(caller);
      // A manager's users are of its centre; it may leave the centre out.
      const centreId = own !== null && body.centreId === null ? own : await resolveCentre(body.centreId);
      // A manager's reach first: it must not learn more about a role it may not create.
      assertManages(caller, { role: body.role, centreId: centreId ?? null });
      assertRoleFitsCentre(body.role, centreId ?? null);
      if (initial?.password !== undefined) assertPasswordAcceptable(initial.password, body, "password");
      const temporaryPassword = initial ? null : newTemporaryPassword();
      const passwordHash =
        initial?.passwordHash ?? (await hashPassword(initial?.password ?? temporaryPassword ?? ""));
      const row = await guardUnique(
        () =>
          db.transaction(async (tx) => {
            if (await repo.usernameTaken(tx, body.username)) throw usernameTaken(body.username);
            const row = await repo.insert(tx, {
              username: body.username,
              displayName: body.displayName,
              role: body.role,
              centreId: centreId ?? null,
              passwordHash,
              mustChangePassword: initial?.mustChangePassword ?? true,
            });
            await auditLog.record(tx, caller.actor, {
              kind: "user.created",
              at: clock.now(),
              centreId: row.centreId,
              target: { type: "user", id: row.id },
              after: toAdminUser(row),
            });
            return row;
          }),
        { users_username: () => usernameTaken(body.username) },
      );
      return { user: toAdminUser(row), temporaryPassword };
    },

    /**
     * Renames, moves, promotes or disables a user. Disabling, and any change of role or centre,
     * ends the user's sessions and cuts its live sockets; the system always keeps one enabled admin.
     */
    async update(caller: Caller, userId: string, patch: PatchUserBody): Promise<AdminUser> {
      const centreId = await resolveCentre(patch.centreId);
      const now = clock.now();
      const { row, ended } = await db.transaction(async (tx) => {
        const current = await repo.lock(tx, userId);
        if (!current) throw notFound("User");
        assertManages(caller, current);
        const role = patch.role ?? current.role;
        const centre = centreId === undefined ? current.centreId : centreId;
        assertManages(caller, { role, centreId: centre });
        assertRoleFitsCentre(role, centre);
        const disabledAt =
          patch.disabled === undefined
            ? current.disabledAt
            : patch.disabled
              ? (current.disabledAt ?? now)
              : null;
        const stillAdmin = role === "admin" && disabledAt === null;
        if (current.role === "admin" && current.disabledAt === null && !stillAdmin) {
          if ((await repo.otherActiveAdmins(tx, userId)) === 0)
            throw conflict("This is the last enabled administrator", "last_admin");
        }
        if (Object.keys(patch).length === 0) return { row: current, ended: false };
        const row = await repo.update(tx, userId, {
          displayName: patch.displayName ?? current.displayName,
          role,
          centreId: centre,
          disabledAt,
        });
        const ended =
          (disabledAt !== null && current.disabledAt === null) ||
          role !== current.role ||
          centre !== current.centreId;
        if (ended) await repo.revokeSessions(tx, userId, now);
        await auditLog.record(tx, caller.actor, {
          kind: "user.updated",
          at: now,
          centreId: row.centreId ?? current.centreId,
          target: { type: "user", id: userId },
          before: toAdminUser(current),
          after: toAdminUser(row),
          note: ended ? "sessions ended" : null,
        });
        return { row, ended };
      });
      if (ended) publisher.disconnectUser(userId);
      return toAdminUser(row);
    },

    /** A new temporary password, shown once; the user's sessions end and it must change it. */
    async resetPassword(caller: Caller, userId: string): Promise<{ temporaryPassword: string }> {
      const temporaryPassword = newTemporaryPassword();
      const passwordHash = await hashPassword(temporaryPassword);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const current = await repo.lock(tx, userId);
        if (!current) throw notFound("User");
        assertManages(caller, current);
        await repo.update(tx, userId, { passwordHash, mustChangePassword: true, passwordChangedAt: now });
        await repo.revokeSessions(tx, userId, now);
        await auditLog.record(tx, caller.actor, {
          kind: "user.password_reset",
          at: now,
          centreId: current.centreId,
          target: { type: "user", id: userId },
        });
      });
      publisher.disconnectUser(userId);
      return { temporaryPassword };
    },
  };
}

export type UserAdmin = ReturnType<typeof createUserAdmin>;
