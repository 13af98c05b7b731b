import {
  adminDeviceResponseSchema,
  adminDevicesResponseSchema,
  centreParamsSchema,
  createdDeviceResponseSchema,
  createDeviceBodySchema,
  deviceParamsSchema,
  pairDeviceBodySchema,
  pairDeviceResponseSchema,
  pairingCodeResponseSchema,
  updateDeviceBodySchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { centreIdOf } from "../../core/access.js";
import type { AdminService } from "./admin.service.js";
import { callerOf } from "./context.js";

const tags = ["administration"];

/** Devices of a centre, and the public pairing exchange a device makes with its one-time code. */
export const deviceAdminRoutes: FastifyPluginAsyncZod<{
  admin: AdminService;
  pairPerMinute: number;
}> = async (app, { admin, pairPerMinute }) => {
  app.get(
    "/admin/centres/:centreId/devices",
    {
      config: { access: { audience: ["manager"], centre: "param" } },
      schema: { tags, params: centreParamsSchema, response: { 200: adminDevicesResponseSchema } },
    },
    async (request) => ({ devices: await admin.devices.list(callerOf(request), centreIdOf(request)) }),
  );

  app.post(
    "/admin/centres/:centreId/devices",
    {
      config: { access: { audience: ["manager"], centre: "param" } },
      schema: {
        tags,
        params: centreParamsSchema,
        body: createDeviceBodySchema,
        response: { 201: createdDeviceResponseSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await admin.devices.create(callerOf(request), centreIdOf(request), request.body)),
  );

  app.patch(
    "/admin/devices/:deviceId",
    {
      config: { access: { audience: ["manager"] } },
      schema: {
        tags,
        params: deviceParamsSchema,
        body: updateDeviceBodySchema,
        response: { 200: adminDeviceResponseSchema },
      },
    },
    async (request) => ({
      device: await admin.devices.update(callerOf(request), request.params.deviceId, request.body),
    }),
  );

  app.post(
    "/admin/devices/:deviceId/revoke",
    {
      config: { access: { audience: ["manager"] } },
      schema: { tags, params: deviceParamsSchema, response: { 200: adminDeviceResponseSchema } },
    },
    async (request) => ({ device: await admin.devices.revoke(callerOf(request), request.params.deviceId) }),
  );

  app.post(
    "/admin/devices/:deviceId/pairing-code",
    {
      config: { access: { audience: ["manager"] } },
      schema: { tags, params: deviceParamsSchema, response: { 200: pairingCodeResponseSchema } },
    },
    async (request) => admin.devices.pairingCode(callerOf(request), request.params.deviceId),
  );

  app.post(
    "/devices/pair",
    {
      config: {
        access: { public: true },
        // Six digits are guessable only by volume: one budget for the whole server, not per address,
        // so many addresses together get no more tries. Pairing is rare; a few a minute is plenty.
        rateLimit: { max: pairPerMinute, timeWindow: 60_000, keyGenerator: () => "device-pairing" },
      },
      schema: { tags: ["auth"], body: pairDeviceBodySchema, response: { 200: pairDeviceResponseSchema } },
    },
    async (request) => admin.devices.pair(request.body.code, request.ip),
  );
};
