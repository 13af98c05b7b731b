import { maskPhone } from "@dost/shared";

export interface OutgoingMessage {
  /** The outbox row's id: a gateway that supports it should use it to drop duplicates. */
  id: string;
  channel: "sms";
  recipient: string;
  body: string;
}

/** Where texts to citizens go: an SMS provider in production, a log by default. */
export interface NotificationGateway {
  send(message: OutgoingMessage): Promise<void>;
}

/** The default: writes each message to the log with the phone number masked. Nothing leaves the machine. */
export function createLogGateway(log: { info(obj: object, msg: string): void }): NotificationGateway {
  return {
    async send(message) {
      log.info(
        { notification: message.id, to: maskPhone(message.recipient), body: message.body },
        "notification (log gateway)",
      );
    },
  };
}
