import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the provider answers the next request: a status and JSON body, or no answer at all. */
export type ProviderReply = { status: number; body?: unknown; delayMs?: number } | { stall: true };

/**
 * A real HTTP server on 127.0.0.1, port 0, standing in for an SMS provider. It records every
 * request and answers from a queue of replies (200 with a fresh message id when the queue is
 * empty). A stalled request hangs until `releaseStalled()` or `close()`.
 */
export async function startSmsProvider() {
  const requests: ReceivedRequest[] = [];
  const replies: ProviderReply[] = [];
  const stalled = new Set<ServerResponse>();
  const waiters: (() => void)[] = [];
  let counter = 0;

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    // A fresh connection per request: a kept-alive one that the server closes while the client
    // idles (a test migrating a database for seconds) would fail the next send with ECONNRESET.
    res.writeHead(status, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({
        method: req.method ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      for (const w of waiters.splice(0)) w();
      const reply = replies.shift() ?? { status: 200 };
      if ("stall" in reply) {
        stalled.add(res);
        res.on("close", () => stalled.delete(res));
        return;
      }
      const body = reply.body ?? { messages: [{ id: `prov-${++counter}`, status: "accepted" }] };
      if (reply.delayMs) setTimeout(() => answer(res, reply.status, body), reply.delayMs);
      else answer(res, reply.status, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/sms/send`,
    requests,
    /** Replies for the next requests, in order. */
    reply(...next: ProviderReply[]) {
      replies.push(...next);
    },
    get stalledCount() {
      return stalled.size;
    },
    /** Resolves once `count` requests have arrived in all. */
    async waitForRequests(count: number): Promise<void> {
      while (requests.length < count) await new Promise<void>((r) => waiters.push(r));
    },
    releaseStalled(status = 200) {
      for (const res of [...stalled]) answer(res, status, { messages: [{ id: `prov-${++counter}` }] });
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

export type SmsProvider = Awaited<ReturnType<typeof startSmsProvider>>;

/** Collects a Fastify (pino) logger's output, to prove what never reaches a log. */
export function captureLog() {
  const lines: string[] = [];
  return {
    lines,
    logger: { level: "info", stream: { write: (line: string) => void lines.push(line) } },
    get text() {
      return lines.join("");
    },
  };
}
