import type { CallReasonView } from "@dost/shared";
import type { Texts } from "../i18n/i18n.js";
import { formatClock } from "../ui/format.js";

/**
 * Why a ticket is next, in plain words from the parts of its score: "waited 12 min + veteran bonus
 * 15 min", "waited 39 min + appointment due 11:00, bonus 60 min". The parts that count are joined
 * by "+", as they add up; an appointment not yet due is said after a comma, since it adds nothing.
 */
export function callReasonText(reason: CallReasonView, t: Texts, language: string, timeZone: string): string {
  const counted = [t.why.waited({ minutes: reason.waitedMinutes })];
  if (reason.priorityBonus)
    counted.push(t.why.bonus[reason.priorityBonus.priority]({ minutes: reason.priorityBonus.minutes }));
  const appointment = reason.appointment;
  if (appointment && appointment.bonusMinutes !== null) {
    const time = formatClock(appointment.at, language, timeZone);
    counted.push(t.why.appointmentDue({ time, minutes: appointment.bonusMinutes }));
  }
  let said = counted.join(" + ");
  if (appointment && appointment.bonusMinutes === null)
    said = `${said}, ${t.why.appointmentLater({ time: formatClock(appointment.at, language, timeZone) })}`;
  // Called by hand or again: the score alone would not explain it.
  if (reason.outOfTurn) said = `${said}, ${t.why.outOfTurn[reason.outOfTurn]}`;
  return said;
}
