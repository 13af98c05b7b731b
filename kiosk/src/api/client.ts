import {
  type Centre,
  type Device,
  type ErrorDetail,
  type ErrorParams,
  type Feedback,
  type FeedbackBody,
  type IssueTicketBody,
  type Issuing,
  type PublicWaits,
  type Service,
  type Ticket,
} from "@dost/shared";
import { ApiError, createApiClient } from "@dost/shared/client";

/** A field the server refused, as `details[].path` names it (`body.citizen.phone`). */
export type FieldProblem = ErrorDetail;

/**
 * A refusal as a screen shows it: the server's `reason` (and its `params`) is what the kiosk
 * translates; the English message is shown only for a reason the kiosk does not know.
 */
export interface Refusal {
  message: string;
  reason: string | undefined;
  params: ErrorParams | undefined;
}

/** The parts of an error a refusal screen keeps (not the whole Error, which state should not hold). */
export const refusalOf = (error: ApiError): Refusal => ({
  message: error.message,
  reason: error.reason,
  params: error.params,
});

/** A kiosk must never hang on a dead network: after this long it shows a message and a retry. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** The kiosk's and the status page's requests; the device key goes with the calls that need it. */
export const api = createApiClient({ timeoutMs: REQUEST_TIMEOUT_MS });

export const deviceAuth = (key: string) => ({ authorization: `Device ${key}` });

/**
 * The device behind a key, and where phones reach the system when the operator set PUBLIC_URL
 * (the kiosk's own address may be one that only the centre's network knows).
 */
export async function fetchDevice(deviceKey: string): Promise<{ device: Device; publicUrl: string | null }> {
  return api.call("deviceMe", { headers: deviceAuth(deviceKey) });
}

/**
 * Trades a one-time pairing code (from the pairing link or typed in) for this device's own key.
 * A refused code is an `unauthenticated` ApiError with reason `pairing_code_invalid`.
 */
export async function exchangePairingCode(code: string): Promise<{ key: string; device: Device }> {
  return api.call("pairDevice", { body: { code } });
}

export async function fetchCentre(centreId: string): Promise<Centre> {
  const { centres } = await api.call("centres");
  const centre = centres.find((c) => c.id === centreId || c.code === centreId);
  if (!centre) throw new ApiError({ status: 404, code: "NOT_FOUND", message: "centre not found" });
  return centre;
}

/** The centre's services, and whether kiosks issue now (null from a server that does not say). */
export async function fetchCatalogue(
  centreId: string,
): Promise<{ services: Service[]; issuing: Issuing | null }> {
  const answer = await api.call("services", { params: { centreId } });
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
  const answer = await api.call("issueTicket", {
    params: { centreId },
    headers: { ...deviceAuth(deviceKey), "idempotency-key": idempotencyKey },
    body,
  });
  // The server prints on the kiosk's network printer when it has one; then the browser must not.
  return { ticket: answer.ticket, serverPrint: answer.serverPrint === true };
}

export async function fetchPublicTicket(publicId: string): Promise<Ticket> {
  return (await api.call("publicTicket", { params: { publicId } })).ticket;
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
  return (await api.call("feedback", { params: { publicId } })).feedback;
}

/** Sends the visitor's rating; a 409 (`feedback_closed`) is an ApiError with code CONFLICT. */
export async function sendFeedback(publicId: string, body: FeedbackBody): Promise<Feedback> {
  return (await api.call("sendFeedback", { params: { publicId }, body })).feedback;
}

/** The public page of waits, per centre and service. */
export function fetchPublicWaits(): Promise<PublicWaits> {
  return api.call("publicWaits");
}
