import { centreParamsSchema } from "@dost/shared";
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault, RouteShorthandOptions } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { centreIdOf } from "./access.js";
import type { Audience } from "./principal.js";

type ZodApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * The read many features answer about one centre: `GET /centres/:centreId/<what>?…`, the centre
 * resolved (and the caller admitted to it) by the access rule, the query and the answer validated by
 * their schemas, one service call with the centre's id.
 */
export function centreGet<Query extends z.ZodType, Answer extends z.ZodType>(
  app: ZodApp,
  what: string,
  spec: { audience: readonly Audience[]; tags: string[]; querystring: Query; response: Answer },
  answer: (centreId: string, query: z.output<Query>) => Promise<z.input<Answer>>,
): void {
  // Registered untyped: the provider cannot resolve a generic schema's types (query or reply);
  // this function's signature carries them, and the schemas still validate both at run time.
  const options: RouteShorthandOptions = {
    config: { access: { audience: spec.audience, centre: "param" } },
    schema: {
      tags: spec.tags,
      params: centreParamsSchema,
      querystring: spec.querystring,
      response: { 200: spec.response },
    },
  };
  (app as FastifyInstance).get(`/centres/:centreId/${what}`, options, async (request) =>
    answer(centreIdOf(request), request.query as z.output<Query>),
  );
}
