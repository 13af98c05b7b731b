import { alertClearedSchema, alertSchema, type Alert, type AlertCleared, type Service } from "@dost/shared";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, hourlyServiceStats } from "../src/db/schema.js";
import { createAccount } from "./support/accounts.js";
import { apiClient } from "./support/api.js";
import { startTestApp, WORKING_MORNING, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";
import { collect, connectSocket, type ClientSocket } from "./support/sockets.js";

/*
 * Alerts computed on the server as BAKU-1's queue changes, with the test's clock: each kind raised
 * once and cleared once, heard by the centre's manager and by an admin and a viewer watching it,
 * never by a counter's socket of the same centre nor by another centre's manager.
 */

const MINUTE = 60_000;
let t: TestApp;
let api: ReturnType<typeof apiClient>;
const clock = new FakeClock(WORKING_MORNING); // Tuesday 10:00 in Baku
const sockets: ClientSocket[] = [];
let services: Service[];
let manager: { auth: string };
let staff: { auth: string };
let centreId: string;
const heard: Record<string, { raised: Alert[]; cleared: AlertCleared[] }> = {};

async function listen(name: string, auth: Record<string, string>, watch?: string) {
  const socket = await connectSocket(t.url, auth);
  sockets.push(socket);
  heard[name] = { raised: collect(socket, "alert:raised"), cleared: collect(socket, "alert:cleared") };
  if (watch) {
    const ack = await socket.emitWithAck("subscribe", { centreId: watch });
    expect(ack.ok).toBe(true);
  }
}

/** Waits (generously: a busy machine) until `check` holds, re-running it every 50 ms. */
async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const raisedFor = (key: string) => heard.manager!.raised.filter((a) => a.key === key);
const clearedFor = (key: string) => heard.manager!.cleared.filter((a) => a.key === key);

/** The manager hears `key` raised; the admin and the viewer watching hear the same alert. */
async function expectRaised(key: string): Promise<Alert> {
  await until(() => raisedFor(key).length > 0, `${key} raised`);
  const alert = alertSchema.parse(raisedFor(key)[0]);
  for (const who of ["admin", "viewer"]) {
    await until(() => heard[who]!.raised.some((a) => a.id === alert.id), `${who} hearing ${key}`);
  }
  return alert;
}

async function expectClearedOnce(alert: Alert): Promise<void> {
  await until(() => clearedFor(alert.key).length > 0, `${alert.key} cleared`);
  await t.app.alerts.settled();
  await t.app.alerts.tick(); // evaluating again changes nothing: raised once, cleared once
  expect(raisedFor(alert.key).map((a) => a.id)).toEqual([alert.id]);
  expect(clearedFor(alert.key).map((a) => alertClearedSchema.parse(a).id)).toEqual([alert.id]);
  const listed = await api.call<{ alerts: Alert[] }>({
    method: "GET",
    url: `/api/v1/centres/BAKU-1/alerts?since=${encodeURIComponent(alert.raisedAt)}`,
    auth: manager.auth,
  });
  expect(listed.status).toBe(200);
  const row = listed.body.alerts.find((a) => a.id === alert.id);
  expect(row?.clearedAt).toBe(clearedFor(alert.key)[0]!.clearedAt);
}

async function issue(service: Service) {
  const res = await api.issue("BAKU-1", { serviceId: service.id });
  expect(res.status).toBe(201);
  return res.body.ticket;
}

beforeAll(async () => {
  t = await startTestApp({ clock, listen: true });
  api = apiClient(t.app);
  services = await api.services("BAKU-1");
  centreId = (await t.app.findCentre("BAKU-1"))!.id;
  // Eight earlier Tuesdays each had 2 visitors for the last service between 10:00 and 11:00.
  const surgeService = services.at(-1)!;
  await t.db.database.db.insert(hourlyServiceStats).values(
    Array.from({ length: 8 }, (_, k) => ({
      centreId,
      day: new Date(WORKING_MORNING.getTime() - (k + 1) * 7 * 24 * 60 * MINUTE).toISOString().slice(0, 10),
      hour: 10,
      serviceId: surgeService.id,
      issued: 2,
    })),
  );
  const admin = await api.login("admin");
  manager = await api.login("manager.baku1");
  staff = await api.login("staff.baku1.1");
  const viewer = await createAccount(api, admin.auth, {
    username: "analyst",
    role: "viewer",
    centreId: null,
  });
  await listen("manager", { token: manager.auth.slice(7) });
  await listen("staff", { token: staff.auth.slice(7) });
  await listen("otherManager", { token: (await api.login("manager.baku2")).token });
  await listen("admin", { token: admin.token }, "BAKU-1");
  await listen("viewer", { token: viewer.auth.slice(7) }, "BAKU-1");
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await t?.close();
});

describe("alerts on the server", { timeout: 120_000 }, () => {
  it("a manager sets the centre's thresholds, audited; bad ones are refused", async () => {
    const bad = await api.call({
      method: "PUT",
      url: "/api/v1/admin/centres/BAKU-1/alert-thresholds",
      auth: manager.auth,
      payload: { waitWarnShare: 0.5, waitClearShare: 0.7 },
    });
    expect(bad.status).toBe(400);
    const byStaff = await api.call({
      method: "PUT",
      url: "/api/v1/admin/centres/BAKU-1/alert-thresholds",
      auth: staff.auth,
      payload: {},
    });
    expect(byStaff.status).toBe(403);
    const res = await api.call<{ thresholds: { surgeMinExcess: number; projectedWait: boolean } }>({
      method: "PUT",
      url: "/api/v1/admin/centres/BAKU-1/alert-thresholds",
      auth: manager.auth,
      // The projection is left out here so that each alert below has one cause the test controls.
      payload: { surgeMinExcess: 4, projectedWait: false },
    });
    expect(res.status).toBe(200);
    expect(res.body.thresholds).toMatchObject({ surgeMinExcess: 4, projectedWait: false, idleMinutes: 3 });
    const [audit] = await t.db.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.kind, "alert_thresholds.updated"), eq(auditEvents.centreId, centreId)));
    expect(audit?.after).toMatchObject({ surgeMinExcess: 4 });
    expect(audit?.before).toMatchObject({ surgeMinExcess: 8 });
  });

  it("queue_surge: arrivals well above the same-weekday forecast, cleared as the hour turns", async () => {
    clock.set(new Date(WORKING_MORNING.getTime() + 30 * MINUTE)); // 10:30: one visitor expected so far
    const surgeService = services.at(-1)!;
    for (let i = 0; i < 5; i++) await issue(surgeService);
    const alert = await expectRaised(`queue_surge:${surgeService.id}`);
    expect(alert).toMatchObject({ kind: "queue_surge", serviceId: surgeService.id, centreId });
    expect(alert.details).toMatchObject({ arrivalsThisHour: 5, expectedSoFar: 1, forecastThisHour: 2 });
    clock.set(new Date(WORKING_MORNING.getTime() + 61 * MINUTE)); // 11:01: a new hour, nobody expected
    await t.app.alerts.tick();
    await expectClearedOnce(alert);
    // Serve the surge away so that later alerts are about what each test does.
    const counter = (await api.counters("BAKU-1", staff.auth))[10]!;
    expect((await api.openCounter(counter.id, staff.auth, [surgeService.id])).status).toBe(204);
    for (let i = 0; i < 5; i++) {
      const called = (await api.callNext(counter.id, staff.auth)).body.ticket!;
      expect((await api.act(called.id, "no-show", staff.auth)).status).toBe(200);
    }
    await api.call({ method: "POST", url: `/api/v1/counters/${counter.id}/close`, auth: staff.auth });
    const quiet = await api.call({
      method: "PUT",
      url: "/api/v1/admin/centres/BAKU-1/alert-thresholds",
      auth: manager.auth,
      payload: { surgeMinExcess: 1000, projectedWait: false },
    });
    expect(quiet.status).toBe(200);
  });

  it("service_uncovered, then counter_idle, then visit_overlong, each raised and cleared once", async () => {
    const service = services[0]!; // pensions: 12 minutes' handling, 15 minutes' target
    const ticket = await issue(service);
    clock.advance(61_000); // past the minute's grace with no open counter serving it
    await t.app.alerts.tick();
    const uncovered = await expectRaised(`service_uncovered:${service.id}`);
    expect(uncovered.suggestion).toMatchObject({ serviceId: service.id });

    const counter = (await api.counters("BAKU-1", staff.auth))[6]!;
    expect((await api.openCounter(counter.id, staff.auth, [service.id])).status).toBe(204);
    await expectClearedOnce(uncovered);

    clock.advance(3 * MINUTE); // the counter stands idle while its visitor waits
    await t.app.alerts.tick();
    const idle = await expectRaised(`counter_idle:${counter.id}`);
    expect(idle.details).toMatchObject({ counterLabel: counter.label, waiting: 1 });
    expect(idle.suggestion).toMatchObject({
      action: "call_next",
      counterId: counter.id,
      serviceId: service.id,
    });
    expect((await api.callNext(counter.id, staff.auth)).body.ticket?.id).toBe(ticket.id);
    await expectClearedOnce(idle);

    expect((await api.act(ticket.id, "start", staff.auth)).status).toBe(200);
    // 1.5 × the usual visit (ln 10 × 12 minutes ≈ 27.6): 41.4 minutes.
    clock.advance(42 * MINUTE);
    await t.app.alerts.tick();
    const overlong = await expectRaised(`visit_overlong:${counter.id}`);
    expect(overlong.details).toMatchObject({ ticketId: ticket.id, usualSeconds: 1658 });
    expect((await api.act(ticket.id, "complete", staff.auth)).status).toBe(200);
    await expectClearedOnce(overlong);
    await api.call({ method: "POST", url: `/api/v1/counters/${counter.id}/close`, auth: staff.auth });
  });

  it("wait_over_target warns at 80 % of the target, before the breach, and clears once served", async () => {
    const service = services[1]!; // survivors' pensions: 15 minutes' target
    const counter = (await api.counters("BAKU-1", staff.auth))[7]!;
    // A counter serves it but is busy with someone else, so the wait only grows.
    const other = services[2]!;
    expect((await api.openCounter(counter.id, staff.auth, [service.id, other.id])).status).toBe(204);
    const first = await issue(other);
    expect((await api.callNext(counter.id, staff.auth)).body.ticket?.id).toBe(first.id);
    const waiting = await issue(service);
    clock.advance(11 * MINUTE);
    await t.app.alerts.tick();
    expect(raisedFor(`wait_over_target:${service.id}`)).toEqual([]); // 11 of 15 minutes: not yet
    clock.advance(1 * MINUTE);
    await t.app.alerts.tick();
    const alert = await expectRaised(`wait_over_target:${service.id}`);
    expect(alert).toMatchObject({ severity: "warning" });
    expect(alert.details).toMatchObject({ waiting: 1, targetWaitSeconds: 900, trigger: "longest_wait" });
    expect((await api.act(first.id, "no-show", staff.auth)).status).toBe(200);
    expect((await api.callNext(counter.id, staff.auth)).body.ticket?.id).toBe(waiting.id);
    await expectClearedOnce(alert);
  });

  it("went to the centre's managers, admins and viewers only", async () => {
    await t.app.alerts.settled();
    await new Promise((r) => setTimeout(r, 300)); // a stray event's time to arrive
    expect(heard.manager!.raised.length).toBeGreaterThanOrEqual(5);
    expect(heard.staff).toEqual({ raised: [], cleared: [] });
    expect(heard.otherManager).toEqual({ raised: [], cleared: [] });
    const other = await api.call({
      method: "GET",
      url: "/api/v1/centres/BAKU-1/alerts",
      auth: (await api.login("manager.baku2")).auth,
    });
    expect(other.status).toBe(403);
    const byStaff = await api.call({ method: "GET", url: "/api/v1/centres/BAKU-1/alerts", auth: staff.auth });
    expect(byStaff.status).toBe(403);
  });
});
