import { ticketCalledSchema } from "@dost/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { collect, connectSocket, nextEvent, type ClientSocket } from "./support/sockets.js";

let t: TestApp;
let api: ReturnType<typeof apiClient>;
const sockets: ClientSocket[] = [];

async function connect(auth: Record<string, string>): Promise<ClientSocket> {
  const socket = await connectSocket(t.url, auth);
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  t = await startTestApp({ listen: true });
  api = apiClient(t.app);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

describe("live events over socket.io", () => {
  it("tells the centre's display about a call, and not another centre's display", async () => {
    const display = await connect({ deviceKey: "demo-display-BAKU-1" });
    const otherDisplay = await connect({ deviceKey: "demo-display-BAKU-2" });
    const otherCalls = collect(otherDisplay, "ticket:called");
    const staff = await api.login("staff.baku1.1");
    const counter = (await api.counters("BAKU-1", staff.auth))[4]!;
    await api.openCounter(counter.id, staff.auth);
    const services = await api.services("BAKU-1");
    const ticket = (await api.issue("BAKU-1", { serviceId: services[0]!.id })).body.ticket;

    const called = nextEvent(display, "ticket:called");
    await api.callNext(counter.id, staff.auth);
    const event = await called;
    expect(ticketCalledSchema.parse(event)).toMatchObject({
      ticketId: ticket.id,
      code: ticket.code,
      counter: { id: counter.id, label: counter.label, zone: counter.zone },
      recall: false,
    });

    const recalled = nextEvent(display, "ticket:called");
    await api.act(ticket.id, "recall", staff.auth);
    expect((await recalled).recall).toBe(true);

    // Give a stray event time to arrive before asserting there was none.
    await new Promise((r) => setTimeout(r, 200));
    expect(otherCalls).toEqual([]);

    const state = await api.call<{ recentCalls: { ticketId: string; recall: boolean }[] }>({
      method: "GET",
      url: "/api/v1/centres/BAKU-1/display-state",
      auth: "Device demo-display-BAKU-1",
    });
    expect(state.body.recentCalls.slice(0, 2).map((c) => [c.ticketId, c.recall])).toEqual([
      [ticket.id, true],
      [ticket.id, false],
    ]);
    // A floor's screen asks for its own zone's calls only.
    const otherZone = counter.zone === "ground" ? "first" : "ground";
    const zoned = await api.call<{ recentCalls: unknown[] }>({
      method: "GET",
      url: `/api/v1/centres/BAKU-1/display-state?zone=${otherZone}`,
      auth: "Device demo-display-BAKU-1",
    });
    expect(zoned.body.recentCalls).toEqual([]);
  });

  it("refuses a socket without valid credentials with UNAUTHENTICATED", async () => {
    await expect(connectSocket(t.url, {})).rejects.toThrow("UNAUTHENTICATED");
    await expect(connectSocket(t.url, { deviceKey: "stolen" })).rejects.toThrow("UNAUTHENTICATED");
    await expect(connectSocket(t.url, { token: "forged" })).rejects.toThrow("UNAUTHENTICATED");
    await expect(connectSocket(t.url, { publicId: "AAAAAAAAAAAAAAAAAAAAAA" })).rejects.toThrow(
      "UNAUTHENTICATED",
    );
  });

  it("lets a ticket's status page hear that ticket only", async () => {
    const services = await api.services("BAKU-1");
    const mine = (await api.issue("BAKU-1", { serviceId: services[1]!.id })).body.ticket;
    const page = await connect({ publicId: mine.publicId });
    const updates = collect(page, "ticket:updated");
    const calls = collect(page, "ticket:called");
    const staff = await api.login("staff.baku1.2");
    const counter = (await api.counters("BAKU-1", staff.auth))[5]!;
    await api.openCounter(counter.id, staff.auth, [services[1]!.id]);
    await api.issue("BAKU-1", { serviceId: services[2]!.id }); // someone else's ticket
    const update = nextEvent(page, "ticket:updated");
    await api.callNext(counter.id, staff.auth);
    expect((await update).ticket).toMatchObject({
      id: mine.id,
      status: "called",
      counter: { label: counter.label },
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(updates.every((u) => u.ticket.id === mine.id)).toBe(true);
    expect(calls).toEqual([]);
  });

  it("tells a waiting ticket's page when its place moves, and nobody else's", async () => {
    const services = await api.services("BAKU-1");
    const service = services[6]!;
    const first = (await api.issue("BAKU-1", { serviceId: service.id })).body.ticket;
    const second = (await api.issue("BAKU-1", { serviceId: service.id })).body.ticket;
    expect(second.position).toBe(1);
    const staff = await api.login("staff.baku1.6");
    const counter = (await api.counters("BAKU-1", staff.auth))[8]!;
    await api.openCounter(counter.id, staff.auth, [service.id]);
    const page = await connect({ publicId: second.publicId });
    const places = collect(page, "ticket:place");
    expect((await api.callNext(counter.id, staff.auth)).body.ticket?.id).toBe(first.id);
    // Place updates are coalesced per centre; the one after the call says it is next.
    for (let i = 0; i < 30 && !places.some((p) => p.ticket.position === 0); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(places.find((p) => p.ticket.position === 0)?.ticket).toMatchObject({ id: second.id, position: 0 });
    await new Promise((r) => setTimeout(r, 200));
    expect(places.every((p) => p.ticket.id === second.id)).toBe(true);
  });

  it("sends queue:changed to the centre's kiosks when a ticket is issued", async () => {
    const kiosk = await connect({ deviceKey: "demo-kiosk-BAKU-1" });
    const services = await api.services("BAKU-1");
    const changed = nextEvent(kiosk, "queue:changed");
    await api.issue("BAKU-1", { serviceId: services[3]!.id });
    const event = await changed;
    expect(event.services.find((s) => s.serviceId === services[3]!.id)?.waiting).toBe(1);
  });

  it("disconnects a user's sockets at once when they sign out", async () => {
    const session = await api.login("staff.baku1.3");
    const socket = await connect({ token: session.token });
    const ended = nextEvent(socket, "session:ended");
    const gone = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    await api.call({ method: "POST", url: "/api/v1/auth/logout", auth: session.auth });
    expect(await ended).toEqual({ reason: "signed_out" });
    expect(await gone).toBe("io server disconnect");
  });

  it("lets an admin subscribe to any centre and a staff member to their own only", async () => {
    const admin = await api.login("admin");
    const adminSocket = await connect({ token: admin.token });
    const ack = await adminSocket.emitWithAck("subscribe", { centreId: "SUMGAYIT" });
    expect(ack).toEqual({ ok: true });
    const staff = await api.login("staff.baku1.4");
    const staffSocket = await connect({ token: staff.token });
    expect(await staffSocket.emitWithAck("subscribe", { centreId: "BAKU-2" })).toEqual({
      ok: false,
      error: "FORBIDDEN",
    });

    const changed = nextEvent(adminSocket, "queue:changed");
    const services = await api.services("SUMGAYIT");
    await api.issue("SUMGAYIT", { serviceId: services[0]!.id });
    expect((await changed).centreId).toBe((await t.app.findCentre("SUMGAYIT"))!.id);
  });
});
