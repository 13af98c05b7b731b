import net from "node:net";
import { parseStatus, STATUS_QUERY, type PrinterProblem } from "./printer-status.js";
import { encodeReceipt, type ReceiptLayout, type TicketReceipt } from "./receipt.js";

export type PrintResult = { ok: true; paperNearEnd: boolean } | { ok: false; problem: PrinterProblem };

/** What the kiosk's issuing flow calls; the printer a kiosk uses comes with its configuration. */
export interface ReceiptPrinter {
  print(receipt: TicketReceipt): Promise<PrintResult>;
}

export interface NetworkPrinterOptions extends ReceiptLayout {
  host: string;
  /** The raw printing port of network receipt printers. */
  port?: number;
  /** How long connecting and the status answer may take before the printer counts as gone. */
  timeoutMs?: number;
  /** How long sending the job may take (the printer reads it as fast as it prints). */
  printTimeoutMs?: number;
}

/**
 * An 80 mm ESC/POS printer on the network (raw TCP, port 9100). Each print opens a connection,
 * asks the printer's real-time status first (so a missing roll or an open cover is reported
 * instead of a job vanishing into a printer that cannot print it), sends the job, and closes.
 * Prints to one printer go one after another: many such printers take one connection at a time.
 */
export function createNetworkPrinter(options: NetworkPrinterOptions): ReceiptPrinter {
  const port = options.port ?? 9100;
  const timeoutMs = options.timeoutMs ?? 3000;
  const printTimeoutMs = options.printTimeoutMs ?? 30_000;
  let queue: Promise<unknown> = Promise.resolve();

  /** The outcome, and when the connection is gone (the next job waits for that). */
  function send(job: Uint8Array): { result: Promise<PrintResult>; closed: Promise<void> } {
    let closed!: () => void;
    const whenClosed = new Promise<void>((r) => (closed = r));
    const result = new Promise<PrintResult>((resolve) => {
      let stage: "connecting" | "status" | "printing" | "done" = "connecting";
      let answer = Buffer.alloc(0);
      const socket = net.connect({ host: options.host, port });
      const finish = (result: PrintResult) => {
        if (stage === "done") return;
        stage = "done";
        clearTimeout(timer);
        resolve(result);
      };
      const fail = (problem: PrinterProblem) => {
        finish({ ok: false, problem });
        socket.destroy();
      };
      // Not connected in time: nothing is there. Connected but silent: a printer that hangs.
      let timer = setTimeout(() => fail(stage === "connecting" ? "offline" : "timeout"), timeoutMs);

      socket.setNoDelay(true);
      socket.on("connect", () => {
        stage = "status";
        socket.write(STATUS_QUERY);
      });
      socket.on("data", (chunk: Buffer) => {
        if (stage !== "status") return;
        answer = Buffer.concat([answer, chunk]);
        if (answer.length < 3) return;
        const status = parseStatus(answer.subarray(0, 3));
        if (status.problem) return fail(status.problem);
        stage = "printing";
        clearTimeout(timer);
        timer = setTimeout(() => fail("timeout"), printTimeoutMs);
        // Resolved once the whole job is handed to the network; the printer closes its side after.
        socket.end(job, () => finish({ ok: true, paperNearEnd: status.paperNearEnd }));
      });
      socket.on("error", () => fail("offline"));
      socket.on("close", () => {
        if (stage !== "done") fail("offline");
        closed();
      });
      // A printer that never closes its side after the job must not keep the socket forever.
      socket.on("finish", () => setTimeout(() => socket.destroy(), printTimeoutMs).unref());
    });
    return { result, closed: whenClosed };
  }

  return {
    async print(receipt) {
      const job = encodeReceipt(receipt, options);
      const attempt = queue.then(() => send(job));
      queue = attempt.then((a) => a.closed);
      return attempt.then((a) => a.result);
    },
  };
}
