import { ruCalendar } from "../appointments/ru.js";
import type { Messages } from "../messages.js";
import type { ReasonMessages } from "../reasons.js";

const APPOINTMENT_STATES: Record<string, string> = {
  cancelled: "Эта запись отменена.",
  checked_in: "По этой записи уже получен талон.",
  no_show: "Время этой записи прошло.",
};

/** "On Monday" takes the accusative and a preposition that changes before "вторник". */
const ON_WEEKDAY = [
  "в понедельник",
  "во вторник",
  "в среду",
  "в четверг",
  "в пятницу",
  "в субботу",
  "в воскресенье",
];

export const ruReasons: ReasonMessages = {
  centre_closed: () => "Сейчас центр не выдаёт талоны.",
  service_not_offered: () => "Сейчас этот центр не оказывает эту услугу.",
  idempotency_key_reused: () => "Этот запрос уже был отправлен с другими данными. Начните заново.",
  check_in_too_early: (c) =>
    c.time("opensAt")
      ? `Слишком рано: регистрация откроется в ${c.time("opensAt")}.`
      : "Слишком рано для регистрации.",
  check_in_too_late: () => "Время этой записи прошло. Пожалуйста, возьмите талон в общую очередь.",
  check_in_wrong_centre: (c) =>
    c.params.centre
      ? `Эта запись сделана в другой центр (${c.params.centre}).`
      : "Эта запись сделана в другой центр.",
  appointment_state: (c) =>
    APPOINTMENT_STATES[String(c.params.status)] ?? "Эту запись больше нельзя изменить.",
  slot_full: () => "Это время только что заняли. Пожалуйста, выберите другое время.",
  slot_closed: () => "На это время больше нельзя записаться. Выберите одно из свободных времён.",
  already_booked: () => "На этот номер телефона уже есть запись на эту услугу в этот день.",
  appointments_disabled: () => "На эту услугу нет предварительной записи. Возьмите талон в центре.",
};

export const ruClosed: Pick<Messages, "closedHeading" | "opensAt" | "closedNoOpening"> = {
  closedHeading: "Сейчас закрыто",
  opensAt: (day, time) => {
    if (day.kind === "today") return `Откроемся сегодня в ${time}`;
    if (day.kind === "tomorrow") return `Откроемся завтра в ${time}`;
    if (day.kind === "weekday") return `Откроемся ${ON_WEEKDAY[day.weekday]} в ${time}`;
    return `Откроемся ${day.day} ${ruCalendar.months[day.month]} в ${time}`;
  },
  closedNoOpening: "Сейчас талоны не выдаются. Пожалуйста, обратитесь к администратору зала.",
};
