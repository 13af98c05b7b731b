import type { Service } from "@dost/shared";
import { useI18n } from "../i18n/i18n.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";

/**
 * Between the service and the priority question: the papers the service needs, so a visitor who
 * lacks one learns it before queueing rather than at the counter. Only shown when there are some.
 */
export function DocumentsScreen(props: { service: Service; onContinue(): void; onBack(): void }) {
  const { t, language } = useI18n();
  const documents = props.service.documents ?? [];
  return (
    <section className="documents-check">
      <div className="screen-intro">
        <p className="chosen-service">
          <span className="label">{t.chosenService}:</span> {props.service.name[language]}
        </p>
        <ScreenHeading>{t.bring.heading}</ScreenHeading>
        <p className="lead">{t.bring.hint}</p>
      </div>
      <ul className="documents-to-bring">
        {documents.map((document, index) => (
          <li key={index}>{document[language]}</li>
        ))}
      </ul>
      <div className="documents-actions">
        <button type="button" className="button primary" onClick={props.onContinue}>
          {t.bring.continue}
        </button>
        <button type="button" className="button tertiary" onClick={props.onBack}>
          {t.back}
        </button>
      </div>
    </section>
  );
}
