import type { Language } from "../api/common.js";

/**
 * Month and weekday names, once for every app. Written out rather than taken from Intl, whose
 * locale data in Chromium lacks Azerbaijani.
 */
export interface CalendarWords {
  /** Month names as a date uses them ("24 ноября"), January first. */
  months: readonly string[];
  /** Month names standing alone, as a calendar's title ("Ноябрь 2026"). */
  monthTitles: readonly string[];
  /** Monday first, as a weekday inside a sentence is written (lower case in az and ru). */
  weekdays: readonly string[];
  weekdaysShort: readonly string[];
}

const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export const CALENDAR_WORDS: Record<Language, CalendarWords> = {
  az: {
    months: [
      "yanvar",
      "fevral",
      "mart",
      "aprel",
      "may",
      "iyun",
      "iyul",
      "avqust",
      "sentyabr",
      "oktyabr",
      "noyabr",
      "dekabr",
    ],
    monthTitles: [
      "Yanvar",
      "Fevral",
      "Mart",
      "Aprel",
      "May",
      "İyun",
      "İyul",
      "Avqust",
      "Sentyabr",
      "Oktyabr",
      "Noyabr",
      "Dekabr",
    ],
    weekdays: ["bazar ertəsi", "çərşənbə axşamı", "çərşənbə", "cümə axşamı", "cümə", "şənbə", "bazar"],
    weekdaysShort: ["B.e.", "Ç.a.", "Ç.", "C.a.", "C.", "Ş.", "B."],
  },
  ru: {
    months: [
      "января",
      "февраля",
      "марта",
      "апреля",
      "мая",
      "июня",
      "июля",
      "августа",
      "сентября",
      "октября",
      "ноября",
      "декабря",
    ],
    monthTitles: [
      "Январь",
      "Февраль",
      "Март",
      "Апрель",
      "Май",
      "Июнь",
      "Июль",
      "Август",
      "Сентябрь",
      "Октябрь",
      "Ноябрь",
      "Декабрь",
    ],
    weekdays: ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"],
    weekdaysShort: ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"],
  },
  en: {
    months: EN_MONTHS,
    monthTitles: EN_MONTHS,
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    weekdaysShort: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  },
};

/** A weekday's name starting a line ("Bazar ertəsi"), from Date's numbering (0 = Sunday). */
export function weekdayTitle(language: Language, dateWeekday: number): string {
  const name = CALENDAR_WORDS[language].weekdays[(dateWeekday + 6) % 7] ?? "";
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}
