import type { Language, Priority } from "@dost/shared";
import type { Executor } from "../../db/client.js";
import { newPublicId } from "../../lib/tokens.js";
import { actorOf, type Principal } from "../../core/principal.js";
import type { TicketRow } from "../../db/schema.js";
import { auditActorOf, auditLog } from "../audit/index.js";
import { ticketsRepository } from "./tickets.repository.js";

export interface IssueWithinArgs {
  centreId: string;
  serviceDay: string;
  service: { id: string; prefix: string };
  priority: Priority;
  language: Language;
  now: Date;
  principal: Principal;
  /** A checked-in appointment: its id and slot start, which the queue policy rewards from then on. */
  appointment: { id: string; start: Date } | null;
  /** The client's address, for the audit row of a volunteer's action. */
  address?: string | null | undefined;
}

export function ticketCode(prefix: string, number: number): string {
  return `${prefix}${String(number).padStart(3, "0")}`;
}

/**
 * Creates a waiting ticket inside the caller's transaction: the next gapless number, the row and
 * its event. Used by walk-in issuing and by appointment check-in.
 */
export async function issueWithin(
  tx: Executor,
  args: IssueWithinArgs,
  repo: Pick<typeof ticketsRepository, "nextNumber" | "insert" | "appendEvent"> = ticketsRepository,
): Promise<TicketRow> {
  const number = await repo.nextNumber(tx, args.centreId, args.serviceDay, args.service.prefix);
  const row = await repo.insert(tx, {
    publicId: newPublicId(),
    centreId: args.centreId,
    serviceId: args.service.id,
    serviceDay: args.serviceDay,
    prefix: args.service.prefix,
    number,
    code: ticketCode(args.service.prefix, number),
    priority: args.priority,
    language: args.language,
    issuedAt: args.now,
    queuedAt: args.now,
    appointmentAt: args.appointment?.start ?? null,
    appointmentId: args.appointment?.id ?? null,
  });
  await repo.appendEvent(tx, {
    ticketId: row.id,
    centreId: args.centreId,
    at: args.now,
    action: args.appointment ? "check_in" : "issue",
    fromStatus: null,
    toStatus: "waiting",
    serviceId: args.service.id,
    ...actorOf(args.principal),
  });
  await recordVolunteerAction(tx, args, row);
  return row;
}

/** A volunteer, whose every ticket has an audit row (recordVolunteerAction). */
export function actsForVisitor(principal: Principal): boolean {
  return principal.kind === "user" && principal.user.role === "volunteer";
}

/**
 * A volunteer acts for a visitor who is not at the keyboard: each ticket it issues or checks in is
 * in the audit trail, and a priority it marks is one it says it confirmed with the person (the
 * tablet asks for that confirmation before a priority can be sent).
 */
async function recordVolunteerAction(tx: Executor, args: IssueWithinArgs, row: TicketRow): Promise<void> {
  const { principal } = args;
  if (!actsForVisitor(principal)) return;
  await auditLog.record(tx, auditActorOf(principal, args.address ?? null), {
    kind: args.appointment ? "volunteer.checked_in" : "volunteer.ticket_issued",
    at: args.now,
    centreId: args.centreId,
    target: { type: "ticket", id: row.id },
    after: {
      code: row.code,
      serviceId: row.serviceId,
      priority: row.priority,
      ...(args.appointment ? { appointmentId: args.appointment.id } : {}),
    },
    note:
      row.priority === "none" ? null : `priority ${row.priority} confirmed with the visitor by the volunteer`,
  });
}
