import { appointmentCapacityResponseSchema, type AppointmentCapacityResponse } from "@dost/shared";
import type { createHttp } from "./http.js";

type Http = ReturnType<typeof createHttp>;
const at = (id: string) => encodeURIComponent(id);

/** Appointment capacity: the suggestion per service and hour, and applying it (managers, admins). */
export function capacityCalls(http: Http) {
  return {
    appointmentCapacity: (centreId: string, date: string): Promise<AppointmentCapacityResponse> =>
      http.get(
        `/centres/${at(centreId)}/appointment-capacity?date=${encodeURIComponent(date)}`,
        appointmentCapacityResponseSchema,
      ),
    applyAppointmentCapacity: (centreId: string, date: string): Promise<AppointmentCapacityResponse> =>
      http.post(
        `/centres/${at(centreId)}/appointment-capacity/apply`,
        { date },
        appointmentCapacityResponseSchema,
      ),
  };
}
