import { azCalendar } from "../appointments/az.js";
import type { Messages } from "../messages.js";
import type { ReasonMessages } from "../reasons.js";

const APPOINTMENT_STATES: Record<string, string> = {
  cancelled: "Bu qəbul ləğv edilib.",
  checked_in: "Bu qəbul üzrə artıq talon alınıb.",
  no_show: "Bu qəbulun vaxtı keçib.",
};

export const azReasons: ReasonMessages = {
  centre_closed: () => "Mərkəz hazırda talon vermir.",
  service_not_offered: () => "Bu mərkəz hazırda bu xidməti göstərmir.",
  idempotency_key_reused: () => "Bu sorğu artıq başqa məlumatlarla göndərilib. Yenidən başlayın.",
  check_in_too_early: (c) =>
    c.time("opensAt")
      ? `Hələ tezdir: qeydiyyat saat ${c.time("opensAt")} açılır.`
      : "Qeydiyyat üçün hələ tezdir.",
  check_in_too_late: () => "Bu qəbulun vaxtı keçib. Zəhmət olmasa, növbə üçün talon götürün.",
  check_in_wrong_centre: (c) =>
    c.params.centre
      ? `Bu qəbul başqa mərkəzə yazılıb (${c.params.centre}).`
      : "Bu qəbul başqa mərkəzə yazılıb.",
  appointment_state: (c) => APPOINTMENT_STATES[String(c.params.status)] ?? "Bu qəbulu artıq dəyişmək olmaz.",
  slot_full: () => "Bu vaxt indicə tutuldu. Zəhmət olmasa, başqa vaxt seçin.",
  slot_closed: () => "Bu vaxta artıq yazılmaq olmur. Boş vaxtlardan birini seçin.",
  already_booked: () => "Bu telefon nömrəsi ilə həmin gün bu xidmətə artıq yazılış var.",
  appointments_disabled: () => "Bu xidmətə əvvəlcədən yazılış yoxdur. Mərkəzdə talon götürün.",
};

export const azClosed: Pick<Messages, "closedHeading" | "opensAt" | "closedNoOpening"> = {
  closedHeading: "Hazırda bağlıdır",
  // "Açılış: …, saat 09:00" rather than a sentence: the case ending after a time depends on how
  // the number is read aloud, which a template cannot know.
  opensAt: (day, time) => {
    if (day.kind === "today") return `Açılış: bu gün, saat ${time}`;
    if (day.kind === "tomorrow") return `Açılış: sabah, saat ${time}`;
    if (day.kind === "weekday") return `Açılış: ${azCalendar.weekdays[day.weekday]}, saat ${time}`;
    return `Açılış: ${day.day} ${azCalendar.months[day.month]}, saat ${time}`;
  },
  closedNoOpening: "Hazırda talon verilmir. Zəhmət olmasa, məlumat masasına müraciət edin.",
};
