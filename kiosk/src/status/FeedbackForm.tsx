import type { Feedback, FeedbackReason } from "@dost/shared";
import { useEffect, useId, useState, type FormEvent } from "react";
import { ApiError } from "@dost/shared/client";
import { fetchFeedback, sendFeedback } from "../api/client.js";
import { useI18n } from "../i18n/i18n.js";
import { FeedbackReasons } from "./FeedbackReasons.js";

const SCORES = [1, 2, 3, 4, 5] as const;

type Phase =
  | { step: "checking" }
  | { step: "asking"; problem: "failed" | "noScore" | null; sending: boolean }
  | { step: "thanked" }
  | { step: "closed" };

/**
 * Asks for the satisfaction score the moment the visit ends: 1 to 5, optional reasons and a
 * comment. Plain radio buttons and check boxes, so a phone's screen reader and keyboard work as is.
 * The server stores the comment without phone numbers or FINs; the hint asks not to type them.
 */
export function FeedbackForm({ publicId }: { publicId: string }) {
  const { t } = useI18n();
  const f = t.feedback;
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ step: "checking" });
  const [score, setScore] = useState<number | null>(null);
  const [reasons, setReasons] = useState<FeedbackReason[]>([]);
  const [comment, setComment] = useState("");

  useEffect(() => {
    let current = true;
    const ask: Phase = { step: "asking", problem: null, sending: false };
    fetchFeedback(publicId).then(
      (given: Feedback | null) => current && setPhase(given ? { step: "thanked" } : ask),
      // Not knowing whether it was rated is no reason to withhold the question.
      () => current && setPhase(ask),
    );
    return () => {
      current = false;
    };
  }, [publicId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (score === null) return setPhase({ step: "asking", problem: "noScore", sending: false });
    setPhase({ step: "asking", problem: null, sending: true });
    try {
      const trimmed = comment.trim();
      await sendFeedback(publicId, { score, reasons, ...(trimmed ? { comment: trimmed } : {}) });
      setPhase({ step: "thanked" });
    } catch (error) {
      const closed = error instanceof ApiError && error.code === "CONFLICT";
      setPhase(closed ? { step: "closed" } : { step: "asking", problem: "failed", sending: false });
    }
  }

  if (phase.step === "checking") return null;
  if (phase.step !== "asking")
    return (
      <p className="feedback-done" role="status">
        {phase.step === "thanked" ? f.thanks : f.closed}
      </p>
    );

  return (
    <form className="feedback-form panel" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{f.heading}</h2>
      <fieldset className="feedback-scores">
        <legend>{f.scoreLegend}</legend>
        {SCORES.map((s) => (
          <label key={s} className="feedback-score">
            <input
              type="radio"
              name={`${id}-score`}
              value={s}
              checked={score === s}
              onChange={() => setScore(s)}
            />
            <span>{f.scores[s]}</span>
          </label>
        ))}
      </fieldset>
      <FeedbackReasons chosen={reasons} onChange={setReasons} />
      <label htmlFor={`${id}-comment`}>{f.commentLabel}</label>
      <p id={`${id}-hint`} className="hint">
        {f.commentHint}
      </p>
      <textarea
        id={`${id}-comment`}
        aria-describedby={`${id}-hint`}
        maxLength={1000}
        rows={3}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {phase.problem && (
        <p className="notice" role="alert">
          {phase.problem === "noScore" ? f.chooseScore : f.failed}
        </p>
      )}
      <button type="submit" className="button primary" disabled={phase.sending}>
        {phase.sending ? f.sending : f.send}
      </button>
    </form>
  );
}
