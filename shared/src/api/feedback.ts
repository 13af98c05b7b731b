import { z } from "zod";
import { isoDateTimeSchema, uuidSchema } from "./common.js";

/** What a visitor may tick beside the score; the apps translate each. */
export const FEEDBACK_REASONS = [
  "wait_too_long",
  "staff",
  "documents",
  "hall",
  "information",
  "other",
] as const;
export const feedbackReasonSchema = z.enum(FEEDBACK_REASONS);
export type FeedbackReason = z.infer<typeof feedbackReasonSchema>;

export const feedbackBodySchema = z.strictObject({
  score: z.number().int().min(1).max(5),
  reasons: z
    .array(feedbackReasonSchema)
    .max(FEEDBACK_REASONS.length)
    .refine((r) => new Set(r).size === r.length, "each reason once")
    .optional(),
  comment: z.string().max(1000).optional(),
});
export type FeedbackBody = z.infer<typeof feedbackBodySchema>;

/** A counter tablet rates the visit that just ended at its counter, named by the ticket's id. */
export const counterFeedbackBodySchema = feedbackBodySchema.extend({ ticketId: uuidSchema });
export type CounterFeedbackBody = z.infer<typeof counterFeedbackBodySchema>;

export const feedbackSchema = z.object({
  score: z.number().int(),
  reasons: z.array(feedbackReasonSchema),
  /** As stored: phone numbers and FINs replaced by placeholders. */
  comment: z.string().nullable(),
  at: isoDateTimeSchema,
});
export type Feedback = z.infer<typeof feedbackSchema>;
export const feedbackResponseSchema = z.object({ feedback: feedbackSchema });
/** The rating a visit already has, if any, so the status page asks only once. */
export const givenFeedbackResponseSchema = z.object({ feedback: feedbackSchema.nullable() });

/** What a counter tablet asks about: the visit that last ended at its counter, not yet rated. */
export const counterFeedbackTicketResponseSchema = z.object({
  ticket: z.object({ id: uuidSchema, code: z.string(), finishedAt: isoDateTimeSchema }).nullable(),
});
