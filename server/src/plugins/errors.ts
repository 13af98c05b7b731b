import {
  DomainError,
  ERROR_STATUS,
  isErrorReason,
  type DomainErrorOptions,
  type ErrorBody,
  type ErrorCode,
  type ErrorReason,
} from "@dost/shared";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
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
  const retryAfter = params?.retryAfterSeconds;
  if (code === "RATE_LIMITED" && typeof retryAfter === "number") reply.header("retry-after", retryAfter);
  return reply.code(ERROR_STATUS[code]).send(body);
}

/**
 * Why the framework refused a request before any route ran, by its error code; anything else of
 * the 4xx family is a malformed request (bad JSON, an empty JSON body, a wrong Content-Length).
 */
const FRAMEWORK_REASONS: Record<string, ErrorReason> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "body_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_MAX_PARAM_LENGTH: "url_too_long",
};
const FRAMEWORK_MESSAGES: Partial<Record<ErrorReason, string>> = {
  body_too_large: "The request body is too large",
  unsupported_media_type: "Unsupported Content-Type; send application/json",
  url_too_long: "A part of the address is too long",
  malformed_request: "The request is malformed",
};

/** A refusal of the request itself, in the contract's shape: 400 with a reason, never a 5xx. */
function refuseRequest(reply: FastifyReply, error: { code?: string }) {
  const reason = FRAMEWORK_REASONS[error.code ?? ""] ?? "malformed_request";
  return send(reply, "VALIDATION_FAILED", FRAMEWORK_MESSAGES[reason] ?? "The request is malformed", {
    reason,
  });
}

/**
 * Fastify's `frameworkErrors`: refusals made while routing, before any plugin's handler exists (a
 * malformed `%` escape, a path parameter beyond the router's limit).
 */
export function frameworkRefusal(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void refuseRequest(reply, error);
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
      if (status === 429)
        return send(reply, "RATE_LIMITED", "Too many requests; slow down", { reason: "too_many_requests" });
      if (status === 401) return send(reply, "UNAUTHENTICATED", error.message);
      if (status === 404) return send(reply, "NOT_FOUND", "Not found");
      // Malformed JSON, a wrong content type, a body too large: the request is what is wrong.
      if (status >= 400 && status < 500) return refuseRequest(reply, error);

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
      send(reply, "NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]}`, {
        reason: "no_route",
      }),
    );
  },
  { name: "errors" },
);
