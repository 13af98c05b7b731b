import type { AppointmentCapacityResponse } from "@dost/shared";
import type { ApiClient } from "@dost/shared/client";

/** Appointment capacity: the suggestion per service and hour, and applying it (managers, admins). */
export function capacityCalls({ call }: ApiClient) {
  return {
    appointmentCapacity: (centreId: string, date: string): Promise<AppointmentCapacityResponse> =>
      call("appointmentCapacity", { params: { centreId }, query: { date } }),
    applyAppointmentCapacity: (centreId: string, date: string): Promise<AppointmentCapacityResponse> =>
      call("applyAppointmentCapacity", { params: { centreId }, body: { date } }),
  };
}
