import {
  centresResponseSchema,
  deviceMeResponseSchema,
  errorBodySchema,
  feedbackResponseSchema,
  givenFeedbackResponseSchema,
  pairDeviceResponseSchema,
  servicesResponseSchema,
  ticketResponseSchema,
  type Centre,
  type Device,
  type ErrorParams,
  type Feedback,
  type FeedbackBody,
  type IssueTicketBody,
  type Issuing,
  type Service,
  type Ticket,
} from "@dost/shared";

/**
 * What went wrong, in the terms a screen acts on:
 * - `unreachable`: no answer, a timeout, or a server that cannot work right now (5xx, 429); retry.
 * - `unauthenticated`: the device key was refused; pair again.
 * - `rejected`: the server understood and said no (4xx); `code` says why.
 */
export type ApiFailure = "unreachable" | "unauthenticated" | "rejected";

/** A field the server refused, as `details[].path` names it (`body.citizen.phone`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * A refusal as a screen shows it: the server's `reason` (and its `params`) is what the kiosk
 * translates; the English message is shown only for a reason the kiosk does not know.
 */
export interface Refusal {
  message: string;
  reason: string | undefined;
  params: ErrorParams | undefined;
}

export class ApiError extends Error implements Refusal {
  readonly failure: ApiFailure;
  readonly code: string | undefined;
  readonly details: FieldProblem[];
  readonly reason: string | undefined;
  readonly params: ErrorParams | undefined;

  constructor(
    failure: ApiFailure,
    message: string,
    code?: string,
    details: FieldProblem[] = [],
    refusal: { reason?: string | undefined; params?: ErrorParams | undefined } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.failure = failure;
    this.code = code;
    this.details = details;
    this.reason = refusal.reason;
    this.params = refusal.params;
  }
}

/** The parts of an error a refusal screen keeps (not the whole Error, which state should not hold). */
export const refusalOf = (error: ApiError): Refusal => ({
  message: error.message,
  reason: error.reason,
  params: error.params,
});

/** A kiosk must never hang on a dead network: after this long it shows a message and a retry. */
export const REQUEST_TIMEOUT_MS = 10_000;

const API = "/api/v1";

export interface Parser<T> {
  parse(data: unknown): T;
}

export async function request<T>(path: string, parser: Parser<T>, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API}${path}`, {
      ...init,
      headers: { accept: "application/json", ...init.headers },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new ApiError("unreachable", error instanceof Error ? error.message : "network error");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    const code = parsed.success ? parsed.data.error.code : undefined;
    const message = parsed.success ? parsed.data.error.message : `HTTP ${response.status}`;
    // The reason tells a refused device key from a refused pairing code.
    if (response.status === 401)
      throw new ApiError("unauthenticated", message, code, [], {
        reason: parsed.success ? parsed.data.error.reason : undefined,
      });
    if (response.status >= 500 || response.status === 429) throw new ApiError("unreachable", message, code);
    if (!parsed.success) throw new ApiError("rejected", message, code);
    const { details, reason, params } = parsed.data.error;
    throw new ApiError("rejected", message, code, details ?? [], { reason, params });
  }
  try {
    return parser.parse(body);
  } catch {
    // An answer we cannot read is as good as none: the visitor gets the retry screen.
    throw new ApiError("unreachable", `unexpected answer from ${path}`);
  }
}

export const deviceAuth = (key: string) => ({ authorization: `Device ${key}` });

/**
 * The device behind a key, and where phones reach the system when the operator set PUBLIC_URL
 * (the kiosk's own address may be one that only the centre's network knows).
 */
export async function fetchDevice(deviceKey: string): Promise<{ device: Device; publicUrl: string | null }> {
  return request("/devices/me", deviceMeResponseSchema, { headers: deviceAuth(deviceKey) });
}

/**
 * Trades a one-time pairing code (from the pairing link or typed in) for this device's own key.
 * A refused code is an `unauthenticated` ApiError with reason `pairing_code_invalid`.
 */
export async function exchangePairingCode(code: string): Promise<{ key: string; device: Device }> {
  return request("/devices/pair", pairDeviceResponseSchema, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code }),
  });
}

export async function fetchCentre(centreId: string): Promise<Centre> {
  const { centres } = await request("/centres", centresResponseSchema);
  const centre = centres.find((c) => c.id === centreId || c.code === centreId);
  if (!centre) throw new ApiError("rejected", "centre not found", "NOT_FOUND");
  return centre;
}

/** The centre's services, and whether kiosks issue now (null from a server that does not say). */
export async function fetchCatalogue(
  centreId: string,
): Promise<{ services: Service[]; issuing: Issuing | null }> {
  const answer = await request(`/centres/${encodeURIComponent(centreId)}/services`, servicesResponseSchema);
  return { services: answer.services, issuing: answer.issuing ?? null };
}

export async function fetchServices(centreId: string): Promise<Service[]> {
  return (await fetchCatalogue(centreId)).services;
}

export async function issueTicket(
  deviceKey: string,
  centreId: string,
  body: IssueTicketBody,
  idempotencyKey: string,
): Promise<{ ticket: Ticket; serverPrint: boolean }> {
  const answer = await request(`/centres/${encodeURIComponent(centreId)}/tickets`, ticketResponseSchema, {
    method: "POST",
    headers: {
      ...deviceAuth(deviceKey),
      "content-type": "application/json",
      "idempotency-key": idempotencyKey,
    },
    body: JSON.stringify(body),
  });
  // The server prints on the kiosk's network printer when it has one; then the browser must not.
  return { ticket: answer.ticket, serverPrint: answer.serverPrint === true };
}

export async function fetchPublicTicket(publicId: string): Promise<Ticket> {
  return (await request(`/public/tickets/${encodeURIComponent(publicId)}`, ticketResponseSchema)).ticket;
}

/**
 * One key per attempt to take a ticket, so a double tap or a retry after a lost answer returns the
 * same ticket. crypto.randomUUID exists only on secure origins, and a kiosk on the centre's network
 * is often served over plain http, so fall back to getRandomValues, which exists everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function" && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The rating already given for a visit, or null: the status page asks only once. */
export async function fetchFeedback(publicId: string): Promise<Feedback | null> {
  return (
    await request(`/public/tickets/${encodeURIComponent(publicId)}/feedback`, givenFeedbackResponseSchema)
  ).feedback;
}

/** Sends the visitor's rating; a 409 (`feedback_closed`) is an ApiError with code CONFLICT. */
export async function sendFeedback(publicId: string, body: FeedbackBody): Promise<Feedback> {
  return (
    await request(`/public/tickets/${encodeURIComponent(publicId)}/feedback`, feedbackResponseSchema, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    })
  ).feedback;
}
