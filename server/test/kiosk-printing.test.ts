import type { AdminDevice, Alert, AlertCleared, Service, Ticket } from "@dost/shared";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../src/db/schema.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import {
  PRINTER_PAPER_OUT,
  PRINTER_READY,
  startFakePrinter,
  type FakePrinter,
} from "./support/fake-printer.js";
import { collect, connectSocket, type ClientSocket } from "./support/sockets.js";

/*
 * A kiosk with a network receipt printer: the server prints each ticket it issues there, after the
 * commit and after answering, on a real local TCP server standing in for the printer; what stops
 * the printer reaches the centre's managers as an alert over their real socket, cleared by the
 * next good print. Issuing never waits for the printer.
 */

let t: TestApp;
let api: ReturnType<typeof apiClient>;
let manager: { auth: string; token: string };
let service: Service;
let kiosk: { id: string; auth: string };
let printer: FakePrinter;
const sockets: ClientSocket[] = [];
let heard: { raised: Alert[]; cleared: AlertCleared[] };
let staffHeard: { raised: Alert[] };

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const setPrinter = (deviceId: string, printerAddress: string | null, auth = manager.auth) =>
  api.call<{ device: AdminDevice }>({
    method: "PATCH",
    url: `/api/v1/admin/devices/${deviceId}`,
    auth,
    payload: { printer: printerAddress },
  });

const issueAtKiosk = (auth = kiosk.auth) =>
  api.call<{ ticket: Ticket; serverPrint?: boolean }>({
    method: "POST",
    url: "/api/v1/centres/BAKU-1/tickets",
    auth,
    payload: { serviceId: service.id },
  });

const printerKey = () => `printer_problem:${kiosk.id}`;
/** The printer's alert was raised (again) with `problem`. */
const raisedWith = (problem: string) =>
  heard.raised.some(
    (a) => a.kind === "printer_problem" && a.key === printerKey() && a.details.problem === problem,
  );

beforeAll(async () => {
  t = await startTestApp({ listen: true });
  api = apiClient(t.app);
  service = (await api.services("BAKU-1"))[0]!;
  manager = await api.login("manager.baku1");
  const created = await api.call<{ device: AdminDevice; key: string }>({
    method: "POST",
    url: "/api/v1/admin/centres/BAKU-1/devices",
    auth: manager.auth,
    payload: { kind: "kiosk", label: "Kiosk by the door" },
  });
  expect(created.status).toBe(201);
  kiosk = { id: created.body.device.id, auth: `Device ${created.body.key}` };
  printer = await startFakePrinter();
  const managerSocket = await connectSocket(t.url, { token: manager.token });
  const staffSocket = await connectSocket(t.url, { token: (await api.login("staff.baku1.1")).token });
  sockets.push(managerSocket, staffSocket);
  heard = {
    raised: collect(managerSocket, "alert:raised"),
    cleared: collect(managerSocket, "alert:cleared"),
  };
  staffHeard = { raised: collect(staffSocket, "alert:raised") };
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await printer?.close();
  await t?.app.printing.settled();
  await t?.close();
});

describe("a kiosk's network printer", { timeout: 120_000 }, () => {
  it("is set by the centre's manager, validated and audited; only a kiosk has one", async () => {
    for (const bad of ["not a host", "10.0.0.5:0", "10.0.0.5:70000", ""]) {
      const res = await setPrinter(kiosk.id, bad);
      expect(res.status, bad).toBe(400);
    }
    const display = (
      await api.call<{ devices: AdminDevice[] }>({
        method: "GET",
        url: "/api/v1/admin/centres/BAKU-1/devices",
        auth: manager.auth,
      })
    ).body.devices.find((d) => d.kind === "display")!;
    expect((await setPrinter(display.id, "10.0.0.5")).status).toBe(400);
    const otherManager = await api.login("manager.baku2");
    expect((await setPrinter(kiosk.id, "127.0.0.1", otherManager.auth)).status).toBe(403);

    const res = await setPrinter(kiosk.id, ` 127.0.0.1:${printer.port} `);
    expect(res.status).toBe(200);
    expect(res.body.device.printer).toBe(`127.0.0.1:${printer.port}`);
    const [audit] = await t.db.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.kind, "device.updated"), eq(auditEvents.targetId, kiosk.id)));
    expect(audit).toBeDefined();
    expect((audit!.after as AdminDevice).printer).toBe(`127.0.0.1:${printer.port}`);
    expect((audit!.before as AdminDevice).printer).toBeNull();
  });

  it("prints each ticket the kiosk issues, as ESC/POS, and tells the kiosk not to print it", async () => {
    const res = await issueAtKiosk();
    expect(res.status).toBe(201);
    expect(res.body.serverPrint).toBe(true);
    await until(() => printer.received.some((b) => b.includes(res.body.ticket.code)), "the receipt");
    const job = printer.received.find((b) => b.includes(res.body.ticket.code))!;
    expect([...job.subarray(0, 11)]).toEqual([0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 4, 0x1b, 0x40]);
    expect(job.includes(Buffer.from([0x1d, 0x56, 0x01]))).toBe(true); // the cut

    // A kiosk without a printer prints through its browser, as before: nothing reaches this printer.
    const before = printer.connections;
    const plain = await api.issue("BAKU-1", { serviceId: service.id });
    expect(plain.status).toBe(201);
    expect(plain.body).not.toHaveProperty("serverPrint");
    await t.app.printing.settled();
    expect(printer.connections).toBe(before);
  });

  it("raises paper out to the managers, keeps it through the queue rules, and clears it on a good print", async () => {
    printer.answers = PRINTER_PAPER_OUT;
    const res = await issueAtKiosk();
    expect(res.status).toBe(201);
    await until(() => heard.raised.some((a) => a.key === printerKey()), "printer_problem raised");
    const alert = heard.raised.find((a) => a.key === printerKey())!;
    expect(alert).toMatchObject({
      kind: "printer_problem",
      severity: "critical",
      details: { deviceId: kiosk.id, deviceName: "Kiosk by the door", problem: "paper_out" },
    });
    // Only the job's status queries reached the printer: no job sent into an empty printer.
    expect(printer.received.at(-1)?.length).toBe(9);
    // The queue's rules run after every change: they leave a printer's alert alone.
    await t.app.alerts.evaluate(alert.centreId);
    await t.app.alerts.settled();
    expect(heard.cleared.filter((c) => c.key === printerKey())).toEqual([]);
    // Another ticket while it is still out: the alert is not raised again.
    await issueAtKiosk();
    await t.app.printing.settled();
    expect(heard.raised.filter((a) => a.key === printerKey())).toHaveLength(1);
    const listed = await api.call<{ alerts: Alert[] }>({
      method: "GET",
      url: "/api/v1/centres/BAKU-1/alerts",
      auth: manager.auth,
    });
    expect(listed.body.alerts.find((a) => a.key === printerKey())?.id).toBe(alert.id);
    expect(staffHeard.raised.filter((a) => a.key === printerKey())).toEqual([]);

    printer.answers = PRINTER_READY;
    const good = await issueAtKiosk();
    expect(good.status).toBe(201);
    await until(() => heard.cleared.some((c) => c.id === alert.id), "printer_problem cleared");
    expect(printer.received.some((b) => b.includes(good.body.ticket.code))).toBe(true);
  });

  it("issues as ever while the printer is down or hung, and reports it", async () => {
    // Hung: it takes the connection and never answers; the ticket is answered meanwhile.
    printer.answers = "silent";
    const connected = printer.connections;
    const hung = await issueAtKiosk();
    expect(hung.status).toBe(201);
    await until(() => printer.connections > connected, "the print's connection");
    await until(() => raisedWith("timeout"), "timeout raised");

    // Down: nobody listens at its address any more.
    await printer.close();
    const down = await issueAtKiosk();
    expect(down.status).toBe(201);
    expect(down.body.serverPrint).toBe(true);
    await until(() => raisedWith("offline"), "offline raised");
    const listed = await api.call<{ ticket: Ticket }>({
      method: "GET",
      url: `/api/v1/public/tickets/${down.body.ticket.publicId}`,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.ticket.status).toBe("waiting");
  });
});
