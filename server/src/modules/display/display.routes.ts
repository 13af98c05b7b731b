import { centreParamsSchema, displayStateSchema } from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { centreIdOf } from "../../plugins/access.js";
import type { DisplayService } from "./display.service.js";

export const displayRoutes: FastifyPluginAsyncZod<{ display: DisplayService }> = async (app, { display }) => {
  app.get(
    "/centres/:centreId/display-state",
    {
      config: { access: { audience: ["display", "kiosk", "staff"], centre: "param" } },
      schema: { tags: ["display"], params: centreParamsSchema, response: { 200: displayStateSchema } },
    },
    async (request) => display.state(centreIdOf(request)),
  );
};
