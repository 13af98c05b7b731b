import type { FailureCode } from "@dost/shared/client";
import { useI18n, type MessageKey } from "../i18n/i18n.js";

/** The server's error codes, said in the employee's language; the screen has been refetched. */
const MESSAGES: Record<FailureCode, MessageKey> = {
  VALIDATION_FAILED: "failure.VALIDATION_FAILED",
  UNAUTHENTICATED: "failure.UNAUTHENTICATED",
  FORBIDDEN: "failure.FORBIDDEN",
  NOT_FOUND: "failure.NOT_FOUND",
  CONFLICT: "failure.CONFLICT",
  UNPROCESSABLE: "failure.UNPROCESSABLE",
  RATE_LIMITED: "failure.RATE_LIMITED",
  UNAVAILABLE: "failure.UNAVAILABLE",
  NETWORK: "failure.NETWORK",
};

export function FailureAlert({ failure, onDismiss }: { failure: FailureCode | null; onDismiss?(): void }) {
  const { t } = useI18n();
  if (!failure) return null;
  return (
    <div className="alert" role="alert">
      <span>{t(MESSAGES[failure])}</span>
      {onDismiss && (
        <button type="button" className="button small subtle" onClick={onDismiss}>
          {t("alert.dismiss")}
        </button>
      )}
    </div>
  );
}
