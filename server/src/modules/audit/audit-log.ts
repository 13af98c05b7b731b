import type { AuditEvent, AuditKind } from "@dost/shared";
import type { Executor } from "../../db/client.js";
import type { Principal } from "../../core/principal.js";
import { auditRepository, type AuditFilter, type AuditRow } from "./audit.repository.js";

/** Who did it, from where: the principal's ids and a snapshot of its name, and the client's address. */
export interface AuditActor {
  userId: string | null;
  deviceId: string | null;
  name: string;
  address: string | null;
}

/** The installer (`admin:create`) and the demo seed act as nobody in particular. */
export const systemActor = (name = "system"): AuditActor => ({
  userId: null,
  deviceId: null,
  name,
  address: null,
});

export function auditActorOf(principal: Principal, address: string | null): AuditActor {
  return principal.kind === "user"
    ? { userId: principal.user.id, deviceId: null, name: principal.user.username, address }
    : { userId: null, deviceId: principal.device.id, name: principal.device.name, address };
}

export interface AuditEntry {
  kind: AuditKind;
  at: Date;
  centreId?: string | null | undefined;
  target?: { type: string; id: string } | null | undefined;
  /** The target as it was and as it is: never a password hash, a key or a token. */
  before?: unknown;
  after?: unknown;
  note?: string | null | undefined;
}

/**
 * The append-only audit trail. `record` runs inside the caller's transaction, so a change and its
 * audit row are committed together or not at all.
 */
export const auditLog = {
  async record(ex: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
    await auditRepository.insert(ex, {
      at: entry.at,
      actorUserId: actor.userId,
      actorDeviceId: actor.deviceId,
      actorName: actor.name.slice(0, 200),
      address: actor.address,
      centreId: entry.centreId ?? null,
      kind: entry.kind,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      note: entry.note ?? null,
    });
  },

  async list(
    ex: Executor,
    filter: AuditFilter,
  ): Promise<{ events: AuditEvent[]; nextCursor: string | null }> {
    // One more than asked tells whether another page follows.
    const rows = await auditRepository.list(ex, { ...filter, limit: filter.limit + 1 });
    const page = rows.slice(0, filter.limit);
    const more = rows.length > filter.limit;
    return { events: page.map(toAuditEvent), nextCursor: more ? String(page.at(-1)!.id) : null };
  },
};

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actor: { userId: row.actorUserId, deviceId: row.actorDeviceId, name: row.actorName },
    address: row.address,
    centreId: row.centreId,
    kind: row.kind as AuditKind,
    target: row.targetType && row.targetId ? { type: row.targetType, id: row.targetId } : null,
    before: row.before ?? null,
    after: row.after ?? null,
    note: row.note,
  };
}
