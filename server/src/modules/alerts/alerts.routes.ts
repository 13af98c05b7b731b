import {
  alertsQuerySchema,
  alertsResponseSchema,
  alertThresholdsResponseSchema,
  alertThresholdsSchema,
  centreParamsSchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { centreIdOf, principalOf } from "../../core/access.js";
import { auditActorOf } from "../audit/index.js";
import type { AlertsService } from "./alerts.service.js";

const tags = ["monitoring"];

export const alertsRoutes: FastifyPluginAsyncZod<{ alerts: AlertsService }> = async (app, { alerts }) => {
  app.get(
    "/centres/:centreId/alerts",
    {
      config: { access: { audience: ["manager", "viewer"], centre: "param" } },
      schema: {
        tags,
        params: centreParamsSchema,
        querystring: alertsQuerySchema,
        response: { 200: alertsResponseSchema },
      },
    },
    async (request) => ({
      alerts: await alerts.list(
        centreIdOf(request),
        request.query.since ? new Date(request.query.since) : null,
      ),
    }),
  );

  app.get(
    "/admin/centres/:centreId/alert-thresholds",
    {
      config: { access: { audience: ["manager", "viewer"], centre: "param" } },
      schema: { tags, params: centreParamsSchema, response: { 200: alertThresholdsResponseSchema } },
    },
    async (request) => ({ thresholds: await alerts.thresholds(centreIdOf(request)) }),
  );

  app.put(
    "/admin/centres/:centreId/alert-thresholds",
    {
      config: { access: { audience: ["manager"], centre: "param" } },
      schema: {
        tags,
        params: centreParamsSchema,
        body: alertThresholdsSchema,
        response: { 200: alertThresholdsResponseSchema },
      },
    },
    async (request) => ({
      thresholds: await alerts.setThresholds(
        centreIdOf(request),
        request.body,
        auditActorOf(principalOf(request), request.ip),
      ),
    }),
  );
};
