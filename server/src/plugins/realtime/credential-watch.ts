import type { SocketServer } from "./publisher.js";

export interface CredentialWatchDeps {
  /** Of these sessions and devices, the ones still valid; one query for all of them. */
  liveCredentials(sessionIds: readonly string[], deviceIds: readonly string[]): Promise<Set<string>>;
  intervalMs: number;
}

/**
 * A socket is authenticated once, at its handshake; this keeps it honest afterwards. Every few
 * seconds the sessions and device keys of all this process's sockets are checked in one query, and
 * the sockets of a session that expired or was revoked, of a disabled user, or of a revoked device
 * are cut. Changes made in this process also disconnect at once (the publisher's disconnectUser and
 * disconnectDevice); this check is what covers other processes and plain expiry, within
 * `intervalMs` plus one query.
 */
export function watchCredentials(io: SocketServer, deps: CredentialWatchDeps) {
  let running = false;

  async function check(): Promise<void> {
    if (running) return;
    running = true;
    try {
      const watched = [...io.of("/").sockets.values()].flatMap((socket) => {
        const principal = socket.data.principal;
        if (!principal) return [];
        const id = principal.kind === "user" ? principal.sessionId : principal.device.id;
        return [{ socket, id, user: principal.kind === "user" }];
      });
      if (watched.length === 0) return;
      const sessionIds = [...new Set(watched.filter((w) => w.user).map((w) => w.id))];
      const deviceIds = [...new Set(watched.filter((w) => !w.user).map((w) => w.id))];
      const live = await deps.liveCredentials(sessionIds, deviceIds);
      for (const { socket, id, user } of watched) {
        if (live.has(id)) continue;
        if (user) socket.emit("session:ended", { reason: "revoked" });
        socket.disconnect(true);
      }
    } catch {
      // The database is away: keep everyone connected rather than cut every socket; try again later.
    } finally {
      running = false;
    }
  }

  const timer = setInterval(() => void check(), deps.intervalMs);
  timer.unref();
  return {
    check,
    stop(): void {
      clearInterval(timer);
    },
  };
}
