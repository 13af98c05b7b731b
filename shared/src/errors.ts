/**
 * The one error catalogue of the system. The server maps every failure to one of these codes and
 * the apps branch on them; messages are for people, codes are for programs.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** Well-formed but refused for what it is: an Idempotency-Key reused with another body. */
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * Stable reasons for refusals a visitor or an employee must understand. The apps translate the
 * reason (with its `params`), never the English message; a reason never changes meaning.
 */
export const ERROR_REASONS = [
  "slot_full",
  "slot_closed",
  "already_booked",
  "appointments_disabled",
  "appointment_state",
  "check_in_too_early",
  "check_in_too_late",
  "check_in_wrong_centre",
  "centre_closed",
  "service_not_offered",
  "counter_closed",
  "counter_on_break",
  "counter_not_on_break",
  "counter_taken",
  "counter_busy",
  "already_at_counter",
  "ticket_state",
  "ticket_changed",
  "feedback_closed",
  "account_disabled",
  "password_change_required",
  "idempotency_key_reused",
  // Free text holding control characters or bidi overrides (shared/src/api/common.ts `freeText`).
  "text_characters_not_allowed",
  // Cancelling or moving a booking by its code with the wrong last four digits of its phone.
  "phone_digits_wrong",
  // A phone number that is not an Azerbaijani one (shared/src/api/appointments.ts `phoneSchema`).
  "phone_invalid",
  // Administration and accounts.
  "code_taken",
  "prefix_taken",
  "username_taken",
  "label_taken",
  "password_too_short",
  "password_too_common",
  "password_reused",
  "current_password_wrong",
  "pairing_code_invalid",
  "device_revoked",
  "counter_inactive",
  "counter_in_use",
  "service_in_use",
  "role_not_allowed",
  "role_centre_mismatch",
  "centre_not_yours",
  "admin_only",
  "last_admin",
  "timezone_unknown",
  // Refusals of the request itself, before any business rule (docs/SECURITY.md).
  "too_many_requests",
  "sign_in_locked",
  // Multi-factor sign-in (server/src/modules/auth/mfa.service.ts): the password was right and a
  // code from the authenticator app (or a recovery code) is needed, or the one given was wrong or used.
  "mfa_required",
  "mfa_invalid",
  // The centre's policy requires a second factor for this role: enrol before anything else.
  "mfa_enrolment_required",
  "mfa_already_enrolled",
  "mfa_not_started",
  "mfa_unavailable",
  "cross_site_request",
  "malformed_request",
  "body_too_large",
  "unsupported_media_type",
  "url_too_long",
  "no_route",
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];
export const isErrorReason = (value: unknown): value is ErrorReason =>
  typeof value === "string" && (ERROR_REASONS as readonly string[]).includes(value);

/** Values a reason's text needs, such as `opensAt` for `centre_closed`. */
export type ErrorParams = Record<string, string | number>;

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    reason?: ErrorReason;
    params?: ErrorParams;
    details?: ErrorDetail[];
  };
}

export interface DomainErrorOptions {
  reason?: ErrorReason | undefined;
  params?: ErrorParams | undefined;
  details?: ErrorDetail[] | undefined;
}

/** Thrown by services; one handler turns it into the contract's error shape. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly reason: ErrorReason | undefined;
  readonly params: ErrorParams | undefined;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.reason = options.reason;
    this.params = options.params;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === "string" && Object.hasOwn(ERROR_STATUS, value);
