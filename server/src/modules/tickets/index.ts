import type { FeatureModule } from "../../core/module.js";
import type { CentreDirectory } from "../catalog/index.js";
import { createTicketExpiry } from "./ticket-expiry.js";
import { ticketRoutes } from "./tickets.routes.js";
import { createTicketService, type TicketService, type TicketServiceDeps } from "./tickets.service.js";

export type { IssuedListener, TicketService } from "./tickets.service.js";
export { counterChangedEvent } from "./ticket-events.js";

export function ticketsModule(
  deps: TicketServiceDeps & {
    centres: Pick<CentreDirectory, "find" | "all">;
    publicPerMinute: number;
    devicePerMinute: number;
  },
): FeatureModule<TicketService> & { expiry: ReturnType<typeof createTicketExpiry> } {
  const service = createTicketService(deps);
  const expiry = createTicketExpiry(deps);
  return {
    service,
    expiry,
    routes: async (app) => {
      await app.register(ticketRoutes, {
        tickets: service,
        publicPerMinute: deps.publicPerMinute,
        devicePerMinute: deps.devicePerMinute,
      });
    },
    housekeeping: () => expiry.run(),
  };
}
