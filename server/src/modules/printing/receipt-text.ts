import type { Language } from "@dost/shared";

/** The words printed on a ticket, as the kiosk shows them on screen. */
interface ReceiptWords {
  locale: string;
  peopleAhead: string;
  estimatedWait: string;
  underAMinute: string;
  minutes: (m: number) => string;
  hoursMinutes: (h: number, m: number) => string;
  scanToFollow: string;
  bring: string;
}

export const RECEIPT_WORDS: Record<Language, ReceiptWords> = {
  az: {
    locale: "az-Latn-AZ",
    peopleAhead: "Sizdən əvvəl",
    estimatedWait: "Təxmini gözləmə",
    underAMinute: "1 dəqiqədən az",
    minutes: (m) => `~${m} dəq.`,
    hoursMinutes: (h, m) => (m ? `~${h} saat ${m} dəq.` : `~${h} saat`),
    scanToFollow: "Növbənizi telefonda izləmək üçün kodu skan edin.",
    bring: "Özünüzlə gətirin:",
  },
  ru: {
    locale: "ru-RU",
    peopleAhead: "Перед вами",
    estimatedWait: "Примерное ожидание",
    underAMinute: "меньше минуты",
    minutes: (m) => `~${m} мин`,
    hoursMinutes: (h, m) => (m ? `~${h} ч ${m} мин` : `~${h} ч`),
    scanToFollow: "Отсканируйте код телефоном, чтобы следить за очередью.",
    bring: "Возьмите с собой:",
  },
  en: {
    locale: "en-GB",
    peopleAhead: "People ahead of you",
    estimatedWait: "Estimated wait",
    underAMinute: "under a minute",
    minutes: (m) => `~${m} min`,
    hoursMinutes: (h, m) => (m ? `~${h} h ${m} min` : `~${h} h`),
    scanToFollow: "Scan the code with your phone to follow your turn.",
    bring: "Please bring:",
  },
};

/** Whole minutes, hours past the hour, never a false "0 min" (as the kiosk's screen says it). */
export function formatWait(words: ReceiptWords, minutes: number): string {
  if (minutes < 1) return words.underAMinute;
  const whole = Math.round(minutes);
  return whole < 60 ? words.minutes(whole) : words.hoursMinutes(Math.floor(whole / 60), whole % 60);
}

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
