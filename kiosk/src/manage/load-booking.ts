import type { Appointment, Centre, Service } from "@dost/shared";
import { fetchAppointment, fetchCentres } from "../api/appointments.js";
import { ApiError } from "@dost/shared/client";
import { fetchServices } from "../api/client.js";

/** A booking with the names of its centre and service, which the appointment gives only as ids. */
export interface Booking {
  appointment: Appointment;
  centre: Centre;
  service: Service;
}

export async function loadBooking(code: string): Promise<Booking> {
  const appointment = await fetchAppointment(code);
  const [centres, services] = await Promise.all([fetchCentres(), fetchServices(appointment.centreId)]);
  const centre = centres.find((c) => c.id === appointment.centreId);
  const service = services.find((s) => s.id === appointment.serviceId);
  if (!centre || !service) throw ApiError.unreachable("the booking's centre or service is missing");
  return { appointment, centre, service };
}
