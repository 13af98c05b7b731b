import type { Counter } from "@dost/shared";
import { toTicket } from "../queue/index.js";
import type { countersRepository } from "./counters.repository.js";

type CounterWithState = Awaited<ReturnType<typeof countersRepository.listWithState>>[number];

/** The contract's Counter: the row, who staffs it and the visitor at it. */
export function toCounter({ counter, user, ticket }: CounterWithState): Counter {
  return {
    id: counter.id,
    centreId: counter.centreId,
    label: counter.label,
    zone: counter.zone,
    status: counter.status,
    serviceIds: counter.serviceIds,
    breakReason: counter.breakReason,
    statusSince: counter.statusSince?.toISOString() ?? null,
    user,
    currentTicket: ticket ? toTicket(ticket, { id: counter.id, label: counter.label }, null) : null,
  };
}
