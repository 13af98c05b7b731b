import type { FeatureModule } from "../../core/module.js";
import type { CentreDirectory } from "../catalog/index.js";
import { createTicketExpiry } from "./ticket-expiry.js";
import { createTicketTexts, type TicketTextsDeps } from "./ticket-texts.js";
import { ticketRoutes } from "./tickets.routes.js";
import { createTicketService, type TicketService, type TicketServiceDeps } from "./tickets.service.js";

export type { IssuedListener, TicketService } from "./tickets.service.js";
export { counterChangedEvent } from "./ticket-events.js";

export function ticketsModule(
  deps: Omit<TicketServiceDeps, "texts"> & {
    centres: Pick<CentreDirectory, "find" | "all">;
    queue: TicketServiceDeps["queue"] & TicketTextsDeps["queue"];
    texts: Pick<TicketTextsDeps, "notifications" | "nearPosition" | "nearMinutes" | "log">;
    publicPerMinute: number;
    devicePerMinute: number;
  },
): FeatureModule<TicketService> & {
  expiry: ReturnType<typeof createTicketExpiry>;
  texts: ReturnType<typeof createTicketTexts>;
} {
  const texts = createTicketTexts({ ...deps, ...deps.texts });
  texts.listen();
  const service = createTicketService({ ...deps, texts });
  const expiry = createTicketExpiry(deps);
  return {
    service,
    expiry,
    texts,
    routes: async (app) => {
      await app.register(ticketRoutes, {
        tickets: service,
        publicPerMinute: deps.publicPerMinute,
        devicePerMinute: deps.devicePerMinute,
      });
    },
    housekeeping: async () => {
      const result = await expiry.run();
      await texts.sweep();
      return result;
    },
  };
}
