import type { Language, WaitWords } from "@dost/shared";

/** The words printed on a ticket, as the kiosk shows them on screen. */
interface ReceiptWords extends WaitWords {
  locale: string;
  peopleAhead: string;
  estimatedWait: string;
  scanToFollow: string;
  bring: string;
}

export const RECEIPT_WORDS: Record<Language, ReceiptWords> = {
  az: {
    locale: "az-Latn-AZ",
    peopleAhead: "Sizdən əvvəl",
    estimatedWait: "Təxmini gözləmə",
    underAMinute: "1 dəqiqədən az",
    noEstimate: "hələ açıq masa yoxdur",
    minutes: (m) => `~${m} dəq.`,
    hoursMinutes: (h, m) => (m ? `~${h} saat ${m} dəq.` : `~${h} saat`),
    aboutMinutesRange: (low, high) => `təxminən ${low}–${high} dəq.`,
    aboutRange: (low, high) => `təxminən ${low} – ${high}`,
    scanToFollow: "Növbənizi telefonda izləmək üçün kodu skan edin.",
    bring: "Özünüzlə gətirin:",
  },
  ru: {
    locale: "ru-RU",
    peopleAhead: "Перед вами",
    estimatedWait: "Примерное ожидание",
    underAMinute: "меньше минуты",
    noEstimate: "пока ни одно окно не открыто",
    minutes: (m) => `~${m} мин`,
    hoursMinutes: (h, m) => (m ? `~${h} ч ${m} мин` : `~${h} ч`),
    aboutMinutesRange: (low, high) => `примерно ${low}–${high} мин`,
    aboutRange: (low, high) => `примерно ${low} – ${high}`,
    scanToFollow: "Отсканируйте код телефоном, чтобы следить за очередью.",
    bring: "Возьмите с собой:",
  },
  en: {
    locale: "en-GB",
    peopleAhead: "People ahead of you",
    estimatedWait: "Estimated wait",
    underAMinute: "under a minute",
    noEstimate: "no counter open yet",
    minutes: (m) => `~${m} min`,
    hoursMinutes: (h, m) => (m ? `~${h} h ${m} min` : `~${h} h`),
    aboutMinutesRange: (low, high) => `about ${low}–${high} min`,
    aboutRange: (low, high) => `about ${low} – ${high}`,
    scanToFollow: "Scan the code with your phone to follow your turn.",
    bring: "Please bring:",
  },
};

/** Date and time of the issue in the centre's timezone, never the server's. */
export function formatIssuedAt(instant: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
}
