import {
  idempotencyKeyHeadersSchema,
  issueTicketBodySchema,
  centreParamsSchema,
  noteBodySchema,
  publicTicketParamsSchema,
  STAFF_TICKET_ACTIONS,
  TICKET_ACTION_PATHS,
  ticketActionBodySchema,
  ticketListQuerySchema,
  ticketParamsSchema,
  ticketResponseSchema,
  ticketsResponseSchema,
  transferBodySchema,
  type StaffTicketAction,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { centreIdOf, principalOf } from "../../core/access.js";
import { serverPrinterOf } from "../../core/principal.js";
import { perDeviceLimit } from "../../core/rate-limit.js";
import type { TicketService } from "./tickets.service.js";

/** The staff actions that take only an optional note; transfer, with its target, has its own route. */
const NOTE_ONLY_ACTIONS = STAFF_TICKET_ACTIONS.filter(
  (action): action is Exclude<StaffTicketAction, "transfer"> => action !== "transfer",
);

export const ticketRoutes: FastifyPluginAsyncZod<{
  tickets: TicketService;
  publicPerMinute: number;
  devicePerMinute: number;
}> = async (app, { tickets, publicPerMinute, devicePerMinute }) => {
  app.post(
    "/centres/:centreId/tickets",
    {
      config: {
        access: { audience: ["kiosk", "staff", "volunteer"], centre: "param" },
        rateLimit: perDeviceLimit(devicePerMinute),
      },
      schema: {
        tags: ["tickets"],
        params: centreParamsSchema,
        headers: idempotencyKeyHeadersSchema,
        body: issueTicketBodySchema,
        response: { 200: ticketResponseSchema, 201: ticketResponseSchema },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { ticket, created } = await tickets.issue(
        principal,
        centreIdOf(request),
        request.body,
        request.headers["idempotency-key"],
        request.ip,
      );
      // A replay too: the first answer's receipt came out of the kiosk's printer already.
      const serverPrint = serverPrinterOf(principal) !== null;
      return reply.code(created ? 201 : 200).send(serverPrint ? { ticket, serverPrint } : { ticket });
    },
  );

  app.get(
    "/centres/:centreId/tickets",
    {
      config: { access: { audience: ["staff"], centre: "param" } },
      schema: {
        tags: ["tickets"],
        params: centreParamsSchema,
        querystring: ticketListQuerySchema,
        response: { 200: ticketsResponseSchema },
      },
    },
    async (request) => ({ tickets: await tickets.list(centreIdOf(request), request.query) }),
  );

  app.get(
    "/public/tickets/:publicId",
    {
      config: { access: { public: true }, rateLimit: { max: publicPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ["tickets"],
        params: publicTicketParamsSchema,
        response: { 200: ticketResponseSchema },
      },
    },
    async (request) => ({ ticket: await tickets.getPublic(request.params.publicId) }),
  );

  for (const action of NOTE_ONLY_ACTIONS) {
    app.post(
      TICKET_ACTION_PATHS[action],
      {
        config: { access: { audience: ["staff"], centre: "ticket" } },
        schema: {
          tags: ["tickets"],
          params: ticketParamsSchema,
          body: ticketActionBodySchema,
          response: { 200: ticketResponseSchema },
        },
      },
      async (request) => ({
        ticket: await tickets.act(principalOf(request), request.params.ticketId, action, {
          note: request.body?.note,
        }),
      }),
    );
  }

  app.post(
    TICKET_ACTION_PATHS.transfer,
    {
      config: { access: { audience: ["staff"], centre: "ticket" } },
      schema: {
        tags: ["tickets"],
        params: ticketParamsSchema,
        body: transferBodySchema,
        response: { 200: ticketResponseSchema },
      },
    },
    async (request) => ({
      ticket: await tickets.act(principalOf(request), request.params.ticketId, "transfer", request.body),
    }),
  );

  app.post(
    "/tickets/:ticketId/notes",
    {
      config: { access: { audience: ["staff"], centre: "ticket" } },
      schema: {
        tags: ["tickets"],
        params: ticketParamsSchema,
        body: noteBodySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await tickets.addNote(principalOf(request), request.params.ticketId, request.body.note);
      return reply.code(204).send(null);
    },
  );
};
