import type { Refusal } from "../api/client.js";
import { useI18n } from "../i18n/i18n.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";
import { ServerMessage } from "../ui/ServerMessage.js";

export type CheckInProblemKind = "conflict" | "not-found" | "unreachable";

/**
 * Why the check-in did not work and what to do now. The translated text explains the kind of
 * refusal, and the server's reason (the hour check-in opens, say), translated, is shown beneath it.
 */
export function CheckInProblem(props: {
  problem: CheckInProblemKind;
  /** The server's refusal, for a conflict. */
  refusal: Refusal | undefined;
  timeZone: string;
  onRetry(): void;
  onEnterAgain(): void;
  onTakeTicket(): void;
}) {
  const { t } = useI18n();
  const { problem } = props;
  const title =
    problem === "conflict"
      ? t.checkIn.conflictTitle
      : problem === "not-found"
        ? t.checkIn.notFoundTitle
        : t.unreachableTitle;
  const text =
    problem === "conflict"
      ? t.checkIn.conflictText
      : problem === "not-found"
        ? t.checkIn.notFoundText
        : t.checkIn.failedText;
  return (
    <section className="panel problem" role="alert">
      <ScreenHeading>{title}</ScreenHeading>
      <p className="lead">{text}</p>
      {problem === "conflict" && <ServerMessage refusal={props.refusal} timeZone={props.timeZone} />}
      <div className="actions">
        {problem === "unreachable" && (
          <button type="button" className="button primary" onClick={props.onRetry}>
            {t.retry}
          </button>
        )}
        <button
          type="button"
          className={`button ${problem === "unreachable" ? "secondary" : "primary"}`}
          onClick={props.onEnterAgain}
        >
          {t.checkIn.enterAgain}
        </button>
        <button type="button" className="button secondary" onClick={props.onTakeTicket}>
          {t.checkIn.takeTicket}
        </button>
      </div>
    </section>
  );
}
