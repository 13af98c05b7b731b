import type {
  AppointmentCapacityResponse,
  AuditEvent,
  OfferedService,
  Service,
  SlotCapacityResponse,
} from "@dost/shared";
import { appointmentCapacityResponseSchema } from "@dost/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hourlyServiceStats } from "../src/db/schema.js";
import { apiClient } from "./support/api.js";
import { startTestApp, WORKING_MORNING, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";

/*
 * Appointment capacity on a history small enough to work out by hand. BAKU-1 offers one service,
 * old-age pensions (bookable, 20-minute slots, 12 minutes' handling configured, 15 minutes' target),
 * open 09:00–18:00 on Tuesdays. At 10:00–11:00 on earlier Tuesdays: 20 visitors (17 Nov) and 10
 * (10 Nov), all timed at 10 minutes. As in staffing.test.ts: forecast 15.71 at 10:00, handling
 * 10.8 minutes, 4 counters needed for 80 % within 15 minutes; nobody forecast at other hours.
 * One counter is open from 10:00 (Tuesday 24 Nov, 10:00 now); none worked at 09:00.
 *   09:00: 0 open → nothing spare → 0 appointments per slot.
 *   10:00: 1 open, 4 needed by the walk-ins → 0.
 *   11:00–17:00: 1 open, 0 needed → 60 × 0.85 = 51 minutes for appointments; three slots an hour of
 *     10.8 minutes each cost 32.4 minutes per appointment in every slot: floor(51 / 32.4) = 1, and
 *     the 18.6 left cannot buy a second → 1.
 * The day's figure is the tightest hour's: 0. Applying sets each hour's own (0 until 11:00, then 1).
 */
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let pensions: Service;
const clock = new FakeClock(WORKING_MORNING); // Tuesday 24 Nov 2026, 10:00 in Baku
const URL = "/api/v1/centres/BAKU-1/appointment-capacity";

beforeAll(async () => {
  t = await startTestApp({ clock });
  api = apiClient(t.app);
  pensions = (await api.services("BAKU-1"))[0]!;
  const centreId = (await t.app.findCentre("BAKU-1"))!.id;
  const admin = await api.login("admin");
  const offer = await api.call<{ services: OfferedService[] }>({
    method: "PUT",
    url: `/api/v1/admin/centres/${centreId}/services`,
    auth: admin.auth,
    payload: { services: [{ serviceId: pensions.id, slotCapacity: 2 }] },
  });
  expect(offer.status).toBe(200);
  const row = (day: string, issued: number) => ({
    centreId,
    day,
    hour: 10,
    serviceId: pensions.id,
    issued,
    serviceCount: issued,
    serviceSeconds: issued * 600,
  });
  await t.db.database.db.insert(hourlyServiceStats).values([row("2026-11-17", 20), row("2026-11-10", 10)]);
  const staff = await api.login("staff.baku1.1");
  const counter = (await api.counters("BAKU-1", staff.auth))[0]!;
  expect((await api.openCounter(counter.id, staff.auth)).status).toBe(204);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const get = async (auth: string) =>
  api.call<AppointmentCapacityResponse>({ method: "GET", url: `${URL}?date=2026-11-24`, auth });

describe("appointment capacity", { timeout: 180_000 }, () => {
  it("suggests, per service and hour, what the counters the walk-ins do not need can take", async () => {
    expect(pensions.appointmentEnabled).toBe(true);
    const viewer = await api.login("manager.baku1");
    const res = await get(viewer.auth);
    expect(res.status).toBe(200);
    const advice = appointmentCapacityResponseSchema.parse(res.body);
    expect(advice).toMatchObject({
      date: "2026-11-24",
      targetWaitMinutes: 15,
      basedOn: ["2026-11-17", "2026-11-10"],
    });
    expect(advice.services).toHaveLength(1);
    const [service] = advice.services;
    expect(service).toMatchObject({ serviceId: pensions.id, configuredCapacity: 2, suggestedCapacity: 0 });
    expect(service!.hours.map((h) => [h.hour, h.slots, h.suggestedCapacity])).toEqual([
      [9, 3, 0],
      [10, 3, 0],
      ...[11, 12, 13, 14, 15, 16, 17].map((hour) => [hour, 3, 1]),
    ]);
  });

  it("applies the suggestion through the admin settings, audited, for managers and admins only", async () => {
    const viewer = await api.login("admin");
    const manager = await api.login("manager.baku1");
    const apply = (auth: string) =>
      api.call<AppointmentCapacityResponse>({
        method: "POST",
        url: `${URL}/apply`,
        auth,
        payload: { date: "2026-11-24" },
      });
    const staff = await api.login("staff.baku1.2");
    expect((await apply(staff.auth)).status).toBe(403);
    expect((await get(manager.auth)).body.services[0]?.configuredCapacity).toBe(2);

    const applied = await apply(manager.auth);
    expect(applied.status).toBe(200);
    // Each hour takes its own suggestion; the service's own figure stays for hours without slots.
    expect(applied.body.services[0]).toMatchObject({ configuredCapacity: 2, suggestedCapacity: 0 });
    expect(
      applied.body.services[0]!.hours.map((h) => [h.hour, h.configuredCapacity, h.suggestedCapacity]),
    ).toEqual([[9, 0, 0], [10, 0, 0], ...[11, 12, 13, 14, 15, 16, 17].map((hour) => [hour, 1, 1])]);
    const settings = await api.call<SlotCapacityResponse>({
      method: "GET",
      url: `/api/v1/admin/centres/BAKU-1/slot-capacity`,
      auth: manager.auth,
    });
    expect(settings.status).toBe(200);
    expect(settings.body.services).toEqual([
      {
        serviceId: pensions.id,
        slotCapacity: 2,
        hours: [9, 10, 11, 12, 13, 14, 15, 16, 17].map((hour) => ({ hour, capacity: hour < 11 ? 0 : 1 })),
      },
    ]);

    const audit = await api.call<{ events: AuditEvent[] }>({
      method: "GET",
      url: "/api/v1/admin/audit?kind=slot_capacity.updated&limit=1",
      auth: viewer.auth,
    });
    const [event] = audit.body.events;
    expect(event?.actor.name).toBe("manager.baku1");
    expect(event?.before).toEqual([{ serviceId: pensions.id, slotCapacity: 2, hours: [] }]);
    expect(event?.after).toEqual(settings.body.services);
  });

  it("books each hour up to its own capacity: a full hour refuses with slot_full, another still accepts", async () => {
    // Wednesday 25 Nov, 20-minute slots: 09:00–10:59 take none, 11:00–17:59 one each.
    const slots = await api.call<{ slots: { start: string; available: number }[] }>({
      method: "GET",
      url: `/api/v1/centres/BAKU-1/services/${pensions.id}/slots?date=2026-11-25`,
    });
    expect(slots.status).toBe(200);
    const available = new Map(slots.body.slots.map((s) => [s.start, s.available]));
    expect(available.get("2026-11-25T05:00:00.000Z")).toBe(0); // 09:00 Baku
    expect(available.get("2026-11-25T07:00:00.000Z")).toBe(1); // 11:00
    let phone = 7_100_000;
    const book = (start: string) =>
      api.call<{ error?: { reason: string } }>({
        method: "POST",
        url: "/api/v1/appointments",
        payload: {
          centreId: "BAKU-1",
          serviceId: pensions.id,
          start,
          citizen: { name: "Test Citizen", phone: `+99455${phone++}` },
        },
      });
    const closedHour = await book("2026-11-25T05:00:00.000Z");
    expect(closedHour.status).toBe(409);
    expect(closedHour.body.error?.reason).toBe("slot_full");
    expect((await book("2026-11-25T07:00:00.000Z")).status).toBe(201);
    const full = await book("2026-11-25T07:00:00.000Z");
    expect(full.status).toBe(409);
    expect(full.body.error?.reason).toBe("slot_full");
    expect((await book("2026-11-25T08:00:00.000Z")).status).toBe(201); // 12:00 still accepts

    // Raising 11:00 to two makes room in the slot already booked; lowering it back closes it again.
    const manager = await api.login("manager.baku1");
    const setEleven = (capacity: number) =>
      api.call<SlotCapacityResponse>({
        method: "PUT",
        url: `/api/v1/admin/centres/BAKU-1/slot-capacity`,
        auth: manager.auth,
        payload: {
          services: [
            {
              serviceId: pensions.id,
              hours: [9, 10, 11, 12, 13, 14, 15, 16, 17].map((hour) => ({
                hour,
                capacity: hour === 11 ? capacity : hour < 11 ? 0 : 1,
              })),
            },
          ],
        },
      });
    expect((await setEleven(2)).status).toBe(200);
    expect((await book("2026-11-25T07:20:00.000Z")).status).toBe(201);
    expect((await book("2026-11-25T07:00:00.000Z")).status).toBe(201);
    expect((await setEleven(1)).status).toBe(200);
    expect((await book("2026-11-25T07:20:00.000Z")).body.error?.reason).toBe("slot_full");
  });

  it("refuses an hour listed twice or a service the centre does not offer with 400, changing nothing", async () => {
    const manager = await api.login("manager.baku1");
    const put = (payload: Record<string, unknown>) =>
      api.call<{ error: { code: string } }>({
        method: "PUT",
        url: `/api/v1/admin/centres/BAKU-1/slot-capacity`,
        auth: manager.auth,
        payload,
      });
    const before = await api.call<SlotCapacityResponse>({
      method: "GET",
      url: `/api/v1/admin/centres/BAKU-1/slot-capacity`,
      auth: manager.auth,
    });
    const twice = { hour: 12, capacity: 3 };
    expect((await put({ services: [{ serviceId: pensions.id, hours: [twice, twice] }] })).status).toBe(400);
    const other = "00000000-0000-4000-8000-000000000000";
    expect((await put({ services: [{ serviceId: other, hours: [] }] })).status).toBe(400);
    expect(
      (await put({ services: [{ serviceId: pensions.id, hours: [{ hour: 24, capacity: 1 }] }] })).status,
    ).toBe(400);
    const after = await api.call<SlotCapacityResponse>({
      method: "GET",
      url: `/api/v1/admin/centres/BAKU-1/slot-capacity`,
      auth: manager.auth,
    });
    expect(after.body).toEqual(before.body);
  });

  it("refuses a bad date with 400", async () => {
    const manager = await api.login("manager.baku1");
    const bad = await api.call({ method: "GET", url: `${URL}?date=2026-13-40`, auth: manager.auth });
    expect(bad.status).toBe(400);
  });
});
