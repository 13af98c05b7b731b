import { PRIORITIES, type Priority, type Service } from "@dost/shared";
import { useI18n } from "../i18n/i18n.js";
import type { PriorityGroup } from "../i18n/messages.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";

const GROUPS = PRIORITIES.filter((p): p is PriorityGroup => p !== "none");

/**
 * Step 2: a priority group or "No". Choosing one takes the ticket; while that is in flight every
 * button is disabled, so a second tap does nothing.
 */
export function PriorityScreen(props: {
  service: Service;
  busy: boolean;
  onChoose(priority: Priority): void;
  onBack(): void;
}) {
  const { t, language } = useI18n();
  return (
    <section className="priority" aria-busy={props.busy}>
      <div className="screen-intro">
        <p className="chosen-service">
          <span className="label">{t.chosenService}:</span> {props.service.name[language]}
        </p>
        <ScreenHeading>{t.priorityHeading}</ScreenHeading>
        <p className="lead">{t.priorityHint}</p>
      </div>
      <div className="priority-choices">
        <button
          type="button"
          className="button primary priority-no"
          disabled={props.busy}
          onClick={() => props.onChoose("none")}
        >
          {t.priorityNo}
        </button>
        <ul className="priority-groups">
          {GROUPS.map((group) => (
            <li key={group}>
              <button
                type="button"
                className="button secondary"
                disabled={props.busy}
                onClick={() => props.onChoose(group)}
              >
                {t.priorityGroups[group]}
              </button>
            </li>
          ))}
        </ul>
      </div>
      {props.busy ? (
        <p className="notice" role="status">
          {t.issuing}
        </p>
      ) : (
        <button type="button" className="button tertiary back" onClick={props.onBack}>
          {t.back}
        </button>
      )}
    </section>
  );
}
