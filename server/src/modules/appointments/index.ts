import type { FeatureModule } from "../../core/module.js";
import { createAppointmentJobs, type AppointmentJobsDeps } from "./appointment-jobs.js";
import { appointmentRoutes } from "./appointments.routes.js";
import {
  createAppointmentService,
  type AppointmentService,
  type AppointmentServiceDeps,
} from "./appointments.service.js";

export function appointmentsModule(
  deps: AppointmentServiceDeps &
    Omit<AppointmentJobsDeps, "centres" | "notifications"> & {
      centres: AppointmentServiceDeps["centres"] & AppointmentJobsDeps["centres"];
      notifications: AppointmentServiceDeps["notifications"] & AppointmentJobsDeps["notifications"];
      publicPerMinute: number;
      bookingPerMinute: number;
      devicePerMinute: number;
    },
): FeatureModule<AppointmentService> & { jobs: ReturnType<typeof createAppointmentJobs> } {
  const service = createAppointmentService(deps);
  const jobs = createAppointmentJobs(deps);
  return {
    service,
    jobs,
    routes: async (app) => {
      await app.register(appointmentRoutes, {
        appointments: service,
        publicPerMinute: deps.publicPerMinute,
        bookingPerMinute: deps.bookingPerMinute,
        devicePerMinute: deps.devicePerMinute,
      });
    },
    housekeeping: () => jobs.run(),
  };
}
