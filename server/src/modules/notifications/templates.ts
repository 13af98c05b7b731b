import { formatAppointmentCode, type Language, type LocalizedText } from "@dost/shared";

export type NotificationKind = "booking_confirmed" | "reminder" | "turn_near" | "booking_cancelled";

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
  | { code: string; ticketCode: string; centre?: undefined; service?: undefined; when?: undefined };

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

const TEMPLATES: {
  [K in NotificationKind]: Record<Language, (v: K extends "turn_near" ? Turn : Booking) => string>;
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
    az: (v) => `DOST: ${v.ticketCode} — növbəniz yaxınlaşır, zalda olun.`,
    ru: (v) => `DOST: ${v.ticketCode} — ваша очередь подходит, будьте в зале.`,
    en: (v) => `DOST: ${v.ticketCode} — your turn is near, please stay in the hall.`,
  },
  booking_cancelled: {
    az: (v) => `DOST: ${v.code} kodlu qəbul ləğv edildi.`,
    ru: (v) => `DOST: запись с кодом ${v.code} отменена.`,
    en: (v) => `DOST: appointment ${v.code} is cancelled.`,
  },
};

export function renderNotification(kind: "turn_near", language: Language, values: Turn): string;
export function renderNotification(
  kind: Exclude<NotificationKind, "turn_near">,
  language: Language,
  values: Booking,
): string;
export function renderNotification(
  kind: NotificationKind,
  language: Language,
  values: TemplateValues,
): string {
  // The code is written grouped (ABCDE-FGH23), as the kiosk and the console show it and read aloud.
  const shown = { ...values, code: formatAppointmentCode(values.code) };
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
