import { DomainError, type ErrorDetail } from "@dost/shared";

export const unauthenticated = (message = "Sign in or present a device key") =>
  new DomainError("UNAUTHENTICATED", message);
export const forbidden = (message = "Not allowed for your role or centre") =>
  new DomainError("FORBIDDEN", message);
export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found`);
export const conflict = (message: string, details?: ErrorDetail[]) =>
  new DomainError("CONFLICT", message, details);
export const invalid = (message: string, details?: ErrorDetail[]) =>
  new DomainError("VALIDATION_FAILED", message, details);
