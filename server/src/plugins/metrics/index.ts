import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Publisher } from "../../core/realtime.js";
import { unauthenticated } from "../../lib/errors.js";
import type { SocketServer } from "../realtime/publisher.js";
import { createInstruments } from "./instruments.js";
import { centreLabeller, ISSUING_ROUTES, observePublisher, type CentreCode } from "./observers.js";
import { refreshGauges, type GaugeSources } from "./scrape.js";

export interface MetricsDeps extends Omit<GaugeSources, "io"> {
  /** METRICS_TOKEN; without it there is no /metrics (404) and nothing is measured. */
  token: string | undefined;
  centreCode: CentreCode;
}

/** What app.ts wires in: a decorator and a plugin, each a no-op when metrics are off. */
export interface Metrics {
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
    return { observePublisher: (publisher) => publisher, plugin: async () => undefined };
  }
  const instruments = createInstruments();
  const issuedAt = centreLabeller(deps.centreCode);
  return {
    observePublisher: (publisher) => observePublisher(publisher, instruments, deps.centreCode),
    // fastify-plugin: the hook must see every route, not only those of an encapsulated child.
    plugin: fp(
      async (app: FastifyInstance) => {
        // One histogram observation per response, keyed by the route template: the raw URL would
        // hold ticket ids and ?key= device keys, and give every request a series of its own.
        app.addHook("onResponse", async (request, reply) => {
          const route = request.routeOptions.url ?? "unmatched";
          instruments.httpDuration.observe(
            { method: request.method, route, status: String(reply.statusCode) },
            reply.elapsedTime / 1000,
          );
          if (
            reply.statusCode === 201 &&
            request.centreId &&
            ISSUING_ROUTES.has(`${request.method} ${route}`)
          ) {
            issuedAt(request.centreId, (centre) => instruments.ticketsIssued.inc({ centre }));
          }
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
                ...deps,
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
