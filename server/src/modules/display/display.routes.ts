import {
  centreParamsSchema,
  displayMessageBodySchema,
  displayStateQuerySchema,
  displayStateSchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { centreIdOf } from "../../core/access.js";
import { centreGet } from "../../core/centre-get.js";
import type { DisplayService } from "./display.service.js";

export const displayRoutes: FastifyPluginAsyncZod<{ display: DisplayService }> = async (app, { display }) => {
  centreGet(
    app,
    "display-state",
    {
      audience: ["display", "kiosk", "staff"],
      tags: ["display"],
      querystring: displayStateQuerySchema,
      response: displayStateSchema,
    },
    (centreId, query) => display.state(centreId, query.zone),
  );

  app.put(
    "/centres/:centreId/display-message",
    {
      config: { access: { audience: ["manager"], centre: "param" } },
      schema: {
        tags: ["display"],
        params: centreParamsSchema,
        body: displayMessageBodySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await display.setMessage(centreIdOf(request), request.body.message);
      return reply.code(204).send(null);
    },
  );
};
