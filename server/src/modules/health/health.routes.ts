import { healthResponseSchema } from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** 200 while the database answers, 503 while it does not; it recovers by itself, as the pool does. */
export const healthRoutes: FastifyPluginAsyncZod<{ ping(): Promise<void> }> = async (app, { ping }) => {
  app.get(
    "/health",
    {
      config: { access: { public: true } },
      schema: { tags: ["health"], response: { 200: healthResponseSchema, 503: healthResponseSchema } },
    },
    async (_request, reply) => {
      try {
        await Promise.race([
          ping(),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error("health check timed out")), 3000).unref(),
          ),
        ]);
        return { status: "ok" as const, db: "ok" as const };
      } catch {
        return reply.code(503).send({ status: "degraded" as const, db: "down" as const });
      }
    },
  );
};
