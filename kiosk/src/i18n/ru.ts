import { ruBooking, ruCalendar, ruCheckIn, ruManage } from "./appointments/ru.js";
import { ruFeedback } from "./feedback.js";
import { ruBring } from "./bring.js";
import { ruAudio } from "./audio.js";
import { ruPhone } from "./phone.js";
import { ruWaits } from "./waits.js";
import type { Messages } from "./messages.js";
import { ruClosed, ruReasons } from "./reasons/ru.js";

export const ru: Messages = {
  languageName: "Русский",
  languageSwitchLabel: "Язык",
  appTitle: "DOST — электронная очередь",
  loading: "Загрузка…",

  startHeading: "Выберите услугу",
  startHint: "Нажмите на услугу, за которой вы пришли.",
  categories: {
    pensions: "Пенсии",
    disability: "Инвалидность и реабилитация",
    assistance: "Социальная помощь и пособия",
    employment: "Занятость",
    insurance: "Социальное страхование",
    documents: "Справки и документы",
  },
  otherCategory: "Другие услуги",
  waitingLabel: "В очереди",
  estimatedWaitLabel: "Ожидание",
  noServices: "Сейчас в этом центре нет услуг для записи в очередь.",
  liveOffline: "Нет связи: цифры могут быть устаревшими.",
  ...ruClosed,

  minutes: (minutes) => `~${minutes} мин`,
  hoursMinutes: (hours, minutes) => (minutes ? `~${hours} ч ${minutes} мин` : `~${hours} ч`),
  underAMinute: "меньше минуты",
  noEstimate: "пока ни одно окно не открыто",
  aboutMinutesRange: (low, high) => `примерно ${low}–${high} мин`,
  aboutRange: (low, high) => `примерно ${low} – ${high}`,

  priorityHeading: "Относитесь ли вы к льготной категории?",
  priorityHint: "Граждан этих категорий вызывают раньше. Могут попросить подтверждающий документ.",
  priorityGroups: {
    disability: "Лицо с инвалидностью",
    veteran: "Ветеран / участник войны",
    martyr_family: "Член семьи шехида",
    elderly: "Пожилой гражданин (70+)",
    pregnant: "Беременная женщина",
  },
  priorityNo: "Нет",
  chosenService: "Выбранная услуга",
  back: "Назад",
  startOver: "В начало",

  issuing: "Готовим ваш талон…",
  ticketHeading: "Ваш талон",
  ticketNumber: "Номер талона",
  service: "Услуга",
  centre: "Центр",
  issuedAt: "Дата и время",
  peopleAhead: "Перед вами",
  estimatedWait: "Примерное ожидание",
  scanToFollow: "Отсканируйте код телефоном, чтобы следить за очередью.",
  takeYourTicket: "Возьмите напечатанный талон.",
  closesIn: (seconds) => `Экран закроется через ${seconds} с.`,
  done: "Готово",
  ticketAnnouncement: (code, ahead, wait) =>
    `Номер вашего талона ${code}. Перед вами: ${ahead}. Примерное ожидание: ${wait}.`,

  unreachableTitle: "Нет связи",
  unreachableText:
    "Не удалось связаться с системой. Попробуйте ещё раз чуть позже или обратитесь к администратору зала.",
  issueFailedText: "Не удалось выдать талон. Попробуйте ещё раз или обратитесь к администратору зала.",
  notIssuingText: "Сейчас талоны на эту услугу не выдаются. Пожалуйста, обратитесь к администратору зала.",
  crashTitle: "Произошла ошибка",
  crashText: "Экран перезапускается. Попробуйте ещё раз через несколько секунд.",
  retry: "Попробовать снова",
  reasons: ruReasons,

  pairingTitle: "Киоск не подключён",
  pairingText:
    "Введите шестизначный код подключения, выданный администратором, или откройте ссылку подключения.",
  pairingRefused: "Этот ключ не принят. Попросите у администратора новый ключ.",
  deviceKeyLabel: "Ключ устройства",
  pair: "Подключить",
  pairWithKey: "Подключить по ключу",
  pairingCodeLabel: "Код подключения",
  pairingKeypad: "Цифры кода",
  pairingErase: "Стереть",
  pairingKeyInstead: "Или введите ключ устройства",
  pairingCodeRefused:
    "Этот код не принят: он неверен, уже использован или истёк. Попросите у администратора новый код.",
  pairingCodeMalformed: "Код подключения состоит из шести цифр.",
  pairingTooManyTries: "Слишком много попыток. Подождите минуту и попробуйте снова.",
  pairingNotKiosk: "Этот код или ключ не для киоска. Попросите у администратора код для этого киоска.",

  statusTitle: "Состояние очереди",
  statusWaiting: "Вы в очереди",
  statusCalled: "Вас вызывают!",
  goToCounter: (counter) => `Пройдите к\u00a0окну\u00a0${counter}`,
  statusServing: (counter) => `Вас обслуживают у окна ${counter}`,
  statusDone: "Обслуживание завершено. Спасибо!",
  statusNoShow: "Вы не подошли по вызову. Обратитесь к администратору зала или возьмите новый талон.",
  statusCancelled: "Этот талон отменён.",
  statusExpired: "Центр закрылся до вашей очереди. Пожалуйста, приходите в другой день.",
  ticketNotFound: "Талон не найден",
  ticketNotFoundText: "Проверьте ссылку или отсканируйте код на талоне ещё раз.",
  liveUpdates: "Страница обновляется сама.",

  bring: ruBring,
  phone: ruPhone,
  feedback: ruFeedback,
  booking: ruBooking,
  manage: ruManage,
  checkIn: ruCheckIn,
  calendar: ruCalendar,
  waits: ruWaits,
  audio: ruAudio,
};
