import { DomainError, type DomainErrorOptions, type ErrorDetail, type ErrorReason } from "@dost/shared";

export const unauthenticated = (message = "Sign in or present a device key", reason?: ErrorReason) =>
  new DomainError("UNAUTHENTICATED", message, { reason });
export const forbidden = (message = "Not allowed for your role or centre", reason?: ErrorReason) =>
  new DomainError("FORBIDDEN", message, { reason });
export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found`);
/** A state that does not allow the request; `reason` is what the apps translate. */
export const conflict = (
  message: string,
  reason?: ErrorReason,
  options: Omit<DomainErrorOptions, "reason"> = {},
) => new DomainError("CONFLICT", message, { ...options, reason });
export const invalid = (
  message: string,
  details?: ErrorDetail[],
  reason?: ErrorReason,
  params?: DomainErrorOptions["params"],
) => new DomainError("VALIDATION_FAILED", message, { details, reason, params });
/** Well-formed, but refused for what it asks (HTTP 422), such as a reused Idempotency-Key. */
export const unprocessable = (message: string, reason: ErrorReason) =>
  new DomainError("UNPROCESSABLE", message, { reason });
/** Too many requests; `retryAfterSeconds` also leaves as the `Retry-After` header. */
export const rateLimited = (message: string, reason: ErrorReason, retryAfterSeconds: number) =>
  new DomainError("RATE_LIMITED", message, { reason, params: { retryAfterSeconds } });
