import { z } from "zod";

/**
 * A delivery report from the SMS provider (`POST /api/v1/notifications/sms/status`, JSON or form).
 * The message is named by our id (the reference we gave the provider when sending) or by the
 * provider's own id. Unknown fields are ignored: providers add their own.
 */
export const smsDeliveryReportSchema = z
  .object({
    messageId: z.uuid().optional(),
    providerMessageId: z.string().min(1).max(200).optional(),
    /**
     * The provider's word for the outcome, any case: `delivered`/`DELIVRD` mean delivered;
     * `failed`, `undelivered`, `undeliverable`, `rejected`, `expired` (and the SMPP `UNDELIV`,
     * `REJECTD`, `EXPIRED`) mean failed; anything else (`queued`, `sent`, …) is acknowledged and
     * changes nothing.
     */
    status: z.string().min(1).max(40),
    error: z.string().max(500).optional(),
  })
  .refine((r) => r.messageId !== undefined || r.providerMessageId !== undefined, {
    message: "name the message: messageId or providerMessageId",
    path: ["messageId"],
  });
export type SmsDeliveryReport = z.infer<typeof smsDeliveryReportSchema>;

export const smsDeliveryAnswerSchema = z.object({
  /** What was recorded: `delivered`, `failed`, or null for an interim status. */
  recorded: z.enum(["delivered", "failed"]).nullable(),
});
