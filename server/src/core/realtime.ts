import type { RealtimeEvent } from "@dost/shared";

/**
 * The output port for live events, which modules use and the realtime plugin implements. Services
 * hand it the events of a committed transaction; the implementation alone knows which rooms hear
 * what.
 */

/** Events about a centre; `session:ended` goes to a session's sockets instead. */
export type CentreEvent = Exclude<RealtimeEvent, { name: "session:ended" }>;

export interface Publisher {
  publish(events: readonly CentreEvent[]): void;
  disconnectSession(sessionId: string): void;
  /** Cuts every socket of a disabled user, or of a revoked device, at once. */
  disconnectUser(userId: string): void;
  disconnectDevice(deviceId: string): void;
}
