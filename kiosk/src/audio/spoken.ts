import type { Language, Service } from "@dost/shared";
import { spokenCode } from "@dost/shared/client";
import type { Messages } from "../i18n/messages.js";
import type { Visit } from "../kiosk/visit.js";

// The code as the hall hears it called; the table of letter names is the display's too.
export { spokenCode };

/** A wait as a voice says it; the same band the screen shows ("about 10–15 min"), in words. */
export function spokenWait(
  t: Messages,
  minutes: number | null,
  range: { low: number; high: number } | null | undefined,
): string {
  const a = t.audio;
  if (range && Number.isFinite(range.low) && Number.isFinite(range.high)) {
    const low = Math.max(0, Math.floor(range.low));
    const high = Math.max(low, Math.ceil(range.high));
    if (high < 1) return a.underAMinute;
    return low === high ? a.aboutMinutes(high) : a.aboutRange(low, high);
  }
  if (minutes === null || !Number.isFinite(minutes)) return a.waitUnknown;
  if (minutes < 1) return a.underAMinute;
  return a.aboutMinutes(Math.round(minutes));
}

/** What a service's button says when it is focused. */
export function spokenService(t: Messages, language: Language, service: Service): string {
  return t.audio.service(
    service.name[language],
    service.waiting,
    spokenWait(t, service.estimatedWaitMinutes, null),
  );
}

/** The ticket as read out: code, place in line and the wait. */
export function spokenTicket(
  t: Messages,
  language: Language,
  ticket: Extract<Visit, { step: "ticket" }>["ticket"],
): string {
  // A waiting ticket without an estimate means no counter is open or expected yet: say what the
  // screen says rather than "not known".
  const unknown = ticket.estimatedWaitMinutes === null && !ticket.estimatedWaitRange;
  return t.audio.ticket(
    spokenCode(ticket.code, language),
    ticket.position ?? 0,
    unknown ? t.noEstimate : spokenWait(t, ticket.estimatedWaitMinutes, ticket.estimatedWaitRange),
  );
}

export interface ScreenFacts {
  visit: Visit;
  /** How many services the start screen lists; null when it shows something else (closed, loading). */
  serviceCount: number | null;
  closed: boolean;
}

/**
 * What a screen says when it appears (or when asked again): where the visitor is and what they can
 * do. The choices themselves are read one by one as the arrows reach them.
 */
export function screenSpeech(t: Messages, language: Language, facts: ScreenFacts): string {
  const { visit } = facts;
  const a = t.audio;
  const chosen = (service: Service) => `${t.chosenService}: ${service.name[language]}.`;
  switch (visit.step) {
    case "start":
      if (facts.closed) return `${t.closedHeading}. ${a.choices}`;
      if (facts.serviceCount === null) return t.loading;
      return `${t.startHeading}. ${a.servicesCount(facts.serviceCount)} ${a.keysHelp}`;
    case "documents": {
      const documents = (visit.service.documents ?? []).map((d) => d[language]).join("; ");
      return `${chosen(visit.service)} ${t.bring.heading} ${documents}. ${a.documentsChoices}`;
    }
    case "phone":
      // The number is typed on the keypad's digit keys; the arrows reach Skip and the keypad.
      return `${t.phone.heading} ${t.phone.hint} ${a.choices}`;
    case "priority":
      return `${chosen(visit.service)} ${t.priorityHeading} ${t.priorityHint} ${a.choices}`;
    case "issuing":
      return t.issuing;
    case "failed":
      return `${visit.problem === "unreachable" ? t.issueFailedText : t.notIssuingText} ${a.choices}`;
    case "ticket":
      return `${spokenTicket(t, language, visit.ticket)} ${a.ticketAgain}`;
    case "check-in":
    case "checking-in":
    case "check-in-failed":
      return a.checkInNotSpoken;
  }
}

/** Each visit step that is a screen of its own: a change of it (or of language) is read anew. */
export function screenKey(visit: Visit): string {
  if (visit.step === "issuing") return "issuing";
  if (visit.step === "ticket") return `ticket:${visit.ticket.id}`;
  if (visit.step === "checking-in") return "check-in";
  return visit.step;
}
