import { FEEDBACK_REASONS, type FeedbackReason } from "@dost/shared";
import { useI18n } from "../i18n/i18n.js";

/**
 * The optional reasons a visitor may add to a score (waited too long, staff, documents, the hall…):
 * one set of check boxes for the status page and the counter's feedback tablet alike.
 */
export function FeedbackReasons({
  chosen,
  onChange,
  className = "feedback-reasons",
}: {
  chosen: readonly FeedbackReason[];
  onChange(reasons: FeedbackReason[]): void;
  className?: string;
}) {
  const f = useI18n().t.feedback;
  const toggle = (reason: FeedbackReason, on: boolean) =>
    onChange(on ? [...chosen, reason] : chosen.filter((x) => x !== reason));
  return (
    <fieldset className={className}>
      <legend>{f.reasonsLegend}</legend>
      {FEEDBACK_REASONS.map((reason) => (
        <label key={reason}>
          <input
            type="checkbox"
            checked={chosen.includes(reason)}
            onChange={(e) => toggle(reason, e.target.checked)}
          />
          <span>{f.reasons[reason]}</span>
        </label>
      ))}
    </fieldset>
  );
}
