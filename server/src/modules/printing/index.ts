import type { FeatureModule } from "../../core/module.js";
import type { TicketService } from "../tickets/index.js";
import { createPrintingService, type PrintingDeps, type PrintingService } from "./printing.service.js";

/**
 * Ticket receipts on the network ESC/POS printer of a kiosk that has one (its device's `printer`):
 * printed after each issue's commit, problems reported to the centre's managers as alerts.
 */
export function printingModule(
  deps: PrintingDeps & { tickets: Pick<TicketService, "onIssued"> },
): FeatureModule<PrintingService> {
  const service = createPrintingService(deps);
  deps.tickets.onIssued(service.ticketIssued);
  return { service };
}

export type { PrintingService } from "./printing.service.js";
export {
  createNetworkPrinter,
  type NetworkPrinterOptions,
  type PrintResult,
  type ReceiptPrinter,
} from "./network-printer.js";
export type { PrinterProblem } from "./printer-status.js";
export { encodeReceipt, statusPageUrl, type TicketReceipt } from "./receipt.js";
