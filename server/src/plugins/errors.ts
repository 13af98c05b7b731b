import {
  DomainError,
  ERROR_STATUS,
  isErrorReason,
  type DomainErrorOptions,
  type ErrorBody,
  type ErrorCode,
} from "@dost/shared";
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isDatabaseUnavailable, refusalKind } from "../db/errors.js";

function send(reply: FastifyReply, code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
  const { reason, params, details } = options;
  const body: ErrorBody = {
    error: {
      code,
      message,
      ...(reason ? { reason } : {}),
      ...(params ? { params } : {}),
      ...(details ? { details } : {}),
    },
  };
  return reply.code(ERROR_STATUS[code]).send(body);
}

/** One error handler: every failure leaves in the contract's shape, and nothing leaks a stack. */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof DomainError) return send(reply, error.code, error.message, error);

      if (hasZodFastifySchemaValidationErrors(error)) {
        const where = error.validationContext ?? "request";
        const details = error.validation.map((v) => {
          const path = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
          return { path: path ? `${where}.${path}` : where, message: v.message ?? "invalid" };
        });
        // A refinement may name a stable reason (free text with control characters, for one).
        const reason = error.validation
          .map((v) => (v.params as { params?: { reason?: unknown } } | undefined)?.params?.reason)
          .find(isErrorReason);
        return send(reply, "VALIDATION_FAILED", `Invalid ${where}`, { details, reason });
      }

      if (isDatabaseUnavailable(error)) {
        request.log.warn({ err: error }, "database unavailable");
        return send(reply, "UNAVAILABLE", "The database cannot be reached; try again shortly");
      }

      const status = error.statusCode ?? 500;
      if (status === 429) return send(reply, "RATE_LIMITED", "Too many requests; slow down");
      if (status === 401) return send(reply, "UNAUTHENTICATED", error.message);
      if (status === 404) return send(reply, "NOT_FOUND", "Not found");
      if (status >= 400 && status < 500) {
        // Malformed JSON, a wrong content type, a body too large: the request is what is wrong.
        return send(reply, "VALIDATION_FAILED", error.message);
      }

      // Database refusals that only input the schemas let through can cause: never a 500.
      const refusal = refusalKind(error);
      const mapped = refusal === "conflict" ? "CONFLICT" : refusal === "invalid" ? "VALIDATION_FAILED" : null;
      if (mapped) {
        request.log.warn({ err: error }, "database rejected the request");
        return send(
          reply,
          mapped,
          mapped === "CONFLICT" ? "The request conflicts with the current state" : "Invalid value",
        );
      }

      request.log.error({ err: error }, "unhandled error");
      return reply
        .code(500)
        .send({ error: { code: "INTERNAL", message: "Something went wrong on our side" } });
    });

    app.setNotFoundHandler((request, reply) =>
      send(reply, "NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]}`),
    );
  },
  { name: "errors" },
);
