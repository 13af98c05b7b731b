import { useI18n } from "../i18n/i18n.js";
import { ScreenHeading } from "./ScreenHeading.js";

/** A problem the visitor can do something about: what happened, and a way on. Never a blank screen. */
export function ProblemPanel(props: {
  title: string;
  text: string;
  onRetry?: () => void;
  onStartOver?: () => void;
}) {
  const { t } = useI18n();
  return (
    <section className="panel problem" role="alert">
      <ScreenHeading>{props.title}</ScreenHeading>
      <p className="lead">{props.text}</p>
      <div className="actions">
        {props.onRetry && (
          <button type="button" className="button primary" onClick={props.onRetry}>
            {t.retry}
          </button>
        )}
        {props.onStartOver && (
          <button type="button" className="button secondary" onClick={props.onStartOver}>
            {t.startOver}
          </button>
        )}
      </div>
    </section>
  );
}
