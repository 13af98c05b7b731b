import type { Language } from "@dost/shared";
import { useState } from "react";
import { I18nProvider, useI18n } from "../i18n/i18n.js";
import { LanguageSwitch } from "../ui/LanguageSwitch.js";
import { Loading } from "../ui/Loading.js";
import { ProblemPanel } from "../ui/ProblemPanel.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";
import { TicketStatusView } from "./TicketStatusView.js";
import { useTicketStatus, type TicketStatusState } from "./useTicketStatus.js";

/**
 * The visitor's phone, from the ticket's QR code: no key, no login. It speaks the language the
 * ticket was taken in until the visitor picks another.
 */
export function StatusPage({ publicId }: { publicId: string }) {
  const live = useTicketStatus(publicId);
  const [chosen, setChosen] = useState<Language | null>(null);
  const language = chosen ?? (live.state.status === "ready" ? live.state.ticket.language : "az");
  return (
    <I18nProvider language={language} onLanguageChange={setChosen}>
      <StatusScreen state={live.state} offline={live.offline} onRetry={live.retry} />
    </I18nProvider>
  );
}

function StatusScreen(props: { state: TicketStatusState; offline: boolean; onRetry(): void }) {
  const { t, language } = useI18n();
  const { state } = props;
  return (
    <div className="status-page">
      <header className="status-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            DOST
          </span>
          {state.status === "ready" && <p className="centre-name">{state.centre.name[language]}</p>}
        </div>
        <LanguageSwitch />
      </header>
      <main className="status-main">
        {state.status === "loading" && <Loading />}
        {state.status === "unreachable" && (
          <ProblemPanel title={t.unreachableTitle} text={t.unreachableText} onRetry={props.onRetry} />
        )}
        {state.status === "not-found" && (
          <section className="panel" role="alert">
            <ScreenHeading>{t.ticketNotFound}</ScreenHeading>
            <p className="lead">{t.ticketNotFoundText}</p>
          </section>
        )}
        {state.status === "ready" && (
          <TicketStatusView
            ticket={state.ticket}
            centre={state.centre}
            service={state.service}
            offline={props.offline}
          />
        )}
      </main>
    </div>
  );
}
