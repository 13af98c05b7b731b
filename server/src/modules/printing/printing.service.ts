import { parsePrinterAddress, type Ticket } from "@dost/shared";
import type { Db } from "../../db/client.js";
import { serverPrinterOf } from "../../core/principal.js";
import type { AlertsService } from "../alerts/index.js";
import type { CatalogService } from "../catalog/index.js";
import type { IssuedListener } from "../tickets/index.js";
import { createNetworkPrinter, type NetworkPrinterOptions, type ReceiptPrinter } from "./network-printer.js";

export interface PrintingDeps {
  db: Db;
  catalog: Pick<CatalogService, "serviceOfCentre">;
  alerts: Pick<AlertsService, "printerProblem" | "printerWorks">;
  /** Where phones reach the status page (PUBLIC_URL), for the receipt's QR code. */
  publicUrl: string | null;
  onError(err: unknown): void;
  /** The network printer for an address; options only in tests. */
  printerOptions?: Partial<Pick<NetworkPrinterOptions, "timeoutMs" | "printTimeoutMs">>;
}

interface KioskPrinter {
  address: string;
  printer: ReceiptPrinter;
  /** How its last print went; unknown after a start (an alert may be open from before). */
  working: boolean | null;
}

/**
 * Receipts of tickets issued at a kiosk that has a network printer, printed by the server after the
 * ticket's commit and after its answer: a printer that is out of paper or gone never delays nor
 * fails issuing. What stops a printer is reported to the centre's managers as a `printer_problem`
 * alert, cleared by the next good print.
 */
export function createPrintingService(deps: PrintingDeps) {
  const kiosks = new Map<string, KioskPrinter>();
  const inFlight = new Set<Promise<void>>();

  /** One client per kiosk, so its prints go one after another; a new one when its address changes. */
  function printerOf(deviceId: string, address: string): KioskPrinter | null {
    const known = kiosks.get(deviceId);
    if (known?.address === address) return known;
    const parsed = parsePrinterAddress(address);
    if (!parsed) return null;
    const kiosk: KioskPrinter = {
      address,
      printer: createNetworkPrinter({
        ...parsed,
        ...deps.printerOptions,
        publicUrl: deps.publicUrl ?? "",
      }),
      working: null,
    };
    kiosks.set(deviceId, kiosk);
    return kiosk;
  }

  async function print(
    device: { id: string; name: string },
    kiosk: KioskPrinter,
    centre: Parameters<IssuedListener>[0]["centre"],
    ticket: Ticket,
  ): Promise<void> {
    const service = await deps.catalog.serviceOfCentre(deps.db, centre.id, ticket.serviceId);
    const result = await kiosk.printer.print({
      language: ticket.language,
      centre: { name: centre.name, timezone: centre.timezone },
      service: { name: service?.name ?? { az: "", ru: "", en: "" }, documents: service?.documents ?? [] },
      ticket,
    });
    if (result.ok) {
      if (kiosk.working !== true) await deps.alerts.printerWorks(centre.id, device.id);
      kiosk.working = true;
    } else {
      kiosk.working = false;
      await deps.alerts.printerProblem(centre.id, {
        deviceId: device.id,
        deviceName: device.name,
        problem: result.problem,
      });
    }
  }

  const ticketIssued: IssuedListener = ({ principal, centre, ticket }) => {
    const address = serverPrinterOf(principal);
    if (address === null || principal.kind !== "device") return;
    const kiosk = printerOf(principal.device.id, address);
    if (!kiosk) return;
    const job = print(principal.device, kiosk, centre, ticket)
      .catch(deps.onError)
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  };

  return {
    ticketIssued,
    /** Waits for the prints under way (tests, and closing). */
    async settled(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

export type PrintingService = ReturnType<typeof createPrintingService>;
