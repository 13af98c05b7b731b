import type { Ticket } from "@dost/shared";
import type { TicketRow } from "../../db/schema.js";

/** Where a waiting ticket stands: tickets ahead of it in its service, and its expected wait. */
export interface TicketPlace {
  position: number;
  /** Null when no estimate can honestly be given (no counter open for it, none expected today). */
  estimatedWaitMinutes: number | null;
  /** The 80% band, when the estimator gives one. */
  estimatedWaitRange: { low: number; high: number } | null;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The contract's Ticket: a row, the counter holding it, and its place while it waits. */
export function toTicket(
  row: TicketRow,
  counter: { id: string; label: string } | null,
  place: TicketPlace | null,
): Ticket {
  const waiting = row.status === "waiting";
  return {
    id: row.id,
    publicId: row.publicId,
    centreId: row.centreId,
    serviceId: row.serviceId,
    code: row.code,
    status: row.status,
    priority: row.priority,
    issuedAt: row.issuedAt.toISOString(),
    calledAt: iso(row.calledAt),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    counter: waiting ? null : counter,
    position: waiting ? (place?.position ?? 0) : null,
    estimatedWaitMinutes: waiting ? (place ? place.estimatedWaitMinutes : 0) : null,
    estimatedWaitRange: waiting ? (place?.estimatedWaitRange ?? null) : null,
    language: row.language,
  };
}
