import type { Language } from "@dost/shared";
import { CALENDAR_WORDS, weekdayTitle } from "@dost/shared/client";

/** Every string the display shows; the type makes a missing translation a compile error. */
export interface Messages {
  documentTitle: string;
  nowCalling: string;
  ticket: string;
  counter: string;
  recentCalls: string;
  noCallsYet: string;
  recall: string;
  offline: string;
  enableSoundHint: string;
  enableSound: string;
  pairTitle: string;
  pairHint: string;
  deviceKey: string;
  pair: string;
  keyRefused: string;
  keyNotForDisplay: string;
  /** A pairing code that is unknown, used or expired; and too many tries in a minute. */
  codeRefused: string;
  tooManyTries: string;
  connecting: string;
  serverUnreachable: string;
  /** The date under the clock. Written out here because browsers' built-in locale data may lack az. */
  longDate: (date: { weekday: number; day: number; month: number; year: number }) => string;
}

const az: Messages = {
  documentTitle: "DOST — Zal ekranı",
  nowCalling: "Çağırılır",
  ticket: "Bilet",
  counter: "Masa",
  recentCalls: "Son çağırışlar",
  noCallsYet: "Hələ çağırış yoxdur",
  recall: "Təkrar",
  offline: "Əlaqə yoxdur — yenidən qoşulur…",
  enableSoundHint: "Brauzer səsi bloklayıb. Çağırışların eşidilməsi üçün düyməni basın.",
  enableSound: "Səsi aç",
  pairTitle: "Ekranı qoşun",
  pairHint:
    "Administratorun verdiyi altı rəqəmli qoşulma kodunu və ya cihaz açarını daxil edin, yaxud qoşulma linkini açın.",
  deviceKey: "Qoşulma kodu və ya cihaz açarı",
  pair: "Qoş",
  keyRefused: "Bu açar qəbul edilmədi. Başqa açar daxil edin.",
  keyNotForDisplay: "Bu açar zal ekranına aid deyil.",
  codeRefused:
    "Bu kod qəbul edilmədi: ya səhvdir, ya artıq istifadə olunub, ya da vaxtı bitib. Yeni kod istəyin.",
  tooManyTries: "Çox cəhd edildi. Bir dəqiqə gözləyib yenidən cəhd edin.",
  connecting: "Serverə qoşulur…",
  serverUnreachable: "Server cavab vermir. Yenidən cəhd edilir…",
  longDate: (d) =>
    `${weekdayTitle("az", d.weekday)}, ${d.day} ${CALENDAR_WORDS.az.months[d.month]} ${d.year}`,
};

const ru: Messages = {
  documentTitle: "DOST — Табло зала",
  nowCalling: "Вызывается",
  ticket: "Талон",
  counter: "Окно",
  recentCalls: "Последние вызовы",
  noCallsYet: "Вызовов пока нет",
  recall: "Повтор",
  offline: "Нет связи — переподключение…",
  enableSoundHint: "Браузер заблокировал звук. Нажмите кнопку, чтобы вызовы были слышны.",
  enableSound: "Включить звук",
  pairTitle: "Подключение табло",
  pairHint:
    "Введите шестизначный код подключения от администратора или ключ устройства, либо откройте ссылку подключения.",
  deviceKey: "Код подключения или ключ устройства",
  pair: "Подключить",
  keyRefused: "Ключ не принят. Введите другой ключ.",
  keyNotForDisplay: "Этот ключ не для табло зала.",
  codeRefused: "Этот код не принят: он неверен, уже использован или истёк. Попросите новый код.",
  tooManyTries: "Слишком много попыток. Подождите минуту и попробуйте снова.",
  connecting: "Подключение к серверу…",
  serverUnreachable: "Сервер не отвечает. Повторная попытка…",
  longDate: (d) =>
    `${weekdayTitle("ru", d.weekday)}, ${d.day} ${CALENDAR_WORDS.ru.months[d.month]} ${d.year}`,
};

const en: Messages = {
  documentTitle: "DOST — Hall display",
  nowCalling: "Now calling",
  ticket: "Ticket",
  counter: "Counter",
  recentCalls: "Recent calls",
  noCallsYet: "No calls yet",
  recall: "Recall",
  offline: "Offline — reconnecting…",
  enableSoundHint: "The browser has blocked sound. Press the button so that calls are heard.",
  enableSound: "Enable sound",
  pairTitle: "Pair this display",
  pairHint:
    "Enter the six-digit pairing code from the administrator or the device key, or open the pairing link.",
  deviceKey: "Pairing code or device key",
  pair: "Pair",
  keyRefused: "This key was refused. Enter another key.",
  keyNotForDisplay: "This key does not belong to a hall display.",
  codeRefused: "This code was refused: it is wrong, already used or expired. Ask for a new code.",
  tooManyTries: "Too many tries. Wait a minute and try again.",
  connecting: "Connecting to the server…",
  serverUnreachable: "The server does not answer. Trying again…",
  longDate: (d) =>
    `${weekdayTitle("en", d.weekday)}, ${d.day} ${CALENDAR_WORDS.en.months[d.month]} ${d.year}`,
};

export const messages: Record<Language, Messages> = { az, ru, en };

/** BCP 47 tags for speech; Azerbaijani in the Latin script. */
export const LOCALES: Record<Language, string> = { az: "az-Latn-AZ", ru: "ru-RU", en: "en-GB" };
