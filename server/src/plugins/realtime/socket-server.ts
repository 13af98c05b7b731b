import type { Server as HttpServer } from "node:http";
import { socketAuthSchema } from "@dost/shared";
import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisStreamsAdapter } from "@socket.io/redis-streams-adapter";
import type pg from "pg";
import { createClient } from "redis";
import { Server } from "socket.io";
import { SESSION_COOKIE } from "../../core/access.js";
import { canAccessCentre, homeCentre, type Authenticate, type Principal } from "../../core/principal.js";
import { watchCredentials, type CredentialWatchDeps } from "./credential-watch.js";
import type { Delivery, SocketServer } from "./publisher.js";
import { rooms } from "./rooms.js";

export interface SocketServerOptions {
  pool: pg.Pool | undefined;
  redisUrl: string | undefined;
}

/** What the handshake needs from the modules, as functions: plugins import no module. */
export interface SocketAuthDeps {
  authenticate: Authenticate;
  /** Of these sessions and devices, the ones still valid (see credential-watch.ts). */
  liveCredentials: CredentialWatchDeps["liveCredentials"];
  /** How often every socket's session or device key is checked again (default 2 s). */
  credentialCheckMs?: number;
  findCentre(ref: string): Promise<{ id: string } | null>;
  /** Whether a ticket with this public id exists (its status page may listen to it). */
  ticketExists(publicId: string): Promise<boolean>;
}

function cookieToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/**
 * The socket.io server with its adapter, before anyone may connect: the publisher is made from it,
 * the services from the publisher, and `authenticateSockets` then opens it with their functions.
 */
export async function createSocketServer(
  http: HttpServer,
  deps: SocketServerOptions,
): Promise<{ io: SocketServer; delivery: Delivery; close(): Promise<void> }> {
  const io: SocketServer = new Server(http, {
    path: "/socket.io",
    serveClient: false,
    // A display that dies is noticed within about 15 s.
    pingInterval: 10_000,
    pingTimeout: 5_000,
    maxHttpBufferSize: 16_384,
    connectionStateRecovery: deps.redisUrl ? { maxDisconnectionDuration: 120_000 } : undefined,
  });

  let redis: ReturnType<typeof createClient> | undefined;
  if (deps.redisUrl) {
    redis = createClient({ url: deps.redisUrl });
    await redis.connect();
    io.adapter(createRedisStreamsAdapter(redis));
  } else if (deps.pool) {
    io.adapter(createPostgresAdapter(deps.pool, { errorHandler: () => undefined }));
  }

  return {
    io,
    delivery: redis ? { kind: "adapter" } : { kind: "local-first", crossProcess: deps.pool !== undefined },
    /**
     * Drops every socket and the adapter's listener but leaves the HTTP server to Fastify, which
     * closes it next (io.close() would close it too, and twice is an error). New handshakes are
     * refused first: a display dropped here reconnects, and must land on another replica (the load
     * balancer moves on once this process stops listening, right after), not here again.
     */
    async close() {
      io.engine.opts.allowRequest = (_request, refuse) => refuse("server shutting down", false);
      io.local.disconnectSockets(true);
      await Promise.resolve(io.of("/").adapter.close()).catch(() => undefined);
      io.engine.close();
      await redis?.quit().catch(() => undefined);
    },
  };
}

/** Alerts are for those who run or oversee a centre, not for its counters. */
const monitors = (principal: Principal): boolean =>
  principal.kind === "user" &&
  (principal.user.role === "manager" || principal.user.role === "admin" || principal.user.role === "viewer");

/**
 * Checks every handshake and puts each socket in the rooms its credentials allow, and keeps checking
 * those credentials while it is connected; `stop()` ends that watch.
 */
export function authenticateSockets(io: SocketServer, deps: SocketAuthDeps): { stop(): void } {
  io.use(async (socket, next) => {
    try {
      const parsed = socketAuthSchema.safeParse(socket.handshake.auth);
      const cookie = cookieToken(socket.handshake.headers.cookie);
      if (parsed.success && "publicId" in parsed.data) {
        if (!(await deps.ticketExists(parsed.data.publicId))) return next(new Error("UNAUTHENTICATED"));
        await socket.join(rooms.ticket(parsed.data.publicId));
        return next();
      }
      const credentials = parsed.success ? parsed.data : cookie ? { token: cookie } : {};
      const principal = await deps.authenticate(credentials);
      if (!principal) return next(new Error("UNAUTHENTICATED"));
      // A temporary password must be changed before anything else, live updates included.
      if (principal.kind === "user" && (principal.user.mustChangePassword || principal.user.mustEnrolMfa))
        return next(new Error("FORBIDDEN"));
      socket.data.principal = principal;
      const centreId = homeCentre(principal);
      if (principal.kind === "device") {
        await socket.join(rooms.device(principal.device.id));
        await socket.join(
          principal.device.kind === "display"
            ? rooms.centreDisplays(principal.device.centreId)
            : rooms.centreKiosks(principal.device.centreId),
        );
      } else {
        await socket.join([rooms.session(principal.sessionId), rooms.user(principal.user.id)]);
        if (centreId) await socket.join(rooms.centreStaff(centreId));
        if (centreId && monitors(principal)) await socket.join(rooms.centreMonitors(centreId));
      }
      return next();
    } catch {
      return next(new Error("UNAVAILABLE"));
    }
  });

  io.on("connection", (socket) => {
    // An admin watches any centre; others are already in their own centre's rooms.
    socket.on("subscribe", async (payload, ack) => {
      const principal = socket.data.principal;
      const centre =
        typeof payload?.centreId === "string"
          ? await deps.findCentre(payload.centreId).catch(() => null)
          : null;
      if (!principal || principal.kind !== "user" || !centre || !canAccessCentre(principal, centre.id)) {
        if (typeof ack === "function") ack({ ok: false, error: "FORBIDDEN" });
        return;
      }
      await socket.join(rooms.centreStaff(centre.id));
      if (monitors(principal)) await socket.join(rooms.centreMonitors(centre.id));
      if (typeof ack === "function") ack({ ok: true });
    });
  });

  const watch = watchCredentials(io, {
    liveCredentials: deps.liveCredentials,
    intervalMs: deps.credentialCheckMs ?? 2_000,
  });
  return { stop: () => watch.stop() };
}
