import type { FeedbackBody } from "@dost/shared";
import { api, deviceAuth } from "../api/client.js";

/** The visit a counter's feedback tablet asks about: the last one ended there, recent and unrated. */
export interface PendingVisit {
  id: string;
  code: string;
  finishedAt: string;
}

/** The feedback tablet's two calls (CONTRACT.md "Feedback"), made with its device key. */
export async function fetchPendingVisit(deviceKey: string): Promise<PendingVisit | null> {
  return (await api.call("feedbackTabletTicket", { headers: deviceAuth(deviceKey) })).ticket;
}

/** A 409 (`feedback_closed`) is an ApiError with code CONFLICT: already rated, or too late. */
export async function sendCounterFeedback(
  deviceKey: string,
  ticketId: string,
  body: FeedbackBody,
): Promise<void> {
  await api.call("feedbackTabletSend", {
    headers: deviceAuth(deviceKey),
    body: { ticketId, ...body },
  });
}
