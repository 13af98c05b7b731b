import {
  centreParamsSchema,
  centresResponseSchema,
  publicWaitsResponseSchema,
  servicesResponseSchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PUBLIC_WAITS_CACHE_MS, type CatalogService } from "./catalog.service.js";

export const catalogRoutes: FastifyPluginAsyncZod<{
  catalog: CatalogService;
  publicPerMinute: number;
}> = async (app, { catalog, publicPerMinute }) => {
  const rateLimit = { max: publicPerMinute, timeWindow: 60_000 };

  app.get(
    "/centres",
    {
      config: { access: { public: true }, rateLimit },
      schema: { tags: ["catalog"], response: { 200: centresResponseSchema } },
    },
    async () => ({ centres: await catalog.centres() }),
  );

  app.get(
    "/centres/:centreId/services",
    {
      config: { access: { public: true }, rateLimit },
      schema: { tags: ["catalog"], params: centreParamsSchema, response: { 200: servicesResponseSchema } },
    },
    async (request) => catalog.services(request.params.centreId),
  );

  // Open data: anyone may read it, from any origin, and cache it as long as the server does.
  app.get(
    "/public/waits",
    {
      config: { access: { public: true }, rateLimit },
      schema: { tags: ["catalog"], response: { 200: publicWaitsResponseSchema } },
    },
    async (_request, reply) => {
      reply
        .header("cache-control", `public, max-age=${PUBLIC_WAITS_CACHE_MS / 1000}`)
        .header("access-control-allow-origin", "*")
        .header("cross-origin-resource-policy", "cross-origin");
      return catalog.publicWaits();
    },
  );
};
