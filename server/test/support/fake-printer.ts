import net, { type AddressInfo } from "node:net";

/** An ESC/POS printer's answers to DLE EOT 1, 2, 4; "silent" answers nothing (a hung printer). */
export type PrinterAnswers = { printer: number; cause: number; paper: number } | "silent";

const READY = 0x12;
export const PRINTER_READY: PrinterAnswers = { printer: READY, cause: READY, paper: READY };
/** Offline (n=1 bit 3), stopped for paper (n=2 bit 5), the roll used up (n=4 bits 5-6). */
export const PRINTER_PAPER_OUT: PrinterAnswers = {
  printer: READY | 0x08,
  cause: READY | 0x20,
  paper: READY | 0x60,
};

export interface FakePrinter {
  port: number;
  /** What it answers from now on. */
  answers: PrinterAnswers;
  /** Every connection's bytes, once that connection has closed. */
  received: Buffer[];
  /** Connections accepted so far. */
  connections: number;
  close(): Promise<void>;
}

/**
 * A network receipt printer on a real local TCP port: it answers the real-time status queries at
 * the start of each connection as a printer in the state `answers` says would, and keeps the bytes.
 */
export async function startFakePrinter(answers: PrinterAnswers = PRINTER_READY): Promise<FakePrinter> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    fake.connections += 1;
    const state = fake.answers;
    let data = Buffer.alloc(0);
    let answered = 0;
    socket.on("data", (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      while (state !== "silent" && answered < 3 && data.length >= 3 * (answered + 1)) {
        const q = data.subarray(3 * answered, 3 * answered + 3);
        if (q[0] !== 0x10 || q[1] !== 0x04) break;
        socket.write(Uint8Array.of(q[2] === 1 ? state.printer : q[2] === 2 ? state.cause : state.paper));
        answered += 1;
      }
    });
    socket.on("end", () => socket.end());
    socket.on("close", () => {
      sockets.delete(socket);
      fake.received.push(data);
    });
    socket.on("error", () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const fake: FakePrinter = {
    port: (server.address() as AddressInfo).port,
    answers,
    received: [],
    connections: 0,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
  return fake;
}
