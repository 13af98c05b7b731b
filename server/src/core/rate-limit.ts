import type { RateLimitOptions } from "@fastify/rate-limit";
import type { FastifyRequest } from "fastify";

/**
 * A route's limit per kiosk key, not per address: kiosks of one centre share its address, and a
 * leaked key used from many addresses is still one key. Counted after authentication (preHandler),
 * when the device is known; signed-in staff and volunteers are not limited here (each of their
 * actions is audited under their name).
 */
export function perDeviceLimit(perMinute: number): RateLimitOptions {
  return {
    max: perMinute,
    timeWindow: 60_000,
    hook: "preHandler",
    keyGenerator: (request: FastifyRequest) =>
      request.principal?.kind === "device" ? `device:${request.principal.device.id}` : "user",
    allowList: (request: FastifyRequest) => request.principal?.kind !== "device",
  };
}
