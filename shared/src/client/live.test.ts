import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  connectLive,
  reconnectDelay,
  RECONNECT_MAX_DELAY_MS,
  type LiveConnection,
  type LiveOptions,
} from "./live.js";

// The connector against a real socket.io server on a local port: the wire, the handshake and the
// reconnection are socket.io's own, not a stand-in's.

const CENTRE = "0b6f1d2e-3c4a-4e5f-8a9b-0c1d2e3f4a5b";
const OTHER_SERVICE = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

interface TestServer {
  io: Server;
  http: HttpServer;
  url: string;
  port: number;
  /** Every handshake's credentials, in order. */
  handshakes: unknown[];
  /** Every subscribe request, in order. */
  subscriptions: unknown[];
}

const servers: TestServer[] = [];
const connections: LiveConnection[] = [];

/** A centre's server: a key "refused" is refused for good, "busy" is turned away once. */
async function startServer(port = 0): Promise<TestServer> {
  const http = createServer();
  const io = new Server(http);
  const server: TestServer = { io, http, url: "", port: 0, handshakes: [], subscriptions: [] };
  let busyOnce = true;
  io.use((socket, next) => {
    const auth = socket.handshake.auth as { deviceKey?: string };
    server.handshakes.push(auth);
    if (auth.deviceKey === "refused") return next(new Error("UNAUTHENTICATED"));
    if (auth.deviceKey === "busy" && busyOnce) {
      busyOnce = false;
      return next(new Error("UNAVAILABLE"));
    }
    next();
  });
  io.on("connection", (socket) => {
    void socket.join("centre");
    socket.on("subscribe", (payload: { centreId: string }, ack?: (r: { ok: boolean }) => void) => {
      server.subscriptions.push(payload);
      void socket.join(`watch:${payload.centreId}`);
      ack?.({ ok: true });
    });
  });
  await new Promise<void>((resolve) => http.listen(port, "127.0.0.1", resolve));
  server.port = (http.address() as AddressInfo).port;
  server.url = `http://127.0.0.1:${server.port}`;
  servers.push(server);
  return server;
}

async function stopServer(server: TestServer): Promise<void> {
  servers.splice(servers.indexOf(server), 1);
  await new Promise<void>((resolve) => void server.io.close(() => resolve()));
}

function connect(server: TestServer, options: Partial<LiveOptions>) {
  const seen = { resyncs: 0, refused: 0, statuses: [] as string[], invalid: [] as unknown[] };
  const connection = connectLive({
    url: server.url,
    auth: { deviceKey: "good" },
    on: {},
    onResync: () => void (seen.resyncs += 1),
    onRefused: () => void (seen.refused += 1),
    onStatus: (status) => void seen.statuses.push(status),
    onInvalid: (event, fields) => void seen.invalid.push({ event, fields }),
    random: () => 0,
    ...options,
  });
  connections.push(connection);
  return { connection, seen };
}

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.close();
  for (const server of [...servers]) await stopServer(server);
});

const queueChanged = { centreId: CENTRE, services: [] };

describe("the live connector", () => {
  it("hands over valid payloads and drops a malformed one without closing the connection", async () => {
    const server = await startServer();
    const received: unknown[] = [];
    const { seen } = connect(server, { on: { "queue:changed": (p) => void received.push(p) } });
    await vi.waitFor(() => expect(seen.resyncs).toBe(1));

    server.io.to("centre").emit("queue:changed", { centreId: "not-a-uuid", services: "many" });
    server.io.to("centre").emit("queue:changed", queueChanged);
    await vi.waitFor(() => expect(received).toEqual([queueChanged]));
    expect(seen.invalid).toEqual([{ event: "queue:changed", fields: ["centreId", "services"] }]);
    expect(seen.statuses).toEqual(["online"]);
  });

  it("reports a dropped payload by its field names only, never its values", async () => {
    const server = await startServer();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { seen } = connect(server, { on: { "queue:changed": () => undefined }, onInvalid: undefined });
    await vi.waitFor(() => expect(seen.resyncs).toBe(1));
    server.io.to("centre").emit("queue:changed", { centreId: "+994501234567", services: [] });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(String(warn.mock.calls[0]?.[0])).toContain("centreId");
    expect(String(warn.mock.calls[0]?.[0])).not.toContain("994501234567");
    warn.mockRestore();
  });

  it("subscribes, and after the server comes back reconnects, subscribes again and resyncs", async () => {
    const first = await startServer();
    const received: unknown[] = [];
    const { seen } = connect(first, {
      subscribe: { centreId: CENTRE },
      on: { "queue:changed": (p) => void received.push(p) },
    });
    // Once on connect, once when the subscription is confirmed.
    await vi.waitFor(() => expect(seen.resyncs).toBe(2));
    expect(first.subscriptions).toEqual([{ centreId: CENTRE }]);

    await stopServer(first);
    await vi.waitFor(() => expect(seen.statuses.at(-1)).toBe("offline"));
    const second = await startServer(first.port);
    await vi.waitFor(() => expect(seen.resyncs).toBe(4), { timeout: 15_000 });
    expect(second.subscriptions).toEqual([{ centreId: CENTRE }]);
    expect(seen.statuses.at(-1)).toBe("online");

    // The new subscription carries events again.
    second.io.to(`watch:${CENTRE}`).emit("queue:changed", {
      centreId: CENTRE,
      services: [{ serviceId: OTHER_SERVICE, waiting: 2, longestWaitSeconds: 60, estimatedWaitMinutes: 4 }],
    });
    await vi.waitFor(() => expect(received).toHaveLength(1));
  });

  it("reconnects after the server ended the session only when the app says it still holds", async () => {
    const server = await startServer();
    let stillSignedIn = true;
    const { seen } = connect(server, { onServerDisconnect: async () => stillSignedIn });
    await vi.waitFor(() => expect(seen.resyncs).toBe(1));

    server.io.disconnectSockets(true);
    await vi.waitFor(() => expect(seen.resyncs).toBe(2), { timeout: 15_000 });
    expect(server.handshakes).toHaveLength(2);

    stillSignedIn = false;
    server.io.disconnectSockets(true);
    await vi.waitFor(() => expect(seen.statuses.at(-1)).toBe("offline"));
    // A third handshake would mean it came back anyway: give the policy's longest delay to show it.
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_MAX_DELAY_MS));
    expect(server.handshakes).toHaveLength(2);
  });

  it("retries a handshake the server turned away for a passing reason", async () => {
    const server = await startServer();
    const { seen } = connect(server, { auth: { deviceKey: "busy" } });
    await vi.waitFor(() => expect(seen.resyncs).toBe(1), { timeout: 15_000 });
    expect(seen.statuses).toEqual(["offline", "online"]);
    expect(server.handshakes).toHaveLength(2);
  });

  it("stops for good when the credentials are refused", async () => {
    const server = await startServer();
    const { seen } = connect(server, { auth: { deviceKey: "refused" } });
    await vi.waitFor(() => expect(seen.refused).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_MAX_DELAY_MS));
    expect(server.handshakes).toHaveLength(1);
    expect(seen.resyncs).toBe(0);
  });
});

describe("the reconnect policy", () => {
  it("doubles from 1 s up to a 5 s cap, each delay jittered within its upper half", () => {
    const ceilings = [0, 1, 2, 3, 4, 10].map((attempt) => reconnectDelay(attempt, () => 1));
    expect(ceilings).toEqual([1000, 2000, 4000, 5000, 5000, 5000]);
    expect([0, 1, 2, 3].map((attempt) => reconnectDelay(attempt, () => 0))).toEqual([500, 1000, 2000, 2500]);
  });
});
