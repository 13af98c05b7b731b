import { formatAppointmentCode, type Language, type LocalizedText } from "@dost/shared";

export type NotificationKind =
  "booking_confirmed" | "reminder" | "turn_near" | "booking_cancelled" | "ticket_called";

/** The wait a walk-in visitor is told in a text, as the kiosk shows it: "about 10–15 min". */
export interface WaitForText {
  minutes: number | null;
  range: { low: number; high: number } | null;
}

export type TemplateValues =
  | {
      centre: LocalizedText;
      service: LocalizedText;
      /** Local date and time, already formatted for the citizen. */
      when: string;
      code: string;
      /** What to bring for the service; the confirmation names it briefly. */
      documents?: LocalizedText[] | undefined;
      ticketCode?: undefined;
    }
  | {
      /** The appointment's code; absent for a walk-in ticket. */
      code?: string | undefined;
      ticketCode: string;
      /** A walk-in's wait from now, when known. */
      wait?: WaitForText | undefined;
      centre?: undefined;
      service?: undefined;
      when?: undefined;
    };

export interface CalledValues {
  ticketCode: string;
  counter: string;
}

/** Short texts (one SMS where possible), in the citizen's language. */
type Booking = Extract<TemplateValues, { when: string }>;
type Turn = Extract<TemplateValues, { ticketCode: string }>;

/** At most this many documents by name in a text; the rest is "…" (the booking page has them all). */
const DOCUMENTS_IN_TEXT = 3;

const BRING: Record<Language, string> = { az: "Gətirin", ru: "Возьмите", en: "Bring" };

/** " Bring: Identity card, Employment record book, …" in the citizen's language, or nothing. */
function bring(language: Language, documents: LocalizedText[] | undefined): string {
  if (!documents || documents.length === 0) return "";
  const named = documents.slice(0, DOCUMENTS_IN_TEXT).map((d) => d[language]);
  if (documents.length > DOCUMENTS_IN_TEXT) named.push("…");
  return ` ${BRING[language]}: ${named.join(", ")}.`;
}

const ABOUT: Record<Language, (low: number, high: number) => string> = {
  az: (l, h) => (l === h ? `təxminən ${h} dəq` : `təxminən ${l}–${h} dəq`),
  ru: (l, h) => (l === h ? `около ${h} мин` : `около ${l}–${h} мин`),
  en: (l, h) => (l === h ? `about ${h} min` : `about ${l}–${h} min`),
};
const WAIT_WORD: Record<Language, string> = { az: "Gözləmə", ru: "Ожидание", en: "Wait" };

/**
 * " Wait: about 10–15 min." with the band rounded outward to whole minutes (as the kiosk shows it,
 * so the band never narrows), else the single estimate, else nothing.
 */
export function waitPhrase(language: Language, wait: WaitForText | undefined): string {
  if (!wait) return "";
  const { range, minutes } = wait;
  let low: number;
  let high: number;
  if (range && Number.isFinite(range.low) && Number.isFinite(range.high)) {
    low = Math.max(0, Math.floor(range.low));
    high = Math.max(low, Math.ceil(range.high), 1);
  } else if (minutes !== null && Number.isFinite(minutes)) {
    low = high = Math.max(1, Math.round(minutes));
  } else return "";
  return ` ${WAIT_WORD[language]}: ${ABOUT[language](low, high)}.`;
}

type Kinds = Exclude<NotificationKind, "ticket_called">;
const TEMPLATES: {
  [K in Kinds]: Record<Language, (v: K extends "turn_near" ? Turn : Booking) => string>;
} = {
  booking_confirmed: {
    az: (v) =>
      `DOST: ${v.centre.az}, ${v.service.az}, ${v.when}. Kod: ${v.code}. Gəlişdə kioskda qeydiyyatdan keçin.${bring("az", v.documents)}`,
    ru: (v) =>
      `DOST: ${v.centre.ru}, ${v.service.ru}, ${v.when}. Код: ${v.code}. По приходу отметьтесь в киоске.${bring("ru", v.documents)}`,
    en: (v) =>
      `DOST: ${v.centre.en}, ${v.service.en}, ${v.when}. Code: ${v.code}. Check in at the kiosk when you arrive.${bring("en", v.documents)}`,
  },
  reminder: {
    az: (v) => `DOST: sabah ${v.when}, ${v.centre.az}. Kod: ${v.code}.`,
    ru: (v) => `DOST: завтра ${v.when}, ${v.centre.ru}. Код: ${v.code}.`,
    en: (v) => `DOST: tomorrow ${v.when}, ${v.centre.en}. Code: ${v.code}.`,
  },
  turn_near: {
    az: (v) => `DOST: ${v.ticketCode} — növbəniz yaxınlaşır, zalda olun.${waitPhrase("az", v.wait)}`,
    ru: (v) => `DOST: ${v.ticketCode} — ваша очередь подходит, будьте в зале.${waitPhrase("ru", v.wait)}`,
    en: (v) =>
      `DOST: ${v.ticketCode} — your turn is near, please stay in the hall.${waitPhrase("en", v.wait)}`,
  },
  booking_cancelled: {
    az: (v) => `DOST: ${v.code} kodlu qəbul ləğv edildi.`,
    ru: (v) => `DOST: запись с кодом ${v.code} отменена.`,
    en: (v) => `DOST: appointment ${v.code} is cancelled.`,
  },
};

const CALLED: Record<Language, (v: CalledValues) => string> = {
  az: (v) => `DOST: ${v.ticketCode} — masa ${v.counter}, yaxınlaşın.`,
  ru: (v) => `DOST: ${v.ticketCode} — подойдите: окно ${v.counter}.`,
  en: (v) => `DOST: ${v.ticketCode} — please come to counter ${v.counter}.`,
};

export function renderNotification(kind: "ticket_called", language: Language, values: CalledValues): string;
export function renderNotification(kind: "turn_near", language: Language, values: Turn): string;
export function renderNotification(
  kind: Exclude<NotificationKind, "turn_near" | "ticket_called">,
  language: Language,
  values: Booking,
): string;
export function renderNotification(
  kind: NotificationKind,
  language: Language,
  values: TemplateValues | CalledValues,
): string {
  if (kind === "ticket_called") return CALLED[language](values as CalledValues);
  // The code is written grouped (ABCDE-FGH23), as the kiosk and the console show it and read aloud.
  const booking = values as TemplateValues;
  const shown = booking.code ? { ...booking, code: formatAppointmentCode(booking.code) } : booking;
  // The overloads pair each kind with its values; the table cannot be indexed by a union safely.
  return (TEMPLATES[kind][language] as (v: TemplateValues) => string)(shown);
}

const LOCALES: Record<Language, string> = { az: "az-Latn-AZ", ru: "ru-RU", en: "en-GB" };

export function formatWhen(instant: Date, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(instant);
}
