import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { unauthenticated } from "../../lib/errors.js";
import type { CentreDirectory } from "../../modules/catalog/centre-directory.js";
import type { TicketService } from "../../modules/tickets/tickets.service.js";
import type { Publisher, SocketServer } from "../realtime/publisher.js";
import { createInstruments } from "./instruments.js";
import { observePublisher, observeTickets } from "./observers.js";
import { refreshGauges } from "./scrape.js";

export interface MetricsDeps {
  /** METRICS_TOKEN; without it there is no /metrics (404) and nothing is measured. */
  token: string | undefined;
  db: Db;
  clock: Clock;
  centres: Pick<CentreDirectory, "find" | "all">;
}

/** What app.ts wires in: two decorators and a plugin, each a no-op when metrics are off. */
export interface Metrics {
  observeTickets(tickets: TicketService): TicketService;
  observePublisher(publisher: Publisher): Publisher;
  plugin(app: FastifyInstance): Promise<void>;
}

/** Compares digests, so neither the token's content nor its length leaks through timing. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(token));
}

export function createMetrics(deps: MetricsDeps): Metrics {
  const { token } = deps;
  if (!token) {
    return {
      observeTickets: (tickets) => tickets,
      observePublisher: (publisher) => publisher,
      plugin: async () => undefined,
    };
  }
  const instruments = createInstruments();
  const findCentre = (centreId: string) => deps.centres.find(deps.db, centreId);
  return {
    observeTickets: (tickets) => observeTickets(tickets, instruments, findCentre),
    observePublisher: (publisher) => observePublisher(publisher, instruments, findCentre),
    // fastify-plugin: the hook must see every route, not only those of an encapsulated child.
    plugin: fp(
      async (app: FastifyInstance) => {
        // One histogram observation per response, keyed by the route template: the raw URL would
        // hold ticket ids and ?key= device keys, and give every request a series of its own.
        app.addHook("onResponse", async (request, reply) => {
          instruments.httpDuration.observe(
            {
              method: request.method,
              route: request.routeOptions.url ?? "unmatched",
              status: String(reply.statusCode),
            },
            reply.elapsedTime / 1000,
          );
        });

        app.get(
          "/metrics",
          { config: { access: { public: true } }, schema: { hide: true } },
          async (request, reply) => {
            if (!bearerMatches(request.headers.authorization, token)) {
              reply.header("www-authenticate", 'Bearer realm="metrics"');
              throw unauthenticated("GET /metrics needs Authorization: Bearer <METRICS_TOKEN>");
            }
            await refreshGauges(
              {
                db: deps.db,
                clock: deps.clock,
                centres: deps.centres,
                io: () => (app.hasDecorator("io") ? (app.io as SocketServer | undefined) : undefined),
              },
              instruments,
            );
            return reply
              .header("content-type", instruments.registry.contentType)
              .header("cache-control", "no-store")
              .send(await instruments.registry.metrics());
          },
        );
      },
      { name: "metrics", dependencies: ["errors"] },
    ),
  };
}
