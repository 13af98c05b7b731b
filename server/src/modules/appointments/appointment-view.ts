import { maskName, maskPhone, maskPin, type Appointment } from "@dost/shared";
import type { AppointmentRow } from "./appointments.repository.js";

/** The contract's appointment; personal data masked unless the caller is the centre's own staff. */
export function toAppointment(row: AppointmentRow, audience: "public" | "staff"): Appointment {
  const citizen =
    row.citizenName && row.citizenPhone
      ? audience === "staff"
        ? { name: row.citizenName, phone: row.citizenPhone, pin: row.citizenPin }
        : {
            name: maskName(row.citizenName),
            phone: maskPhone(row.citizenPhone),
            pin: row.citizenPin ? maskPin(row.citizenPin) : null,
          }
      : null;
  return {
    id: row.id,
    code: row.code,
    centreId: row.centreId,
    serviceId: row.serviceId,
    start: row.start.toISOString(),
    end: row.end.toISOString(),
    status: row.status,
    language: row.language,
    citizen,
    ticketId: row.ticketId,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
  };
}
