import type { Centre, Language, Priority, Service } from "@dost/shared";
import { useCallback, useRef, useState } from "react";
import { ApiError } from "@dost/shared/client";
import { issueTicket, newIdempotencyKey } from "../api/client.js";
import { useAudioMode } from "../audio/AudioMode.js";
import { useAudioGuide } from "../audio/useAudioGuide.js";
import { CheckInProblem } from "../checkin/CheckInProblem.js";
import { CheckInScreen } from "../checkin/CheckInScreen.js";
import { formatWaitRange } from "../i18n/format.js";
import { DEFAULT_LANGUAGE, useI18n } from "../i18n/i18n.js";
import { Loading } from "../ui/Loading.js";
import { needsDocuments } from "../ui/DocumentList.js";
import { ProblemPanel } from "../ui/ProblemPanel.js";
import { DocumentsScreen } from "./DocumentsScreen.js";
import { KioskHeader } from "./KioskHeader.js";
import { PhoneScreen } from "./PhoneScreen.js";
import { PriorityScreen } from "./PriorityScreen.js";
import { StartScreen } from "./StartScreen.js";
import { TicketScreen } from "./TicketScreen.js";
import { useCheckIn } from "./useCheckIn.js";
import { ClosedScreen } from "./ClosedScreen.js";
import { CHECK_IN_IDLE_MS, useIdleReset } from "./useIdleReset.js";
import { useServices } from "./useServices.js";
import { START, type Visit } from "./visit.js";

/**
 * One visitor after another: service, priority group, ticket, and back to the start; or, for a
 * visitor with an appointment, the booking code and then the same ticket.
 */
export function KioskFlow(props: {
  deviceKey: string;
  centre: Centre;
  /** Where phones reach the system, for the ticket's QR code; null: the kiosk's own address. */
  publicUrl?: string | null;
  onRefused(): void;
}) {
  const { deviceKey, centre, onRefused } = props;
  const { t, language, setLanguage } = useI18n();
  const services = useServices(centre.id, deviceKey, onRefused);
  const { issuingClosed } = services;
  const closed =
    services.state.status === "ready" && services.state.issuing?.open === false
      ? services.state.issuing
      : null;
  const [visit, setVisit] = useState<Visit>(START);
  // A ref, not state: two taps in the same frame both see the state before either re-render.
  const inFlight = useRef(false);

  const audio = useAudioMode();
  const stopAudio = audio.stop;
  const reset = useCallback(() => {
    setVisit(START);
    setLanguage(DEFAULT_LANGUAGE);
    stopAudio();
  }, [setLanguage, stopAudio]);

  // Mid-way (or merely switched to another language) and left alone: ready the kiosk for the next visitor.
  const midway =
    visit.step === "documents" ||
    visit.step === "phone" ||
    visit.step === "priority" ||
    visit.step === "failed" ||
    visit.step === "check-in-failed";
  // Audio mode too: the next visitor should not find the kiosk speaking.
  useIdleReset(midway || (visit.step === "start" && (language !== DEFAULT_LANGUAGE || audio.on)), reset);
  // Finding the code in a message on one's phone takes longer than choosing a service.
  useIdleReset(visit.step === "check-in", reset, CHECK_IN_IDLE_MS);

  useAudioGuide({
    visit,
    facts: {
      serviceCount: services.state.status === "ready" && !closed ? services.state.services.length : null,
      closed: closed !== null,
    },
    onBack: () => {
      if (visit.step === "start") audio.stop(true);
      else if (visit.step === "failed" || visit.step === "ticket") reset();
      else if (visit.step !== "issuing" && visit.step !== "checking-in") setVisit(START);
    },
  });

  const checkInWith = useCheckIn({
    deviceKey,
    centre,
    services: services.state.status === "ready" ? services.state.services : null,
    setVisit,
    onRefused,
  });

  const choose = (service: Service) =>
    setVisit({
      step: needsDocuments(service) ? "documents" : "phone",
      service,
      attemptKey: newIdempotencyKey(),
    });

  // A retry sends what the first try sent: the server refuses a key reused with another body.
  const issue = (
    service: Service,
    attemptKey: string,
    priority: Priority,
    sentIn: Language = language,
    phone?: string,
  ) => {
    if (inFlight.current) return;
    inFlight.current = true;
    const texts = phone ? { phone } : {};
    setVisit({ step: "issuing", service, attemptKey, priority, ...texts });
    const stillThisAttempt = (v: Visit) => v.step === "issuing" && v.attemptKey === attemptKey;
    issueTicket(
      deviceKey,
      centre.id,
      { serviceId: service.id, priority, language: sentIn, ...texts },
      attemptKey,
    )
      .then(({ ticket, serverPrint }) =>
        setVisit((v) => (stillThisAttempt(v) ? { step: "ticket", service, ticket, serverPrint } : v)),
      )
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.failure === "unauthenticated") return onRefused();
        if (error instanceof ApiError && error.reason === "centre_closed") {
          // Closed while the visitor chose: the closed screen says when to come back.
          const opensAt = error.params?.opensAt;
          issuingClosed(typeof opensAt === "string" ? opensAt : null);
          return setVisit((v) => (stillThisAttempt(v) ? START : v));
        }
        const problem =
          error instanceof ApiError && error.failure === "rejected" ? "not-issuing" : "unreachable";
        setVisit((v) =>
          stillThisAttempt(v)
            ? { step: "failed", service, attemptKey, priority, language: sentIn, problem, ...texts }
            : v,
        );
      })
      .finally(() => {
        inFlight.current = false;
      });
  };

  const announcement =
    visit.step === "ticket"
      ? t.ticketAnnouncement(
          visit.ticket.code,
          visit.ticket.position ?? 0,
          formatWaitRange(t, visit.ticket.estimatedWaitMinutes, visit.ticket.estimatedWaitRange),
        )
      : "";

  return (
    <div className="kiosk">
      <KioskHeader centreName={centre.name[language]} />
      <main className="kiosk-main">
        {visit.step === "start" && services.state.status === "loading" && <Loading />}
        {visit.step === "start" && services.state.status === "unreachable" && (
          <ProblemPanel title={t.unreachableTitle} text={t.unreachableText} onRetry={services.retry} />
        )}
        {visit.step === "start" && services.state.status === "ready" && closed && (
          <ClosedScreen
            issuing={closed}
            timeZone={centre.timezone}
            onCheckIn={() => setVisit({ step: "check-in", code: "" })}
          />
        )}
        {visit.step === "start" && services.state.status === "ready" && !closed && (
          <StartScreen
            services={services.state.services}
            offline={services.offline}
            onChoose={choose}
            onCheckIn={() => setVisit({ step: "check-in", code: "" })}
          />
        )}
        {visit.step === "documents" && (
          <DocumentsScreen
            service={visit.service}
            onContinue={() => setVisit({ ...visit, step: "phone" })}
            onBack={() => setVisit(START)}
          />
        )}
        {visit.step === "phone" && (
          <PhoneScreen
            service={visit.service}
            onDone={(phone) => setVisit({ ...visit, step: "priority", ...(phone ? { phone } : {}) })}
            onBack={() => setVisit(START)}
          />
        )}
        {(visit.step === "priority" || visit.step === "issuing") && (
          <PriorityScreen
            service={visit.service}
            busy={visit.step === "issuing"}
            onChoose={(priority) => issue(visit.service, visit.attemptKey, priority, language, visit.phone)}
            onBack={() => setVisit(START)}
          />
        )}
        {visit.step === "failed" && (
          <ProblemPanel
            title={visit.problem === "unreachable" ? t.unreachableTitle : visit.service.name[language]}
            text={visit.problem === "unreachable" ? t.issueFailedText : t.notIssuingText}
            onRetry={
              visit.problem === "unreachable"
                ? () => issue(visit.service, visit.attemptKey, visit.priority, visit.language, visit.phone)
                : undefined
            }
            onStartOver={reset}
          />
        )}
        {(visit.step === "check-in" || visit.step === "checking-in") && (
          <CheckInScreen
            initialCode={visit.code}
            busy={visit.step === "checking-in"}
            onSubmit={checkInWith}
            onBack={() => setVisit(START)}
          />
        )}
        {visit.step === "check-in-failed" && (
          <CheckInProblem
            problem={visit.problem}
            refusal={visit.refusal}
            timeZone={centre.timezone}
            onRetry={() => checkInWith(visit.code)}
            onEnterAgain={() => setVisit({ step: "check-in", code: visit.code })}
            onTakeTicket={() => setVisit(START)}
          />
        )}
        {visit.step === "ticket" && (
          <TicketScreen
            ticket={visit.ticket}
            service={visit.service}
            centre={centre}
            publicUrl={props.publicUrl ?? null}
            printInBrowser={!visit.serverPrint}
            onDone={reset}
          />
        )}
      </main>
      {/* Present from the start, so a screen reader announces the ticket the moment it appears. */}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
