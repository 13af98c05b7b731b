import type { Appointment, Language } from "@dost/shared";
import { useState, type ReactNode } from "react";
import { useLoad } from "../api/useLoad.js";
import { DEFAULT_LANGUAGE, I18nProvider, useI18n } from "../i18n/i18n.js";
import type { Messages } from "../i18n/messages.js";
import { Loading } from "../ui/Loading.js";
import { PageHeader } from "../ui/PageHeader.js";
import { ProblemPanel } from "../ui/ProblemPanel.js";
import { BookingView } from "./BookingView.js";
import { CodeForm } from "./CodeForm.js";
import { loadBooking, type Booking } from "./load-booking.js";

const pageTitle = (t: Messages) => `${t.manage.title} — DOST`;

interface Lookup {
  code: string;
  /** Counts lookups, so looking up the same code again asks the server again. */
  attempt: number;
}

/** Keeps the code in the address, so a reload or a shared link opens the same booking. */
function showCodeInAddress(code: string | null): void {
  const url = new URL(window.location.href);
  if (code) url.searchParams.set("code", code);
  else url.searchParams.delete("code");
  window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}`);
}

/**
 * /kiosk/book/manage: look up a booking by its code, then move or cancel it. Personal data comes
 * masked from the server. The page speaks the booking's language until the visitor picks another.
 */
export function ManagePage({ initialCode }: { initialCode: string | null }) {
  const [lookup, setLookup] = useState<Lookup | null>(initialCode ? { code: initialCode, attempt: 0 } : null);
  const [chosen, setChosen] = useState<Language | null>(null);
  const booking = useLoad(lookup ? `${lookup.attempt}:${lookup.code}` : "", () =>
    lookup ? loadBooking(lookup.code) : Promise.resolve(null),
  );
  // A cancel or a move answers with the changed appointment; it replaces the one looked up.
  const [changed, setChanged] = useState<Appointment | null>(null);

  const found = booking.status === "ready" ? booking.data : null;
  const language = chosen ?? found?.appointment.language ?? DEFAULT_LANGUAGE;
  const current: Booking | null =
    found && changed?.id === found.appointment.id ? { ...found, appointment: changed } : found;

  const lookUp = (code: string) => {
    showCodeInAddress(code);
    setChanged(null);
    setLookup((l) => ({ code, attempt: (l?.attempt ?? 0) + 1 }));
  };
  const lookUpAnother = () => {
    // The visitor keeps reading in the language the last booking was shown in.
    setChosen(language);
    showCodeInAddress(null);
    setLookup(null);
  };

  return (
    <I18nProvider language={language} onLanguageChange={setChosen} title={pageTitle}>
      <ManageScreen>
        {!lookup && <CodeForm initial="" notFound={false} onLookUp={lookUp} />}
        {lookup && booking.status === "loading" && <Loading />}
        {lookup && booking.status === "failed" && booking.error.failure === "rejected" && (
          <CodeForm initial={lookup.code} notFound onLookUp={lookUp} />
        )}
        {lookup && booking.status === "failed" && booking.error.failure !== "rejected" && (
          <Unreachable onRetry={booking.retry} />
        )}
        {current && <BookingView booking={current} onChange={setChanged} onLookUpAnother={lookUpAnother} />}
      </ManageScreen>
    </I18nProvider>
  );
}

function ManageScreen({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="status-page booking-page">
      <PageHeader title={t.manage.title} />
      <main className="status-main booking-main">{children}</main>
    </div>
  );
}

function Unreachable({ onRetry }: { onRetry(): void }) {
  const { t } = useI18n();
  return <ProblemPanel title={t.unreachableTitle} text={t.unreachableText} onRetry={onRetry} />;
}
