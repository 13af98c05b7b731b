import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createNetworkPrinter, type TicketReceipt } from "../src/modules/printing/index.js";

/**
 * The ESC/POS network printer adapter against a real local TCP server standing in for an 80 mm
 * printer on port 9100: it answers the real-time status queries as a printer in a given state
 * would, and keeps every byte it is sent.
 */
const READY = 0x12;
type Answers = { printer: number; cause: number; paper: number } | "silent";

interface FakePrinter {
  port: number;
  received: Buffer[];
  /** The most connections open at once. */
  peak: number;
  /** Resolves with everything one connection sent, once the adapter closes it. */
  nextJob(): Promise<Buffer>;
  close(): Promise<void>;
}

const servers: FakePrinter[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function fakePrinter(answers: Answers): Promise<FakePrinter> {
  const received: Buffer[] = [];
  const jobs: ((b: Buffer) => void)[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    printer.peak = Math.max(printer.peak, sockets.size);
    socket.on("close", () => sockets.delete(socket));
    let data = Buffer.alloc(0);
    let answered = 0;
    socket.on("data", (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      // Answer the real-time queries at the start of the stream, one byte each, as a printer does.
      while (answers !== "silent" && answered < 3 && data.length >= 3 * (answered + 1)) {
        const q = data.subarray(3 * answered, 3 * answered + 3);
        if (q[0] !== 0x10 || q[1] !== 0x04) break;
        const n = q[2];
        socket.write(Uint8Array.of(n === 1 ? answers.printer : n === 2 ? answers.cause : answers.paper));
        answered += 1;
      }
    });
    socket.on("end", () => {
      received.push(data);
      jobs.shift()?.(data);
      socket.end();
    });
    socket.on("error", () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const printer: FakePrinter = {
    port: (server.address() as AddressInfo).port,
    received,
    peak: 0,
    nextJob: () => new Promise((r) => jobs.push(r)),
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
  servers.push(printer);
  return printer;
}

const receipt: TicketReceipt = {
  language: "az",
  centre: { name: { az: "DOST Bakı 1", ru: "ДОСТ Баку 1", en: "DOST Baku 1" }, timezone: "Asia/Baku" },
  service: {
    name: { az: "Əlillik müəyyən edilməsi", ru: "Установление инвалидности", en: "Disability assessment" },
    documents: [{ az: "Şəxsiyyət vəsiqəsi", ru: "Удостоверение личности", en: "ID card" }],
  },
  ticket: {
    code: "B042",
    publicId: "Xk3vQ9pL2mN8",
    issuedAt: "2026-12-02T06:15:00Z",
    position: 4,
    estimatedWaitMinutes: 17.4,
  },
};

const printerAt = (port: number, timeoutMs = 5000) =>
  createNetworkPrinter({ host: "127.0.0.1", port, timeoutMs, publicUrl: "https://queue.example.az/" });

const includes = (haystack: Buffer, ...needle: number[]) => haystack.includes(Buffer.from(needle));

describe("network ESC/POS printer", () => {
  it("asks the status, then sends a job with the init sequence, the code, the QR command and a cut", async () => {
    const fake = await fakePrinter({ printer: READY, cause: READY, paper: READY });
    const job = fake.nextJob();
    expect(await printerAt(fake.port).print(receipt)).toEqual({ ok: true, paperNearEnd: false });
    const bytes = await job;
    // DLE EOT 1, 2, 4 first; then ESC @.
    expect([...bytes.subarray(0, 11)]).toEqual([0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 4, 0x1b, 0x40]);
    // The code in the printer's font, 8 times font A (GS ! 0x77), bold.
    expect(bytes.includes("B042")).toBe(true);
    expect(includes(bytes, 0x1d, 0x21, 0x77)).toBe(true);
    // The QR code: GS ( k store with the status page's URL, then GS ( k print.
    const url = Buffer.from("https://queue.example.az/kiosk/t/Xk3vQ9pL2mN8");
    const store = bytes.indexOf(url);
    expect(store).toBeGreaterThan(0);
    expect([...bytes.subarray(store - 8, store)]).toEqual([
      0x1d,
      0x28,
      0x6b,
      (url.length + 3) & 0xff,
      (url.length + 3) >> 8,
      0x31,
      0x50,
      0x30,
    ]);
    expect(includes(bytes, 0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30)).toBe(true);
    // The words as raster bitmaps (GS v 0), and a partial cut (GS V 1) at the end.
    expect(includes(bytes, 0x1d, 0x76, 0x30, 0x00)).toBe(true);
    expect(bytes.lastIndexOf(Buffer.from([0x1d, 0x56, 0x01]))).toBeGreaterThan(store);
  });

  it("reports paper out, and sends no job", async () => {
    const fake = await fakePrinter({ printer: READY | 0x08, cause: READY | 0x20, paper: READY | 0x60 });
    const job = fake.nextJob();
    expect(await printerAt(fake.port).print(receipt)).toEqual({ ok: false, problem: "paper_out" });
    expect((await job).length).toBe(9); // the status queries alone
  });

  it("reports an open cover, and a roll near its end as a warning on a good print", async () => {
    const open = await fakePrinter({ printer: READY | 0x08, cause: READY | 0x04, paper: READY });
    expect(await printerAt(open.port).print(receipt)).toEqual({ ok: false, problem: "cover_open" });
    const low = await fakePrinter({ printer: READY, cause: READY, paper: READY | 0x0c });
    expect(await printerAt(low.port).print(receipt)).toEqual({ ok: true, paperNearEnd: true });
  });

  it("gives a printer that accepts the connection but never answers up as timeout, after the configured time", async () => {
    const fake = await fakePrinter("silent");
    const started = Date.now();
    expect(await printerAt(fake.port, 300).print(receipt)).toEqual({ ok: false, problem: "timeout" });
    const elapsed = Date.now() - started;
    // It waited for the answer (not a refusal), and did not hang: generous bounds, not a timing test.
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(10_000);
  });

  it("reports a printer nobody listens for as offline", async () => {
    const fake = await fakePrinter("silent");
    const port = fake.port;
    await fake.close();
    servers.length = 0;
    expect(await printerAt(port).print(receipt)).toEqual({ ok: false, problem: "offline" });
  });

  it("prints one job after another when asked twice at once", async () => {
    const fake = await fakePrinter({ printer: READY, cause: READY, paper: READY });
    const printer = printerAt(fake.port);
    const second = { ...receipt, language: "ru" as const, ticket: { ...receipt.ticket, code: "B043" } };
    const jobs = [fake.nextJob(), fake.nextJob()];
    const results = await Promise.all([printer.print(receipt), printer.print(second)]);
    await Promise.all(jobs);
    expect(fake.peak).toBe(1);
    expect(results).toEqual([
      { ok: true, paperNearEnd: false },
      { ok: true, paperNearEnd: false },
    ]);
    expect(
      fake.received.map((b) => (b.includes("B042") ? "B042" : b.includes("B043") ? "B043" : "?")),
    ).toEqual(["B042", "B043"]);
  });
});

describe("what to bring, on the printed receipt", () => {
  const QR_PRINT = Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]);
  const RASTER = Buffer.from([0x1d, 0x76, 0x30, 0x00]);
  const count = (haystack: Buffer, needle: Buffer) => {
    let n = 0;
    for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n += 1;
    return n;
  };

  /** Prints through the local TCP printer; returns what followed the QR code (hint, documents, cut). */
  async function tail(r: TicketReceipt): Promise<Buffer> {
    const fake = await fakePrinter({ printer: READY, cause: READY, paper: READY });
    const job = fake.nextJob();
    expect(await printerAt(fake.port).print(r)).toEqual({ ok: true, paperNearEnd: false });
    const bytes = await job;
    return bytes.subarray(bytes.indexOf(QR_PRINT) + QR_PRINT.length);
  }

  const withDocuments = (
    language: TicketReceipt["language"],
    documents: TicketReceipt["service"]["documents"],
  ) => ({
    ...receipt,
    language,
    service: { ...receipt.service, documents },
  });
  const identity = receipt.service.documents!;
  const three = [
    ...identity,
    { az: "Tibb müəssisəsinin göndərişi", ru: "Направление медицинского учреждения", en: "Medical referral" },
    { az: "Tibbi sənədlər", ru: "Медицинские документы", en: "Medical records" },
  ];

  it("prints the documents below the QR code, one more line each, and nothing for none", async () => {
    const none = await tail(withDocuments("az", []));
    const one = await tail(withDocuments("az", identity));
    const more = await tail(withDocuments("az", three));
    // Without documents only the scan hint follows the QR code; with them, one more bitmap.
    expect(count(one, RASTER)).toBeGreaterThan(count(none, RASTER));
    expect(one.length).toBeGreaterThan(none.length);
    expect(more.length).toBeGreaterThan(one.length);
  });

  it.each(["az", "ru", "en"] as const)("prints them in the ticket's language, %s", async (language) => {
    const base = await tail(withDocuments(language, three));
    // Only the ticket's own language of each document changes what is printed.
    const ownChanged = three.map((d) => ({ ...d, [language]: `${d[language]} (2)` }));
    const othersChanged = three.map((d) => ({
      az: language === "az" ? d.az : "—",
      ru: language === "ru" ? d.ru : "—",
      en: language === "en" ? d.en : "—",
    }));
    expect((await tail(withDocuments(language, ownChanged))).equals(base)).toBe(false);
    expect((await tail(withDocuments(language, othersChanged))).equals(base)).toBe(true);
  });
});
