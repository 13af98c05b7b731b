import type { Language, Priority } from "@dost/shared";
import type { Executor } from "../../db/client.js";
import { newPublicId } from "../../lib/tokens.js";
import { actorOf, type Principal } from "../../core/principal.js";
import type { TicketRow } from "../../db/schema.js";
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
  return row;
}
