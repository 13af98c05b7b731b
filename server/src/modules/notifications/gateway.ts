import { maskPhone } from "@dost/shared";
import type { NotificationKind } from "./templates.js";

export interface OutgoingMessage {
  /** The outbox row's id: a gateway that supports it should use it to drop duplicates. */
  id: string;
  kind: NotificationKind;
  channel: "sms";
  recipient: string;
  body: string;
}

/** What the provider told us about an accepted message. */
export interface SendReceipt {
  /** The provider's own id, when its answer names one; its delivery reports may use it. */
  providerMessageId: string | null;
}

/**
 * Where texts to citizens go: an SMS provider in production, a log by default. `send` resolves
 * when the provider accepted the message and rejects otherwise; a `GatewayError` with
 * `permanent` says that trying again cannot help (the provider refused the request itself).
 */
export interface NotificationGateway {
  send(message: OutgoingMessage): Promise<SendReceipt | void>;
}

/**
 * A failed send. The message is safe to store and log: it never holds the phone number, the text
 * or anything the provider answered (which may echo both).
 */
export class GatewayError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "GatewayError";
  }
}

/**
 * The default: notes each message in the log, with the phone number masked and never the text
 * (which holds the appointment code, a secret that alone cancels a booking). Nothing leaves the
 * machine.
 */
export function createLogGateway(log: { info(obj: object, msg: string): void }): NotificationGateway {
  return {
    async send(message) {
      log.info(
        {
          notification: message.id,
          kind: message.kind,
          to: maskPhone(message.recipient),
          length: message.body.length,
        },
        "notification (log gateway, not sent)",
      );
      return { providerMessageId: null };
    },
  };
}
