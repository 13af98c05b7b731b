import { smsDeliveryAnswerSchema, smsDeliveryReportSchema } from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { NotificationService } from "./notifications.service.js";

export interface NotificationRoutesOptions {
  notifications: NotificationService;
  /** From the configuration; null refuses every report. */
  callback: { header: string; secret: string } | null;
}

/** Delivery reports from the SMS provider: a machine that proves itself with a shared secret. */
export const notificationRoutes: FastifyPluginAsyncZod<NotificationRoutesOptions> = async (app, opts) => {
  // Many providers post their reports as a form. This parser is registered in this plugin only.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 8 * 1024 },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );

  app.post(
    "/notifications/sms/status",
    {
      config: { access: { sharedSecret: opts.callback } },
      schema: {
        tags: ["notifications"],
        body: smsDeliveryReportSchema,
        response: { 200: smsDeliveryAnswerSchema },
      },
    },
    async (request) => opts.notifications.recordDeliveryReport(request.body),
  );
};
