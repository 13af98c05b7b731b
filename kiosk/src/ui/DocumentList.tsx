import type { Service } from "@dost/shared";
import { useId } from "react";
import { useI18n } from "../i18n/i18n.js";

/**
 * What to bring for a service, in the chosen language, under a small heading; nothing at all for a
 * service that needs no documents. Shared by the ticket, the receipt, the status page and the
 * booking confirmation, so every surface says the same.
 */
export function DocumentList(props: { service: Service; className?: string }) {
  const { t, language } = useI18n();
  const id = useId();
  const documents = props.service.documents ?? [];
  if (documents.length === 0) return null;
  return (
    <section className={`document-list ${props.className ?? ""}`.trim()} aria-labelledby={id}>
      <h2 id={id} className="document-list-heading">
        {t.bring.listHeading}
      </h2>
      <ul>
        {documents.map((document, index) => (
          <li key={index}>{document[language]}</li>
        ))}
      </ul>
    </section>
  );
}

/** Whether the kiosk asks about documents before the ticket. */
export const needsDocuments = (service: Service): boolean => (service.documents ?? []).length > 0;
