import type { AdminUser } from "@dost/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";
import { connectSocket } from "./support/sockets.js";

/**
 * Accounts done properly: temporary passwords that must be changed, a password policy that refuses
 * short and guessable ones, disabled accounts, resets, and devices paired with one-time codes.
 */
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let admin = "";
const clock = new FakeClock("2026-11-23T06:00:00Z");
const GOOD = "Saffron-kettle-harbour-58";
let serial = 0;

type ErrorBody = { error: { code: string; reason?: string; params?: Record<string, unknown> } };

async function newStaff(): Promise<{ user: AdminUser; temporaryPassword: string }> {
  const res = await api.call<{ user: AdminUser; temporaryPassword: string }>({
    method: "POST",
    url: "/api/v1/admin/users",
    auth: admin,
    payload: {
      username: `account.${++serial}`,
      displayName: "Nigar Rzayeva",
      role: "staff",
      centreId: "BAKU-1",
    },
  });
  expect(res.status).toBe(201);
  return res.body;
}

const changePassword = (auth: string, currentPassword: string, newPassword: string) =>
  api.call<ErrorBody & { user: { mustChangePassword: boolean } }>({
    method: "POST",
    url: "/api/v1/auth/password",
    auth,
    payload: { currentPassword, newPassword },
  });

const login = (username: string, password: string) =>
  api.call<ErrorBody & { token: string; user: { mustChangePassword: boolean } }>({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username, password },
  });

beforeAll(async () => {
  t = await startTestApp({
    clock,
    listen: true,
    env: { PUBLIC_URL: "https://queue.dost.example/" },
  });
  api = apiClient(t.app);
  admin = (await api.login("admin")).auth;
});
afterAll(() => t.close());

describe("temporary passwords", () => {
  it("are random, shown once, and must be changed before anything else", async () => {
    const a = await newStaff();
    const b = await newStaff();
    expect(a.temporaryPassword).not.toBe(b.temporaryPassword);
    expect(a.temporaryPassword.length).toBeGreaterThanOrEqual(12);
    expect(a.user.mustChangePassword).toBe(true);
    expect(JSON.stringify(a.user)).not.toContain(a.temporaryPassword);

    const first = await login(a.user.username, a.temporaryPassword);
    expect(first.status).toBe(200);
    expect(first.body.user.mustChangePassword).toBe(true);
    const auth = `Bearer ${first.body.token}`;
    for (const url of [
      "/api/v1/auth/me",
      "/api/v1/centres/BAKU-1/counters",
      "/api/v1/centres/BAKU-1/tickets",
    ]) {
      const res = await api.call<ErrorBody>({ method: "GET", url, auth });
      expect(res.status, url).toBe(403);
      expect(res.body.error.reason, url).toBe("password_change_required");
    }
    await expect(connectSocket(t.url, { token: first.body.token })).rejects.toThrow("FORBIDDEN");

    const changed = await changePassword(auth, a.temporaryPassword, GOOD);
    expect(changed.status).toBe(200);
    expect(changed.body.user.mustChangePassword).toBe(false);
    expect((await api.call({ method: "GET", url: "/api/v1/auth/me", auth })).status).toBe(200);
    expect((await login(a.user.username, a.temporaryPassword)).status).toBe(401);
    expect((await login(a.user.username, GOOD)).status).toBe(200);
    const socket = await connectSocket(t.url, { token: first.body.token });
    socket.close();
  });

  it("a reset gives a new one, ends the user's sessions and asks for a change again", async () => {
    const { user, temporaryPassword } = await newStaff();
    const first = await login(user.username, temporaryPassword);
    const auth = `Bearer ${first.body.token}`;
    expect((await changePassword(auth, temporaryPassword, GOOD)).status).toBe(200);

    const reset = await api.call<{ temporaryPassword: string }>({
      method: "POST",
      url: `/api/v1/admin/users/${user.id}/reset-password`,
      auth: admin,
    });
    expect(reset.status).toBe(200);
    expect((await api.call({ method: "GET", url: "/api/v1/auth/me", auth })).status).toBe(401);
    expect((await login(user.username, GOOD)).status).toBe(401);
    const again = await login(user.username, reset.body.temporaryPassword);
    expect(again.body.user.mustChangePassword).toBe(true);
  });
});

describe("the password policy", () => {
  it("refuses short, common, patterned, name-based and unchanged passwords, and a wrong current one", async () => {
    const { user, temporaryPassword } = await newStaff();
    const auth = `Bearer ${(await login(user.username, temporaryPassword)).body.token}`;
    const refusals: [string, string, number, string][] = [
      [temporaryPassword, "Short-1a", 400, "password_too_short"],
      [temporaryPassword, "password1234", 400, "password_too_common"],
      [temporaryPassword, "qwertyuiop123", 400, "password_too_common"],
      [temporaryPassword, "iloveyou12345", 400, "password_too_common"],
      [temporaryPassword, `${user.username}2024`, 400, "password_too_common"],
      [temporaryPassword, "aaaaaaaaaaaaaaaa", 400, "password_too_common"],
      [temporaryPassword, temporaryPassword, 400, "password_reused"],
      ["not-my-password", GOOD, 400, "current_password_wrong"],
    ];
    for (const [current, next, status, reason] of refusals) {
      const res = await changePassword(auth, current, next);
      expect(res.status, next).toBe(status);
      expect(res.body.error.reason, next).toBe(reason);
    }
    const short = await changePassword(auth, temporaryPassword, "Short-1a");
    expect(short.body.error.params).toEqual({ minLength: 12 });
    // Still the temporary password: nothing was changed by the refusals.
    expect((await login(user.username, temporaryPassword)).status).toBe(200);
    expect((await changePassword(auth, temporaryPassword, GOOD)).status).toBe(200);
  });
});

describe("disabled accounts", () => {
  it("say so only to someone who knows the password", async () => {
    const { user, temporaryPassword } = await newStaff();
    const disabled = await api.call({
      method: "PATCH",
      url: `/api/v1/admin/users/${user.id}`,
      auth: admin,
      payload: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    const wrong = await login(user.username, "a-wrong-password");
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.reason).toBeUndefined();
    const right = await login(user.username, temporaryPassword);
    expect(right.status).toBe(403);
    expect(right.body.error.reason).toBe("account_disabled");

    await api.call({
      method: "PATCH",
      url: `/api/v1/admin/users/${user.id}`,
      auth: admin,
      payload: { disabled: false },
    });
    expect((await login(user.username, temporaryPassword)).status).toBe(200);
  });
});

describe("device pairing", () => {
  async function newKiosk(): Promise<{ id: string; key: string }> {
    const res = await api.call<{ device: { id: string }; key: string }>({
      method: "POST",
      url: "/api/v1/admin/centres/BAKU-1/devices",
      auth: admin,
      payload: { kind: "kiosk", label: `Kiosk ${++serial}` },
    });
    return { id: res.body.device.id, key: res.body.key };
  }
  const pairingCode = (deviceId: string) =>
    api.call<{ code: string; expiresAt: string; pairingUrl: string }>({
      method: "POST",
      url: `/api/v1/admin/devices/${deviceId}/pairing-code`,
      auth: admin,
    });
  const pair = (code: string) =>
    api.call<ErrorBody & { key: string; device: { id: string; kind: string } }>({
      method: "POST",
      url: "/api/v1/devices/pair",
      payload: { code },
    });
  const me = (key: string) => api.call({ method: "GET", url: "/api/v1/devices/me", auth: `Device ${key}` });

  it("exchanges a one-time code for a new key; the old key and the code stop working", async () => {
    const kiosk = await newKiosk();
    const issued = await pairingCode(kiosk.id);
    expect(issued.status).toBe(200);
    expect(issued.body.code).toMatch(/^\d{6}$/);
    expect(issued.body.pairingUrl).toBe(`https://queue.dost.example/kiosk/?pair=${issued.body.code}`);
    expect(new Date(issued.body.expiresAt).getTime() - clock.now().getTime()).toBe(10 * 60_000);

    const paired = await pair(issued.body.code);
    expect(paired.status).toBe(200);
    expect(paired.body.device).toMatchObject({ id: kiosk.id, kind: "kiosk" });
    expect(paired.body.key).not.toBe(kiosk.key);
    expect((await me(paired.body.key)).status).toBe(200);
    expect((await me(kiosk.key)).status).toBe(401);

    const reused = await pair(issued.body.code);
    expect(reused.status).toBe(401);
    expect(reused.body.error.reason).toBe("pairing_code_invalid");
  });

  it("refuses an expired code, a replaced code and a revoked device's code", async () => {
    const kiosk = await newKiosk();
    const old = (await pairingCode(kiosk.id)).body.code;
    const replacement = (await pairingCode(kiosk.id)).body.code;
    expect((await pair(old)).status).toBe(401);

    clock.advance(10 * 60_000 + 1000);
    expect((await pair(replacement)).status).toBe(401);
    expect((await me(kiosk.key)).status).toBe(200);

    const fresh = (await pairingCode(kiosk.id)).body.code;
    await api.call({ method: "POST", url: `/api/v1/admin/devices/${kiosk.id}/revoke`, auth: admin });
    expect((await pair(fresh)).status).toBe(401);
    const again = await pairingCode(kiosk.id);
    expect(again.status).toBe(409);
    expect((again.body as unknown as ErrorBody).error.reason).toBe("device_revoked");
  });

  it("is rate-limited for the whole server", async () => {
    const limited = await startTestApp({ env: { RATE_LIMIT_PAIR_PER_MINUTE: "3" } });
    try {
      const attempt = () =>
        limited.app.inject({
          method: "POST",
          url: "/api/v1/devices/pair",
          payload: { code: "000000" },
          remoteAddress: `10.0.0.${++serial % 250}`,
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const blocked = await attempt();
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
    } finally {
      await limited.close();
    }
  });
});
