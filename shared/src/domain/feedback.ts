/**
 * The satisfaction KPI's rules, pure so the server, the apps and the tests share them: who may still
 * rate a visit, what a comment keeps, and how scores make the percentage DOST reports.
 */

/** How long after the visit ends a visitor may still rate it. */
export const FEEDBACK_WINDOW_HOURS = 24;

/** Why a ticket takes no (more) feedback: the `why` param of a 409 `feedback_closed`. */
export type FeedbackClosedWhy = "not_done" | "already_given" | "too_late";

export function feedbackRefusal(
  ticket: { status: string; finishedAt: Date | null },
  alreadyGiven: boolean,
  now: Date,
): FeedbackClosedWhy | null {
  if (ticket.status !== "done" || !ticket.finishedAt) return "not_done";
  if (alreadyGiven) return "already_given";
  if (now.getTime() - ticket.finishedAt.getTime() > FEEDBACK_WINDOW_HOURS * 3_600_000) return "too_late";
  return null;
}

/** A score of 4 or 5 counts as satisfied. */
export const SATISFIED_SCORE = 4;

/** Share of satisfied scores in percent, one decimal; null without any score. */
export function satisfactionPercent(satisfied: number, count: number): number | null {
  return count > 0 ? Math.round((satisfied / count) * 1000) / 10 : null;
}

// A FIN (the personal id code on Azerbaijani ID cards) is 7 Latin letters and digits with at least
// one of each; ID card numbers are AZE or AA followed by digits.
const ID_CARD = /\b(?:AZE|AA)\s?\d{7,8}\b/giu;
const FIN = /\b(?=[A-Z0-9]{0,6}\d)(?=[A-Z0-9]{0,6}[A-Z])[A-Z0-9]{7}\b/giu;
// Seven or more digits, possibly grouped by spaces, dots, dashes or brackets, with a leading +.
const PHONE = /\+?\(?\d(?:[\s().-]{0,2}\d){6,}/gu;

/**
 * A comment as it is stored: phone numbers, FINs and ID card numbers replaced by placeholders, so
 * free text typed by a visitor never keeps personal identifiers. Whitespace is tidied.
 */
export function scrubComment(comment: string): string {
  return comment
    .replace(ID_CARD, "[id]")
    .replace(PHONE, "[phone]")
    .replace(FIN, "[FIN]")
    .replace(/\s+/gu, " ")
    .trim();
}
