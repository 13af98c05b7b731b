import type { Refusal } from "../api/client.js";
import { useI18n } from "../i18n/i18n.js";
import type { Messages } from "../i18n/messages.js";
import { openingTime } from "../i18n/opening.js";
import { isKioskReason } from "../i18n/reasons.js";

/** A refusal in the visitor's language, from its reason; null for a reason the kiosk does not know. */
export function reasonText(t: Messages, refusal: Refusal, timeZone: string): string | null {
  if (!isKioskReason(refusal.reason)) return null;
  const params = refusal.params ?? {};
  const time = (name: string): string => {
    const value = params[name];
    const at = typeof value === "string" ? new Date(value) : null;
    return at && !Number.isNaN(at.getTime()) ? openingTime(at, timeZone) : "";
  };
  return t.reasons[refusal.reason]({ params, time });
}

/**
 * Why the server said no, under our own explanation: translated from its reason, or, for a reason
 * this kiosk does not know, the server's own English words, marked as English for screen readers.
 */
export function ServerMessage({ refusal, timeZone }: { refusal: Refusal | undefined; timeZone: string }) {
  const { t } = useI18n();
  if (!refusal) return null;
  const translated = reasonText(t, refusal, timeZone);
  if (translated) return <p className="server-message">{translated}</p>;
  if (!refusal.message) return null;
  return (
    <p className="server-message">
      <span>{t.manage.serverSaid}</span> <q lang="en">{refusal.message}</q>
    </p>
  );
}
