import {
  breakCounterBodySchema,
  callTicketBodySchema,
  centreParamsSchema,
  counterNextQuerySchema,
  counterNextResponseSchema,
  counterParamsSchema,
  countersResponseSchema,
  maybeTicketResponseSchema,
  openCounterBodySchema,
  ticketResponseSchema,
  ticketsResponseSchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { centreIdOf, principalOf } from "../../core/access.js";
import type { CounterService } from "./counters.service.js";

const counterAccess = { access: { audience: ["staff"], centre: "counter" } } as const;

export const counterRoutes: FastifyPluginAsyncZod<{ counters: CounterService }> = async (
  app,
  { counters },
) => {
  app.get(
    "/centres/:centreId/counters",
    {
      config: { access: { audience: ["staff"], centre: "param" } },
      schema: { tags: ["counters"], params: centreParamsSchema, response: { 200: countersResponseSchema } },
    },
    async (request) => ({ counters: await counters.list(centreIdOf(request)) }),
  );

  app.get(
    "/counters/:counterId/queue",
    {
      config: counterAccess,
      schema: { tags: ["counters"], params: counterParamsSchema, response: { 200: ticketsResponseSchema } },
    },
    async (request) => ({ tickets: await counters.queue(request.params.counterId) }),
  );

  app.get(
    "/counters/:counterId/next",
    {
      config: counterAccess,
      schema: {
        tags: ["counters"],
        params: counterParamsSchema,
        querystring: counterNextQuerySchema,
        response: { 200: counterNextResponseSchema },
      },
    },
    async (request) => counters.next(request.params.counterId, request.query.limit),
  );

  app.post(
    "/counters/:counterId/open",
    {
      config: counterAccess,
      schema: {
        tags: ["counters"],
        params: counterParamsSchema,
        body: openCounterBodySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await counters.open(principalOf(request), request.params.counterId, request.body?.serviceIds);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/counters/:counterId/break",
    {
      config: counterAccess,
      schema: {
        tags: ["counters"],
        params: counterParamsSchema,
        body: breakCounterBodySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await counters.pause(principalOf(request), request.params.counterId, request.body.reason);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/counters/:counterId/resume",
    {
      config: counterAccess,
      schema: { tags: ["counters"], params: counterParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await counters.resume(principalOf(request), request.params.counterId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/counters/:counterId/close",
    {
      config: counterAccess,
      schema: { tags: ["counters"], params: counterParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await counters.close(principalOf(request), request.params.counterId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/counters/:counterId/call-next",
    {
      config: counterAccess,
      schema: {
        tags: ["counters"],
        params: counterParamsSchema,
        response: { 200: maybeTicketResponseSchema },
      },
    },
    async (request) => ({ ticket: await counters.callNext(principalOf(request), request.params.counterId) }),
  );

  app.post(
    "/counters/:counterId/call",
    {
      config: counterAccess,
      schema: {
        tags: ["counters"],
        params: counterParamsSchema,
        body: callTicketBodySchema,
        response: { 200: ticketResponseSchema },
      },
    },
    async (request) => ({
      ticket: await counters.callTicket(
        principalOf(request),
        request.params.counterId,
        request.body.ticketId,
        request.body.reason,
        request.ip,
      ),
    }),
  );
};
