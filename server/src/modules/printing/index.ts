/**
 * Ticket receipts on network ESC/POS printers. Not wired into issuing yet: which kiosk prints to
 * which printer comes with the administration of devices.
 */
export {
  createNetworkPrinter,
  type NetworkPrinterOptions,
  type PrintResult,
  type ReceiptPrinter,
} from "./network-printer.js";
export type { PrinterProblem } from "./printer-status.js";
export { encodeReceipt, statusPageUrl, type TicketReceipt } from "./receipt.js";
