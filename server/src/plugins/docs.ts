import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** OpenAPI generated from the same zod schemas that validate the requests; browsable at /api/docs. */
export const docsPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: "DOST queue and appointments API",
          description: "The contract between the server, kiosk, hall display and staff console.",
          version: "1",
        },
        components: {
          securitySchemes: {
            bearer: { type: "http", scheme: "bearer" },
            device: { type: "apiKey", in: "header", name: "Authorization", description: "Device <key>" },
          },
        },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  },
  { name: "docs" },
);
