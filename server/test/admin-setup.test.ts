import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AdminCentre, AdminCounter, AdminService, AdminUser, Ticket } from "@dost/shared";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.js";
import { devices, sessions, users } from "../src/db/schema.js";
import { sha256 } from "../src/lib/tokens.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";
import { describeOnPglite, describeOnPostgres } from "./support/driver.js";
import { REPO_ROOT, runAdminCreate } from "./support/processes.js";
import { connectSocket, nextEvent, type ClientSocket } from "./support/sockets.js";

/**
 * A real installation from nothing: an empty production database, its first admin from the
 * `admin:create` script, and then only the API — a centre, its services, counters, people and
 * devices — until a kiosk's ticket is called on the hall display. Then a leaver is disabled and a
 * display revoked, and their live sockets drop within the contract's 5 seconds.
 */
let t: TestApp;
let api: ReturnType<typeof apiClient>;
const sockets: ClientSocket[] = [];
// Monday 23 November 2026, 10:00 in Baku.
const clock = new FakeClock("2026-11-23T06:00:00Z");
const ROOT_PASSWORD = "Granite-swallow-ferry-83";
const NEW_PASSWORDS = { manager: "Copper-lantern-meadow-61", staff: "Velvet-orchard-signal-25" };

async function connect(auth: Record<string, string>): Promise<ClientSocket> {
  const socket = await connectSocket(t.url, auth);
  sockets.push(socket);
  return socket;
}

/** Resolves with the milliseconds until the socket is disconnected; rejects after `ms`. */
function dropped(socket: ClientSocket, ms = 5000): Promise<number> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    if (!socket.connected) return resolve(0);
    const timer = setTimeout(() => reject(new Error(`still connected after ${ms} ms`)), ms);
    socket.once("disconnect", () => {
      clearTimeout(timer);
      resolve(Date.now() - start);
    });
  });
}

async function post<T>(url: string, auth: string, payload?: object) {
  return api.call<T>({ method: "POST", url, auth, ...(payload !== undefined ? { payload } : {}) });
}

/** First sign-in with a temporary password, and the change every other route waits for. */
async function firstSignIn(username: string, temporary: string, chosen: string): Promise<string> {
  const first = await api.login(username, temporary);
  expect(first.user.mustChangePassword).toBe(true);
  const blocked = await api.call<{ error: { reason: string } }>({
    method: "GET",
    url: "/api/v1/auth/me",
    auth: first.auth,
  });
  expect(blocked.status).toBe(403);
  expect(blocked.body.error.reason).toBe("password_change_required");
  const changed = await post<{ user: { mustChangePassword: boolean } }>("/api/v1/auth/password", first.auth, {
    currentPassword: temporary,
    newPassword: chosen,
  });
  expect(changed.status).toBe(200);
  expect(changed.body.user.mustChangePassword).toBe(false);
  return first.auth;
}

// admin:create runs as a process of its own, which cannot share a test's in-memory PGlite; the
// embedded path of the script has its own test below, on a DATA_DIR.
describeOnPostgres("setting up a real installation", () => {
  beforeAll(async () => {
    t = await startTestApp({ template: "empty", listen: true, clock, env: { NODE_ENV: "production" } });
    api = apiClient(t.app);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  let root = "";
  let manager = "";
  let staff = "";
  let staffUser: AdminUser;
  let centre: AdminCentre;
  let services: AdminService[];
  let counters: AdminCounter[];
  let kioskKey = "";
  let displayKey = "";
  let displayId = "";

  it("starts with no centre and no user, and admin:create makes the first admin", async () => {
    const [before] = await t.db.database.db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(before!.n).toBe(0);
    expect(
      (await api.call<{ centres: unknown[] }>({ method: "GET", url: "/api/v1/centres" })).body.centres,
    ).toEqual([]);

    const env = { DATABASE_URL: t.db.url, NODE_ENV: "production" };
    const weak = await runAdminCreate(["--username", "root"], "password1234", env);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/too easy to guess/);

    const made = await runAdminCreate(
      ["--username", "root", "--display-name", "Root Admin"],
      ROOT_PASSWORD,
      env,
    );
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/Created the administrator root/);

    const again = await runAdminCreate(["--username", "root"], ROOT_PASSWORD, env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/A user named root already exists/);

    const session = await api.login("root", ROOT_PASSWORD);
    expect(session.user).toMatchObject({ role: "admin", centreId: null, mustChangePassword: false });
    root = session.auth;
  }, 120_000);

  it("creates a centre, two services, its offer and counters through the API", async () => {
    const res = await post<{ centre: AdminCentre }>("/api/v1/admin/centres", root, {
      code: "GANJA-1",
      name: { az: "Gəncə DOST mərkəzi", ru: "Центр DOST Гянджа", en: "DOST Centre Ganja" },
      timezone: "Asia/Baku",
      // Open every day with a lunch break.
      openingHours: Object.fromEntries(
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [
          d,
          [
            { open: "08:00", close: "13:00" },
            { open: "14:00", close: "19:00" },
          ],
        ]),
      ),
    });
    expect(res.status).toBe(201);
    centre = res.body.centre;
    expect(centre).toMatchObject({ code: "GANJA-1", active: true, lastTicketMinutesBeforeClosing: 30 });

    services = [];
    for (const [code, prefix, en] of [
      ["GNJ-PENSION", "PN", "Pensions"],
      ["GNJ-CERT", "C", "Certificates"],
    ] as const) {
      const s = await post<{ service: AdminService }>("/api/v1/admin/services", root, {
        code,
        prefix,
        name: { az: en, ru: en, en },
        category: "pensions",
        documents: [{ az: "Şəxsiyyət vəsiqəsi", ru: "Удостоверение личности", en: "Identity card" }],
        handlingMinutes: 10,
        targetWaitMinutes: 15,
      });
      expect(s.status).toBe(201);
      services.push(s.body.service);
    }
    const offer = await api.call<{ services: { prefix: string }[] }>({
      method: "PUT",
      url: `/api/v1/admin/centres/${centre.id}/services`,
      auth: root,
      // The centre's own three-letter prefix for pensions; the catalogue's for certificates.
      payload: { services: [{ serviceId: services[0]!.id, prefix: "PEN" }, { serviceId: services[1]!.id }] },
    });
    expect(offer.status).toBe(200);
    expect(offer.body.services.map((s) => s.prefix)).toEqual(["PEN", "C"]);

    counters = [];
    for (const label of ["1", "2"]) {
      const c = await post<{ counter: AdminCounter }>(`/api/v1/admin/centres/GANJA-1/counters`, root, {
        label,
        zone: "main",
      });
      expect(c.status).toBe(201);
      counters.push(c.body.counter);
    }
    const publicServices = await api.services("GANJA-1");
    expect(publicServices.map((s) => [s.prefix, s.documents?.length])).toEqual([
      ["PEN", 1],
      ["C", 1],
    ]);
  });

  it("creates a manager, who creates a staff member, a kiosk and a display; both change their passwords", async () => {
    const m = await post<{ user: AdminUser; temporaryPassword: string }>("/api/v1/admin/users", root, {
      username: "manager.ganja1",
      displayName: "Leyla Quliyeva",
      role: "manager",
      centreId: "GANJA-1",
    });
    expect(m.status).toBe(201);
    expect(m.body.user.mustChangePassword).toBe(true);
    manager = await firstSignIn("manager.ganja1", m.body.temporaryPassword, NEW_PASSWORDS.manager);

    const s = await post<{ user: AdminUser; temporaryPassword: string }>("/api/v1/admin/users", manager, {
      username: "staff.ganja1.1",
      displayName: "Kamran Əliyev",
      role: "staff",
      centreId: null,
    });
    expect(s.status).toBe(201);
    staffUser = s.body.user;
    expect(staffUser.centreId).toBe(centre.id);
    staff = await firstSignIn("staff.ganja1.1", s.body.temporaryPassword, NEW_PASSWORDS.staff);

    const kiosk = await post<{ key: string }>("/api/v1/admin/centres/GANJA-1/devices", manager, {
      kind: "kiosk",
      label: "Entrance kiosk",
    });
    const display = await post<{ key: string; device: { id: string } }>(
      "/api/v1/admin/centres/GANJA-1/devices",
      manager,
      { kind: "display", label: "Hall display" },
    );
    expect([kiosk.status, display.status]).toEqual([201, 201]);
    kioskKey = kiosk.body.key;
    displayKey = display.body.key;
    displayId = display.body.device.id;
  });

  it("issues at the kiosk with the centre's prefix, calls at the counter, and the display hears it", async () => {
    const issued = await api.issue("GANJA-1", { serviceId: services[0]!.id }, `Device ${kioskKey}`);
    expect(issued.status).toBe(201);
    const ticket: Ticket = issued.body.ticket;
    expect(ticket.code).toBe("PEN001");

    const display = await connect({ deviceKey: displayKey });
    const called = nextEvent(display, "ticket:called");
    expect((await api.openCounter(counters[0]!.id, staff)).status).toBe(204);
    const next = await api.callNext(counters[0]!.id, staff);
    expect(next.body.ticket?.id).toBe(ticket.id);
    expect(await called).toMatchObject({ code: "PEN001", counter: { label: "1" } });
  });

  it("disabling the staff member and revoking the display drop their sockets within 5 s", async () => {
    const token = staff.slice("Bearer ".length);
    const staffSocket = await connect({ token });
    const display = await connect({ deviceKey: displayKey });

    const staffGone = dropped(staffSocket);
    const disabled = await api.call<{ user: AdminUser }>({
      method: "PATCH",
      url: `/api/v1/admin/users/${staffUser.id}`,
      auth: manager,
      payload: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.user.disabled).toBe(true);
    expect(await staffGone).toBeLessThan(5000);

    const displayGone = dropped(display);
    expect((await post(`/api/v1/admin/devices/${displayId}/revoke`, manager)).status).toBe(200);
    expect(await displayGone).toBeLessThan(5000);

    // And nothing of theirs works any more.
    expect(
      (await api.call({ method: "GET", url: "/api/v1/devices/me", auth: `Device ${displayKey}` })).status,
    ).toBe(401);
    const login = await api.call<{ error: { reason: string } }>({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "staff.ganja1.1", password: NEW_PASSWORDS.staff },
    });
    expect(login.status).toBe(403);
    expect(login.body.error.reason).toBe("account_disabled");
    await expect(connectSocket(t.url, { deviceKey: displayKey })).rejects.toThrow("UNAUTHENTICATED");
  });

  it("drops sockets whose session or device another process ended, or whose session expired", async () => {
    const db = t.db.database.db;
    const kioskSocket = await connect({ deviceKey: kioskKey });
    const managerSocket = await connect({ token: manager.slice("Bearer ".length) });
    const rootSession = await api.login("root", ROOT_PASSWORD);
    const rootSocket = await connect({ token: rootSession.token });

    // Written straight to the database, as another server process would: only the periodic check sees it.
    const kioskGone = dropped(kioskSocket);
    await db.update(devices).set({ revokedAt: clock.now() }).where(eq(devices.name, "Entrance kiosk"));
    const managerGone = dropped(managerSocket);
    await db.update(users).set({ disabledAt: clock.now() }).where(eq(users.username, "manager.ganja1"));
    expect(await kioskGone).toBeLessThan(5000);
    expect(await managerGone).toBeLessThan(5000);

    // Plain expiry: the clock passes the session's end.
    const [session] = await db
      .select({ expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.tokenHash, sha256(rootSession.token)));
    const rootGone = dropped(rootSocket);
    clock.set(new Date(session!.expiresAt.getTime() + 1000));
    expect(await rootGone).toBeLessThan(5000);
  });
});

// Once, in the PGlite run of the suite: it does not depend on the test database.
describeOnPglite("admin:create on the embedded database", () => {
  it("makes the first admin in a fresh DATA_DIR, and says so when it exists", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "dost-admin-create-"));
    try {
      const env = { DATA_DIR: dataDir, DATABASE_URL: undefined, NODE_ENV: "production" };
      const made = await runAdminCreate(["--username", "ministry.admin"], ROOT_PASSWORD, env);
      expect(made.stderr).toBe("");
      expect(made.code).toBe(0);
      const again = await runAdminCreate(["--username", "ministry.admin"], ROOT_PASSWORD, env);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/already exists/);

      const database = openDatabase({
        databaseUrl: undefined,
        dataDir,
        migrationsFolder: path.join(REPO_ROOT, "migrations"),
        poolSize: 1,
        connectTimeoutMs: 5000,
      });
      try {
        const rows = await database.db
          .select({ username: users.username, role: users.role, must: users.mustChangePassword })
          .from(users);
        expect(rows).toEqual([{ username: "ministry.admin", role: "admin", must: false }]);
      } finally {
        await database.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
