import type { FailureCode } from "@dost/shared/client";
import { useI18n, type Label } from "../i18n/i18n.js";

/** The server's error codes, said in the employee's language; the screen has been refetched. */
const MESSAGES: Record<FailureCode, Label> = {
  VALIDATION_FAILED: (t) => t.failure.VALIDATION_FAILED,
  UNAUTHENTICATED: (t) => t.failure.UNAUTHENTICATED,
  FORBIDDEN: (t) => t.failure.FORBIDDEN,
  NOT_FOUND: (t) => t.failure.NOT_FOUND,
  CONFLICT: (t) => t.failure.CONFLICT,
  UNPROCESSABLE: (t) => t.failure.UNPROCESSABLE,
  RATE_LIMITED: (t) => t.failure.RATE_LIMITED,
  UNAVAILABLE: (t) => t.failure.UNAVAILABLE,
  NETWORK: (t) => t.failure.NETWORK,
};

export function FailureAlert({ failure, onDismiss }: { failure: FailureCode | null; onDismiss?(): void }) {
  const { t } = useI18n();
  if (!failure) return null;
  return (
    <div className="alert" role="alert">
      <span>{MESSAGES[failure](t)}</span>
      {onDismiss && (
        <button type="button" className="button small subtle" onClick={onDismiss}>
          {t.alert.dismiss}
        </button>
      )}
    </div>
  );
}
