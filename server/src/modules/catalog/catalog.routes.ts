import { centreParamsSchema, centresResponseSchema, servicesResponseSchema } from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { CatalogService } from "./catalog.service.js";

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
};
