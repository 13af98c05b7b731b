import { CALENDAR_WORDS } from "@dost/shared/client";
import type { BookingMessages, CalendarNames, CheckInMessages, ManageMessages } from "./messages.js";

const plural = new Intl.PluralRules("ru-RU");

/** Russian nouns agree with the number: 1 место, 2 места, 5 мест, 21 место. */
function count(n: number, one: string, few: string, many: string): string {
  const form = plural.select(n);
  return `${n} ${form === "one" ? one : form === "few" ? few : many}`;
}

export const ruCalendar: CalendarNames = {
  ...CALENDAR_WORDS.ru,
  date: (weekday, day, month, year) => `${weekday}, ${day} ${month} ${year} г.`,
  monthTitle: (month, year) => `${month} ${year}`,
};

export const ruBooking: BookingMessages = {
  title: "Запись на приём",
  stepOf: (step, total) => `Шаг ${step} из ${total}`,
  centreHeading: "Выберите центр",
  serviceHeading: "Выберите услугу",
  serviceHint: "Показаны только услуги, на которые можно записаться.",
  noBookableServices: "В этом центре сейчас нет онлайн-записи.",

  dayHeading: "Выберите день",
  dayHint: "Можно выбрать дни со свободными местами. Между днями можно переходить клавишами со стрелками.",
  previousMonth: "Предыдущий месяц",
  nextMonth: "Следующий месяц",
  dayOpen: (n) => count(n, "свободное место", "свободных места", "свободных мест"),
  dayFull: "Мест нет",
  dayClosed: "Нерабочий день",
  dayPast: "Прошедший день",
  dayBeyond: "Запись ещё не открыта",
  noDaysThisMonth: "В этом месяце нет дней со свободными местами.",
  legendOpen: "Есть свободные места (число показывает, сколько)",
  legendClosed: "Закрыто: выходной, праздник или вне срока записи",

  timeHeading: "Выберите время",
  timeHint: (date) => `Свободное время на ${date} (по бакинскому времени).`,
  placesLeft: (n) => `осталось ${count(n, "место", "места", "мест")}`,
  noTimes: "На этот день свободного времени не осталось. Пожалуйста, выберите другой день.",
  chooseAnotherDay: "Выбрать другой день",

  detailsHeading: "Ваши данные",
  detailsHint: "Они нужны только для этой записи.",
  nameLabel: "Имя и фамилия",
  phoneLabel: "Номер телефона",
  phoneHint: "Азербайджанский номер, например 050 123 45 67",
  pinLabel: "ФИН (необязательно)",
  pinHint: "7 символов из вашего удостоверения личности",
  nameInvalid: "Укажите имя и фамилию (не менее 2 букв).",
  phoneMissing: "Укажите номер телефона.",
  phoneInvalid: "Укажите азербайджанский номер телефона, например 050 123 45 67.",
  pinInvalid: "ФИН состоит ровно из 7 букв и цифр.",
  fixErrors: "Исправьте отмеченные поля.",
  submit: "Записаться",
  submitting: "Записываем…",
  conflictText: "Это время уже занято, или на этот номер телефона уже есть запись на эту услугу в этот день.",
  chooseAnotherTime: "Выбрать другое время",
  rateLimited: "Слишком много попыток. Подождите минуту и попробуйте снова.",

  summaryHeading: "Ваш выбор",
  dateLabel: "Дата",
  timeLabel: "Время",
  bakuTime: "Время указано бакинское.",

  confirmedHeading: "Вы записаны на приём",
  codeLabel: "Код записи",
  codeHint: "Когда придёте, введите этот код в киоске, чтобы отметиться.",
  scanToManage: "Отсканируйте код, чтобы посмотреть, перенести или отменить запись.",
  addToCalendar: "Добавить в календарь",
  manageLink: "Посмотреть, перенести или отменить запись",
  arriveHint:
    "Приходите немного заранее и отметьтесь в киоске по коду; отметка открывается незадолго до вашего времени.",
  bookAnother: "Новая запись",
};

export const ruManage: ManageMessages = {
  title: "Ваша запись",
  phoneLast4Label: "Последние четыре цифры телефона",
  phoneLast4Hint: "Того номера, на который вы записывались, например 4567.",
  phoneLast4Needed: "Введите последние четыре цифры телефона, на который вы записывались.",
  phoneLast4Wrong: "Это не последние четыре цифры телефона, на который сделана запись.",
  lookupHeading: "Найдите свою запись",
  lookupHint: "Введите код из подтверждения записи.",
  codeInputHint: "10 букв и цифр, например ABCDE-23456 (в старых кодах 8)",
  codeInvalid: "Код записи состоит из 10 букв и цифр, например ABCDE-23456 (в старых кодах 8).",
  find: "Найти запись",
  notFound: "Записи с таким кодом нет. Проверьте код и попробуйте снова.",
  statusLabel: "Состояние",
  statuses: {
    booked: "Записан",
    checked_in: "Отмечен в центре",
    cancelled: "Отменена",
    no_show: "Неявка",
  },
  nameLabel: "Имя",
  phoneLabel: "Телефон",
  pinLabel: "ФИН",
  cancel: "Отменить запись",
  cancelHeading: "Отменить эту запись?",
  cancelText: (when) => `Запись на ${when} будет отменена, а это время отдано другим.`,
  confirmCancel: "Да, отменить",
  keep: "Нет, оставить",
  cancelled: "Ваша запись отменена.",
  reschedule: "Изменить день или время",
  moveHeading: "Перенести запись?",
  moveText: (when) => `Запись будет перенесена на ${when}.`,
  move: "Перенести запись",
  moved: (when) => `Запись перенесена на ${when}.`,
  notPossible: "Сейчас это сделать нельзя.",
  serverSaid: "Ответ системы:",
  lookupAnother: "Найти другую запись",
};

export const ruCheckIn: CheckInMessages = {
  haveAppointment: "Я записан(а) на приём",
  haveAppointmentHint: "Записались онлайн? Отметьтесь по коду.",
  heading: "Введите код записи",
  hint: "10 символов из подтверждения записи (8 для старых записей).",
  entered: (code, n) => `Введено: ${code} (${n} из 10)`,
  backspace: "Стереть последний символ",
  clear: "Очистить",
  submit: "Отметиться",
  submitting: "Отмечаем…",
  conflictTitle: "Сейчас отметиться нельзя",
  conflictText:
    "Если вы пришли рано, вернитесь, когда откроется отметка (время указано ниже). Если ваше время прошло или запись отменена, возьмите талон в очередь.",
  notFoundTitle: "Запись не найдена",
  notFoundText:
    "В этом центре нет записи с таким кодом. Проверьте код и введите его снова или возьмите талон в очередь.",
  failedText: "Не удалось отметиться. Попробуйте ещё раз или обратитесь к администратору зала.",
  enterAgain: "Ввести код снова",
  takeTicket: "Взять талон в очередь",
};
