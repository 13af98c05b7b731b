import { z } from "zod";
import type { AlertCleared, AlertRaised } from "../api/monitoring.js";
import { ticketSchema } from "../api/tickets.js";

export const ticketCalledSchema = z.object({
  centreId: z.uuid(),
  ticketId: z.uuid(),
  code: z.string(),
  serviceId: z.uuid(),
  counter: z.object({ id: z.uuid(), label: z.string(), zone: z.string() }),
  calledAt: z.iso.datetime({ offset: true }),
  recall: z.boolean(),
});
export type TicketCalled = z.infer<typeof ticketCalledSchema>;

export const ticketUpdatedSchema = z.object({ centreId: z.uuid(), ticket: ticketSchema });
export type TicketUpdated = z.infer<typeof ticketUpdatedSchema>;

export const queueServiceSchema = z.object({
  serviceId: z.uuid(),
  waiting: z.number().int(),
  longestWaitSeconds: z.number(),
  estimatedWaitMinutes: z.number(),
});
export type QueueService = z.infer<typeof queueServiceSchema>;

export const queueChangedSchema = z.object({
  centreId: z.uuid(),
  services: z.array(queueServiceSchema),
});
export type QueueChanged = z.infer<typeof queueChangedSchema>;

export const counterChangedSchema = z.object({
  centreId: z.uuid(),
  counterId: z.uuid(),
});
export type CounterChanged = z.infer<typeof counterChangedSchema>;

export const displayChangedSchema = z.object({ centreId: z.uuid() });
export type DisplayChanged = z.infer<typeof displayChangedSchema>;

export const sessionEndedSchema = z.object({ reason: z.enum(["signed_out", "revoked"]) });
export type SessionEnded = z.infer<typeof sessionEndedSchema>;

/** Server → client events; the map types both the server's broadcaster and the apps' sockets. */
export interface ServerToClientEvents {
  "ticket:called": (payload: TicketCalled) => void;
  "ticket:updated": (payload: TicketUpdated) => void;
  /**
   * To a waiting ticket's own status page only: its place in the queue moved (others were called,
   * or someone with priority came in). Same payload as ticket:updated.
   */
  "ticket:place": (payload: TicketUpdated) => void;
  /** To a signed-in user's sockets just before they are disconnected: the session was ended. */
  "session:ended": (payload: SessionEnded) => void;
  "queue:changed": (payload: QueueChanged) => void;
  "counter:changed": (payload: CounterChanged) => void;
  /** The display's settings changed (its message line): refetch display-state. */
  "display:changed": (payload: DisplayChanged) => void;
  /**
   * To the centre's managers, and the admins and viewers watching it (never its counters): an alert
   * started, or turned critical (same id, `severity: "critical"`).
   */
  "alert:raised": (payload: AlertRaised) => void;
  /** To the same audience: the alert's condition has ended. */
  "alert:cleared": (payload: AlertCleared) => void;
}

export interface ClientToServerEvents {
  subscribe: (payload: { centreId: string }, ack?: (result: { ok: boolean; error?: string }) => void) => void;
}

/** Handshake credentials; exactly one is expected. */
export const socketAuthSchema = z.union([
  z.object({ token: z.string().min(1).max(200) }),
  z.object({ deviceKey: z.string().min(1).max(200) }),
  z.object({ publicId: z.string().regex(/^[A-Za-z0-9_-]{22}$/) }),
]);

export type RealtimeEvent = {
  [K in keyof ServerToClientEvents]: {
    name: K;
    payload: Parameters<ServerToClientEvents[K]>[0];
  };
}[keyof ServerToClientEvents];
