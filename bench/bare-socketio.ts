/**
 * The ceiling for publishing: socket.io alone, configured as the server's (same path, ping timing,
 * buffer limit), with no database, no adapter and no authentication beyond naming a room. A display
 * socket joins the room it names; `POST /trigger {room}` broadcasts one `ticket:called` shaped like
 * the server's to that room and answers with its ticketId, as call-next answers with the ticket.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { serveWorker } from "./lib/worker-channel.js";

export interface BareServerReady {
  url: string;
  pid: number;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}

serveWorker<Record<string, never>, BareServerReady>(async (channel) => {
  await channel.next(30_000);
  const serviceId = randomUUID();
  const counter = { id: randomUUID(), label: "5", zone: "main" };

  async function trigger(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== "POST" || request.url !== "/trigger") {
      response.writeHead(404).end();
      return;
    }
    const { room } = JSON.parse(await readBody(request)) as { room: string };
    const ticketId = randomUUID();
    io.to(room).emit("ticket:called", {
      centreId: room,
      ticketId,
      code: "A042",
      serviceId,
      counter,
      calledAt: new Date().toISOString(),
      recall: false,
    });
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ticketId }));
  }

  const http = createServer((request, response) => {
    trigger(request, response).catch(() => response.writeHead(400).end());
  });
  const io = new Server(http, {
    path: "/socket.io",
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 5_000,
    maxHttpBufferSize: 16_384,
  });
  io.use((socket, next) => {
    const room: unknown = socket.handshake.auth.room;
    if (typeof room !== "string") return next(new Error("UNAUTHENTICATED"));
    void socket.join(room);
    return next();
  });

  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  channel.send({ url: `http://127.0.0.1:${port}`, pid: process.pid });
  // Serves until the orchestrator stops it (SIGTERM) or goes away (IPC disconnect).
  await new Promise<never>(() => undefined);
});
