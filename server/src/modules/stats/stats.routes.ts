import {
  centreParamsSchema,
  liveStatsResponseSchema,
  nationalStatsResponseSchema,
  reportQuerySchema,
  reportResponseSchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { centreIdOf } from "../../core/access.js";
import { reportCsv } from "./report-csv.js";
import type { StatsService } from "./stats.service.js";

export const statsRoutes: FastifyPluginAsyncZod<{ stats: StatsService }> = async (app, { stats }) => {
  app.get(
    "/centres/:centreId/stats/live",
    {
      config: { access: { audience: ["manager", "viewer"], centre: "param" } },
      schema: {
        tags: ["monitoring"],
        params: centreParamsSchema,
        response: { 200: liveStatsResponseSchema },
      },
    },
    async (request) => stats.live(centreIdOf(request)),
  );

  app.get(
    "/stats/national",
    {
      config: { access: { audience: ["admin", "viewer"] } },
      schema: { tags: ["monitoring"], response: { 200: nationalStatsResponseSchema } },
    },
    async () => stats.national(),
  );

  app.get(
    "/reports/summary",
    {
      config: { access: { audience: ["manager", "viewer"], centre: "query" } },
      // JSON, or with format=csv a CSV document (sent as text by its own serializer).
      schema: {
        tags: ["monitoring"],
        querystring: reportQuerySchema,
        response: { 200: reportResponseSchema.or(z.string()) },
      },
    },
    async (request, reply) => {
      const report = await stats.report(request.centreId, request.query);
      if (request.query.format === "json") return report;
      const name = `dost-report-${request.query.from}-${request.query.to}-${request.query.groupBy}.csv`;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}"`)
        .serializer((body: unknown) => body as string)
        .send(reportCsv(report, request.query.language));
    },
  );
};
