import type { Centre, Service, Ticket, User } from "@dost/shared";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/i18n.js";
import { useSession } from "../session/session.js";
import { LanguageSwitch } from "../shell/LanguageSwitch.js";
import { BigTicket } from "./BigTicket.js";
import { CheckInForm } from "./CheckInForm.js";
import { IssueForm } from "./IssueForm.js";
import "./volunteer.css";

/**
 * The volunteer's tablet: the whole console for the `volunteer` role, which may only issue tickets
 * and check appointments in at its own centre. Large targets for a tablet held at the door; the
 * ticket it makes is shown large, with its QR code, and can be printed.
 */
export function VolunteerScreen({ user, centre }: { user: User; centre: Centre | null }) {
  const { t, local } = useI18n();
  const { api, signOut } = useSession();
  const centreId = user.centreId;
  const [services, setServices] = useState<Service[] | null>(null);
  const [ticket, setTicket] = useState<Ticket | null>(null);

  useEffect(() => {
    if (!centreId || ticket) return;
    let live = true;
    // Each return to the form refreshes the waiting figures the volunteer reads out.
    api.services(centreId).then(
      (list) => live && setServices(list),
      () => live && setServices((s) => s ?? []),
    );
    return () => {
      live = false;
    };
  }, [api, centreId, ticket]);

  const service = ticket ? (services?.find((s) => s.id === ticket.serviceId) ?? null) : null;

  return (
    <div className="volunteer">
      <header className="top-bar volunteer-bar">
        <a className="skip-link" href="#main">
          {t.app.skip}
        </a>
        <span className="brand">
          DOST <span className="muted">{t.volunteer.title}</span>
        </span>
        <span className="centre-name">{centre ? local(centre.name) : ""}</span>
        <span className="grow" />
        <span className="user">
          {user.displayName} <span className="muted small">{t.role.volunteer}</span>
        </span>
        <LanguageSwitch />
        <button type="button" className="button small" onClick={() => void signOut()}>
          {t.shell.signOut}
        </button>
      </header>
      <main id="main" className="volunteer-main">
        {!centreId ? (
          <p className="banner">{t.shell.chooseCentreFirst}</p>
        ) : ticket ? (
          <BigTicket ticket={ticket} service={service} onNext={() => setTicket(null)} />
        ) : (
          <div className="volunteer-forms">
            <h1 className="visually-hidden">{t.volunteer.title}</h1>
            <IssueForm centreId={centreId} services={services} onIssued={setTicket} />
            <CheckInForm centreId={centreId} onCheckedIn={setTicket} />
          </div>
        )}
      </main>
    </div>
  );
}
