import type { Language, PublicWaits } from "@dost/shared";
import { useState } from "react";
import { formatWait } from "../i18n/format.js";
import { I18nProvider, useI18n } from "../i18n/i18n.js";
import type { Messages } from "../i18n/messages.js";
import { Loading } from "../ui/Loading.js";
import { PageHeader } from "../ui/PageHeader.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";
import { useWaits } from "./useWaits.js";

type CentreWaits = PublicWaits["centres"][number];
type ServiceWaits = CentreWaits["services"][number];

/**
 * The figures carry no timezone; every DOST centre keeps Baku time, so the page says the time of
 * the figures as the hall's clocks do, whatever the phone's own zone.
 */
const CENTRE_TIME_ZONE = "Asia/Baku";

const pageTitle = (t: Messages) => t.waits.title;

/**
 * Open data for anyone, before they travel: no key, no sign-in, nothing stored on the phone.
 * The same figures are at /api/v1/public/waits for anyone to reuse under the stated licence.
 */
export function WaitsPage() {
  const [language, setLanguage] = useState<Language>("az");
  return (
    <I18nProvider language={language} onLanguageChange={setLanguage} title={pageTitle}>
      <WaitsScreen />
    </I18nProvider>
  );
}

function WaitsScreen() {
  const { t, locale } = useI18n();
  const { waits, failed, retry } = useWaits();
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: CENTRE_TIME_ZONE,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(new Date(iso));
  return (
    <div className="status-page waits-page">
      <PageHeader />
      <main className="status-main waits-main">
        <ScreenHeading>{t.waits.heading}</ScreenHeading>
        <p className="lead">{t.waits.intro}</p>
        {!waits && !failed && <Loading />}
        {!waits && failed && (
          <section className="panel problem" role="alert">
            <h2>{t.unreachableTitle}</h2>
            <p className="lead">{t.unreachableText}</p>
            <div className="actions">
              <button type="button" className="button primary" onClick={retry}>
                {t.retry}
              </button>
            </div>
          </section>
        )}
        {waits && (
          <>
            <p className="waits-updated" role="status">
              {failed ? t.waits.stale(time(waits.generatedAt)) : t.waits.updatedAt(time(waits.generatedAt))}
            </p>
            {waits.centres.length === 0 && <p>{t.waits.noCentres}</p>}
            {waits.centres.map((centre) => (
              <CentreCard key={centre.code} centre={centre} />
            ))}
          </>
        )}
      </main>
      <Licence licence={waits?.licence ?? null} />
    </div>
  );
}

function CentreCard({ centre }: { centre: CentreWaits }) {
  const { t, language } = useI18n();
  const headingId = `centre-${centre.code}`;
  return (
    <section className="waits-centre" aria-labelledby={headingId}>
      <div className="waits-centre-head">
        <h2 id={headingId}>{centre.name[language]}</h2>
        <p className={`waits-open ${centre.openNow ? "is-open" : "is-closed"}`}>
          {centre.openNow ? t.waits.openNow : t.waits.closedNow}
        </p>
      </div>
      {centre.services.length === 0 ? (
        <p>{t.waits.noServices}</p>
      ) : (
        <ul className="waits-services">
          {centre.services.map((service) => (
            <ServiceRow key={service.code} service={service} open={centre.openNow} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ServiceRow({ service, open }: { service: ServiceWaits; open: boolean }) {
  const { t, language } = useI18n();
  return (
    <li className="waits-service" data-service={service.code}>
      <h3>{service.name[language]}</h3>
      <dl className="waits-figures">
        <div>
          <dt>{t.waits.waiting}</dt>
          <dd>{service.waiting}</dd>
        </div>
        <div>
          <dt>{t.waits.estimatedWait}</dt>
          {/* A closed centre has no wait to estimate; "under a minute" would invite a wasted trip. */}
          <dd>{open ? formatWait(t, service.estimatedWaitMinutes) : "—"}</dd>
        </div>
        <div>
          <dt>{t.waits.openCounters}</dt>
          <dd>{service.openCounters}</dd>
        </div>
      </dl>
      {open && service.openCounters === 0 && <p className="waits-note">{t.waits.noCounterOpen}</p>}
    </li>
  );
}

/** "CC-BY-4.0 (https://…)" as the server states it: the name, linked to the licence's text. */
export function parseLicence(licence: string): { name: string; url: string | null } {
  const match = /^(.*?)\s*\((https?:\/\/[^)\s]+)\)\s*$/.exec(licence);
  return match?.[1] && match[2] ? { name: match[1], url: match[2] } : { name: licence, url: null };
}

function Licence({ licence }: { licence: string | null }) {
  const { t } = useI18n();
  const parsed = licence ? parseLicence(licence) : null;
  return (
    <footer className="waits-licence">
      {parsed && (
        <p>
          {t.waits.licence}{" "}
          {parsed.url ? (
            <a href={parsed.url} rel="license">
              {parsed.name}
            </a>
          ) : (
            parsed.name
          )}
          .
        </p>
      )}
      <p>
        <a href="/api/v1/public/waits" type="application/json">
          {t.waits.rawData}
        </a>
      </p>
    </footer>
  );
}
