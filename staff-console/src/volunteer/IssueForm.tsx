import { LANGUAGES, PRIORITIES, type Language, type Priority, type Service, type Ticket } from "@dost/shared";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n.js";
import { useSession } from "../session/session.js";
import { findServices } from "./find-service.js";
import { useSubmit } from "./useSubmit.js";

/** Each language named in itself: the visitor points at their own. */
const NATIVE: Record<Language, string> = { az: "Azərbaycanca", ru: "Русский", en: "English" };

/**
 * A walk-in ticket for a visitor: the service found by the visitor's words, a priority group the
 * volunteer has confirmed with the person (the box must be ticked before a priority is sent; the
 * server's audit trail records the volunteer who issued it), and the language the visitor reads.
 */
export function IssueForm({
  centreId,
  services,
  onIssued,
}: {
  centreId: string;
  services: Service[] | null;
  onIssued(ticket: Ticket): void;
}) {
  const { t, local, language } = useI18n();
  const { api } = useSession();
  const [query, setQuery] = useState("");
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [priority, setPriority] = useState<Priority>("none");
  const [confirmed, setConfirmed] = useState(false);
  const [visitorLanguage, setVisitorLanguage] = useState<Language>(language);
  const [phone, setPhone] = useState("");
  const { busy, failure, setFailure, submit: send } = useSubmit(onIssued);

  const found = services ? findServices(services, query) : [];
  const needsConfirmation = priority !== "none" && !confirmed;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!serviceId) return setFailure("chooseService");
    if (needsConfirmation) return setFailure("confirmFirst");
    const texts = phone.trim() ? { phone: phone.trim() } : {};
    await send(() =>
      api.volunteer.issue(centreId, { serviceId, priority, language: visitorLanguage, ...texts }),
    );
  }

  return (
    <section className="panel volunteer-panel" aria-labelledby="issue-heading">
      <h2 id="issue-heading">{t.volunteer.issueHeading}</h2>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <label className="stack volunteer-field">
          <span className="field-label">{t.volunteer.find}</span>
          <input
            type="search"
            className="volunteer-input"
            value={query}
            placeholder={t.volunteer.findHint}
            autoComplete="off"
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <fieldset className="volunteer-services" aria-busy={services === null}>
          <legend className="field-label">{t.volunteer.services}</legend>
          {services !== null && found.length === 0 && <p className="muted">{t.volunteer.noMatch}</p>}
          {found.map((service) => (
            <label key={service.id} className="volunteer-option service-option">
              <input
                type="radio"
                name="service"
                value={service.id}
                checked={serviceId === service.id}
                onChange={() => setServiceId(service.id)}
              />
              <span className="grow">{local(service.name)}</span>
              <span className="muted small">{t.volunteer.waiting({ count: service.waiting })}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="volunteer-choices">
          <legend className="field-label">{t.volunteer.priority}</legend>
          {PRIORITIES.map((p) => (
            <label key={p} className="volunteer-option">
              <input
                type="radio"
                name="priority"
                value={p}
                checked={priority === p}
                onChange={() => {
                  setPriority(p);
                  setConfirmed(false);
                }}
              />
              {t.priority[p]}
            </label>
          ))}
        </fieldset>
        {priority !== "none" && (
          <label className="volunteer-option volunteer-confirm">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            {t.volunteer.confirmed}
          </label>
        )}
        <fieldset className="volunteer-choices">
          <legend className="field-label">{t.volunteer.language}</legend>
          {LANGUAGES.map((l) => (
            <label key={l} className="volunteer-option" lang={l}>
              <input
                type="radio"
                name="visitor-language"
                value={l}
                checked={visitorLanguage === l}
                onChange={() => setVisitorLanguage(l)}
              />
              {NATIVE[l]}
            </label>
          ))}
        </fieldset>
        <label className="stack volunteer-field">
          <span className="field-label">{t.volunteer.phone}</span>
          <input
            type="tel"
            className="volunteer-input"
            inputMode="tel"
            autoComplete="off"
            value={phone}
            aria-describedby="volunteer-phone-hint"
            onChange={(e) => setPhone(e.target.value)}
          />
          <span id="volunteer-phone-hint" className="muted small">
            {t.volunteer.phoneHint}
          </span>
        </label>
        {failure && (
          <p className="alert" role="alert">
            {t.volunteer[failure]}
          </p>
        )}
        <button
          type="submit"
          className="button primary large volunteer-action"
          disabled={busy || !serviceId || needsConfirmation}
        >
          {t.volunteer.issue}
        </button>
      </form>
    </section>
  );
}
