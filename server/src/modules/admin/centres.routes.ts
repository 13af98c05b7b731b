import {
  adminCentreResponseSchema,
  adminCentresResponseSchema,
  centreParamsSchema,
  closedDatesBodySchema,
  closedDatesResponseSchema,
  createCentreBodySchema,
  offerResponseSchema,
  patchCentreBodySchema,
  putOfferBodySchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { centreIdOf } from "../../core/access.js";
import type { AdminService } from "./admin.service.js";
import { callerOf } from "./context.js";

const tags = ["administration"];

/** Centres, what each offers, and the days they are closed. */
export const centreAdminRoutes: FastifyPluginAsyncZod<{ admin: AdminService }> = async (app, { admin }) => {
  app.get(
    "/admin/centres",
    {
      config: { access: { audience: ["manager"] } },
      schema: { tags, response: { 200: adminCentresResponseSchema } },
    },
    async (request) => ({ centres: await admin.centres.list(callerOf(request)) }),
  );

  app.post(
    "/admin/centres",
    {
      config: { access: { audience: ["admin"] } },
      schema: { tags, body: createCentreBodySchema, response: { 201: adminCentreResponseSchema } },
    },
    async (request, reply) =>
      reply.code(201).send({ centre: await admin.centres.create(callerOf(request), request.body) }),
  );

  app.get(
    "/admin/centres/:centreId",
    {
      config: { access: { audience: ["manager"], centre: "param" } },
      schema: { tags, params: centreParamsSchema, response: { 200: adminCentreResponseSchema } },
    },
    async (request) => ({ centre: await admin.centres.get(callerOf(request), centreIdOf(request)) }),
  );

  app.patch(
    "/admin/centres/:centreId",
    {
      config: { access: { audience: ["manager"], centre: "param" } },
      schema: {
        tags,
        params: centreParamsSchema,
        body: patchCentreBodySchema,
        response: { 200: adminCentreResponseSchema },
      },
    },
    async (request) => ({
      centre: await admin.centres.update(callerOf(request), centreIdOf(request), request.body),
    }),
  );

  app.get(
    "/admin/centres/:centreId/services",
    {
      config: { access: { audience: ["manager"], centre: "param" } },
      schema: { tags, params: centreParamsSchema, response: { 200: offerResponseSchema } },
    },
    async (request) => ({ services: await admin.offer.get(callerOf(request), centreIdOf(request)) }),
  );

  app.put(
    "/admin/centres/:centreId/services",
    {
      config: { access: { audience: ["admin"], centre: "param" } },
      schema: {
        tags,
        params: centreParamsSchema,
        body: putOfferBodySchema,
        response: { 200: offerResponseSchema },
      },
    },
    async (request) => ({
      services: await admin.offer.put(callerOf(request), centreIdOf(request), request.body),
    }),
  );

  app.get(
    "/admin/centres/:centreId/closed-dates",
    {
      config: { access: { audience: ["manager"], centre: "param" } },
      schema: { tags, params: centreParamsSchema, response: { 200: closedDatesResponseSchema } },
    },
    async (request) => ({ dates: await admin.closedDates.list(callerOf(request), centreIdOf(request)) }),
  );

  app.put(
    "/admin/centres/:centreId/closed-dates",
    {
      config: { access: { audience: ["manager"], centre: "param" } },
      schema: {
        tags,
        params: centreParamsSchema,
        body: closedDatesBodySchema,
        response: { 200: closedDatesResponseSchema },
      },
    },
    async (request) => ({
      dates: await admin.closedDates.put(callerOf(request), centreIdOf(request), request.body.dates),
    }),
  );

  app.get(
    "/admin/holidays",
    {
      config: { access: { audience: ["admin"] } },
      schema: { tags, response: { 200: closedDatesResponseSchema } },
    },
    async () => ({ dates: await admin.closedDates.holidays() }),
  );

  app.put(
    "/admin/holidays",
    {
      config: { access: { audience: ["admin"] } },
      schema: { tags, body: closedDatesBodySchema, response: { 200: closedDatesResponseSchema } },
    },
    async (request) => ({
      dates: await admin.closedDates.putHolidays(callerOf(request), request.body.dates),
    }),
  );
};
