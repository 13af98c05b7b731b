import type { User } from "@dost/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCode } from "../../src/modules/auth/index.js";
import { apiClient, DEMO_PASSWORD } from "../support/api.js";
import { startTestApp, WORKING_MORNING, type TestApp } from "../support/app.js";
import { FakeClock } from "../support/clock.js";

/**
 * Multi-factor sign-in for staff (ASVS 5.0 V6.3.3, V6.5, V6.4): TOTP enrolled by the user with a
 * code, the secret shown once and stored encrypted, a second step at sign-in, no replay, hashed
 * recovery codes, a lock on guessed codes, the policy that holds roles to it, and an admin's reset.
 */
interface Refusal {
  error: { code: string; reason?: string };
}

async function auditKinds(t: TestApp, kind: string): Promise<{ note: string | null }[]> {
  const result = (await t.db.database.db.execute(
    `SELECT note FROM audit_events WHERE kind = '${kind}' ORDER BY id`,
  )) as unknown as { rows: { note: string | null }[] };
  return result.rows;
}

/** Signs a user in and enrols a factor through the API, as the console does. */
async function enrol(t: TestApp, clock: FakeClock, username: string) {
  const api = apiClient(t.app);
  const { auth } = await api.login(username);
  const offer = await api.call<{ secret: string; uri: string }>({
    method: "POST",
    url: "/api/v1/auth/mfa/enrolment",
    auth,
  });
  expect(offer.status).toBe(200);
  const confirmed = await api.call<{ user: User; recoveryCodes: string[] }>({
    method: "POST",
    url: "/api/v1/auth/mfa/confirm",
    auth,
    payload: { code: totpCode(offer.body.secret, clock.now()) },
  });
  expect(confirmed.status).toBe(200);
  return { auth, secret: offer.body.secret, uri: offer.body.uri, ...confirmed.body };
}

describe("multi-factor sign-in", () => {
  let t: TestApp;
  const clock = new FakeClock(WORKING_MORNING);
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      clock,
      env: { LOG_LEVEL: "trace" },
      logger: { level: "trace", stream: { write: (line: string) => void lines.push(line) } },
    });
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  const login = (username: string, code?: string, remoteAddress = "192.0.2.10") =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username, password: DEMO_PASSWORD, ...(code === undefined ? {} : { code }) },
      remoteAddress,
    });

  it("enrols with a code, shows the secret and recovery codes once, and keeps the secret encrypted", async () => {
    const api = apiClient(t.app);
    const { auth } = await api.login("staff.baku1.4");
    const offer = await api.call<{ secret: string; uri: string }>({
      method: "POST",
      url: "/api/v1/auth/mfa/enrolment",
      auth,
    });
    expect(offer.body.uri).toMatch(/^otpauth:\/\/totp\/DOST:staff\.baku1\.4\?/);
    expect(offer.body.uri).toContain(`secret=${offer.body.secret}`);
    const wrong = await api.call<Refusal>({
      method: "POST",
      url: "/api/v1/auth/mfa/confirm",
      auth,
      payload: { code: totpCode(offer.body.secret, new Date(clock.now().getTime() - 600_000)) },
    });
    expect(wrong).toMatchObject({ status: 400, body: { error: { reason: "mfa_invalid" } } });
    const confirmed = await api.call<{ user: User; recoveryCodes: string[] }>({
      method: "POST",
      url: "/api/v1/auth/mfa/confirm",
      auth,
      payload: { code: totpCode(offer.body.secret, clock.now()) },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.user).toMatchObject({ mfaEnabled: true, mustEnrolMfa: false });
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);

    // Never again: not from /auth/me, not by enrolling again, not in clear in the database.
    const me = await api.call<{ user: User }>({ method: "GET", url: "/api/v1/auth/me", auth });
    expect(me.body.user.mfaEnabled).toBe(true);
    expect(JSON.stringify(me.body)).not.toContain(offer.body.secret);
    const again = await api.call<Refusal>({ method: "POST", url: "/api/v1/auth/mfa/enrolment", auth });
    expect(again).toMatchObject({ status: 409, body: { error: { reason: "mfa_already_enrolled" } } });
    const stored = (await t.db.database.db.execute(
      "SELECT mfa_secret, mfa_pending_secret, mfa_recovery_codes::text AS codes FROM users WHERE username = 'staff.baku1.4'",
    )) as unknown as { rows: { mfa_secret: string; mfa_pending_secret: string | null; codes: string }[] };
    const row = stored.rows[0]!;
    expect(row.mfa_secret).toMatch(/^v1:/);
    expect(row.mfa_secret).not.toContain(offer.body.secret);
    expect(row.mfa_pending_secret).toBeNull();
    for (const code of confirmed.body.recoveryCodes) expect(row.codes).not.toContain(code);
    expect(await auditKinds(t, "auth.mfa_enrolled")).toHaveLength(1);
  });

  it("asks for the code as a second step, refuses a wrong one and the same code twice", async () => {
    const { secret } = await enrol(t, clock, "staff.baku1.5");
    const first = await login("staff.baku1.5");
    expect(first.statusCode).toBe(401);
    expect(first.json<Refusal>().error.reason).toBe("mfa_required");
    expect(first.headers["set-cookie"]).toBeUndefined();
    expect(JSON.stringify(first.json())).not.toContain("token");

    const wrong = await login(
      "staff.baku1.5",
      "000000" === totpCode(secret, clock.now()) ? "111111" : "000000",
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<Refusal>().error.reason).toBe("mfa_invalid");
    // The code confirmed at enrolment was this step's: already used.
    const replayedEnrolment = await login("staff.baku1.5", totpCode(secret, clock.now()));
    expect(replayedEnrolment.json<Refusal>().error.reason).toBe("mfa_invalid");

    clock.advance(30_000);
    const code = totpCode(secret, clock.now());
    const signedIn = await login("staff.baku1.5", code);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json<{ user: User }>().user.mfaEnabled).toBe(true);
    // Seen by someone over the shoulder, or sent twice: the same code does not sign in again.
    const replay = await login("staff.baku1.5", code, "192.0.2.99");
    expect(replay.statusCode).toBe(401);
    expect(replay.json<Refusal>().error.reason).toBe("mfa_invalid");
    expect((await auditKinds(t, "auth.sign_in_failed")).map((r) => r.note)).toContain(
      "wrong or used second-factor code",
    );
  });

  it("signs in once with each recovery code, typed loosely", async () => {
    const { recoveryCodes } = await enrol(t, clock, "staff.baku1.6");
    const code = recoveryCodes[0]!;
    const loose = ` ${code.replace("-", "").toLowerCase()} `;
    expect((await login("staff.baku1.6", loose)).statusCode).toBe(200);
    const again = await login("staff.baku1.6", code);
    expect(again.statusCode).toBe(401);
    expect(again.json<Refusal>().error.reason).toBe("mfa_invalid");
    expect((await login("staff.baku1.6", recoveryCodes[1]!)).statusCode).toBe(200);
    expect(await auditKinds(t, "auth.mfa_recovery_code_used")).toHaveLength(2);
  });

  it("locks an account whose codes are guessed, from any address, even for the right code", async () => {
    const { secret } = await enrol(t, clock, "staff.baku1.7");
    clock.advance(30_000);
    const right = totpCode(secret, clock.now());
    const wrong = right === "123456" ? "654321" : "123456";
    for (let i = 0; i < 5; i++) {
      const guess = await login("staff.baku1.7", wrong, `203.0.113.${i + 1}`);
      expect(guess.json<Refusal>().error.reason).toBe("mfa_invalid");
    }
    const locked = await login("staff.baku1.7", right, "203.0.113.50");
    expect(locked.statusCode).toBe(429);
    expect(locked.json<Refusal>().error.reason).toBe("sign_in_locked");
    expect(Number(locked.headers["retry-after"])).toBe(60);
    clock.advance(61_000);
    expect((await login("staff.baku1.7", totpCode(secret, clock.now()))).statusCode).toBe(200);
  });

  it("lets an admin reset a user's factor, ending their sessions, audited; nobody else", async () => {
    const api = apiClient(t.app);
    const { auth: userAuth, user } = await enrol(t, clock, "staff.baku1.8");
    const manager = await api.login("manager.baku1");
    const byManager = await api.call<Refusal>({
      method: "POST",
      url: `/api/v1/admin/users/${user.id}/reset-mfa`,
      auth: manager.auth,
    });
    expect(byManager.status).toBe(403);
    const admin = await api.login("admin");
    const reset = await api.call({
      method: "POST",
      url: `/api/v1/admin/users/${user.id}/reset-mfa`,
      auth: admin.auth,
    });
    expect(reset.status).toBe(204);
    expect((await api.call({ method: "GET", url: "/api/v1/auth/me", auth: userAuth })).status).toBe(401);
    const plain = await login("staff.baku1.8");
    expect(plain.statusCode).toBe(200);
    expect(plain.json<{ user: User }>().user.mfaEnabled).toBe(false);
    expect(await auditKinds(t, "user.mfa_reset")).toHaveLength(1);
  });

  it("writes no secret, code or recovery code to the log", async () => {
    const { secret, recoveryCodes } = await enrol(t, clock, "staff.baku2.1");
    clock.advance(30_000);
    const code = totpCode(secret, clock.now());
    expect((await login("staff.baku2.1", code)).statusCode).toBe(200);
    const log = lines.join("");
    expect(lines.length).toBeGreaterThan(10);
    expect(log).not.toContain(secret);
    expect(log).not.toContain(code);
    for (const c of recoveryCodes) expect(log).not.toContain(c);
  });
});

describe("the policy that holds roles to a second factor", () => {
  let t: TestApp;
  const clock = new FakeClock(WORKING_MORNING);

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { MFA_REQUIRED_ROLES: "admin,manager" } });
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it("lets an admin sign in to enrol and nothing else until a code confirms it", async () => {
    const api = apiClient(t.app);
    const admin = await api.login("admin");
    expect(admin.user).toMatchObject({ mustEnrolMfa: true, mfaEnabled: false });
    const blocked = await api.call<Refusal>({
      method: "GET",
      url: "/api/v1/admin/centres",
      auth: admin.auth,
    });
    expect(blocked).toMatchObject({ status: 403, body: { error: { reason: "mfa_enrolment_required" } } });
    const me = await api.call<{ user: User }>({ method: "GET", url: "/api/v1/auth/me", auth: admin.auth });
    expect(me.body.user.mustEnrolMfa).toBe(true);

    const { auth } = await enrol(t, clock, "admin");
    expect((await api.call({ method: "GET", url: "/api/v1/admin/centres", auth })).status).toBe(200);
    // From now on the admin signs in with a code.
    const next = await api.call<Refusal>({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "admin", password: DEMO_PASSWORD },
    });
    expect(next.body.error.reason).toBe("mfa_required");
  });

  it("leaves roles outside the policy, and devices, as they were", async () => {
    const api = apiClient(t.app);
    const staff = await api.login("staff.baku1.1");
    expect(staff.user.mustEnrolMfa).toBe(false);
    const counters = await api.call({
      method: "GET",
      url: "/api/v1/centres/BAKU-1/counters",
      auth: staff.auth,
    });
    expect(counters.status).toBe(200);
    const [service] = await api.services("BAKU-1");
    const issued = await api.issue("BAKU-1", { serviceId: service!.id });
    expect(issued.status).toBe(201);
    const display = await api.call({ method: "GET", url: "/api/v1/devices/me", auth: api.display("BAKU-1") });
    expect(display.status).toBe(200);
  });

  it("refuses an unknown role in the setting at start", async () => {
    const { loadConfig } = await import("../../src/config.js");
    expect(() => loadConfig({ MFA_REQUIRED_ROLES: "admin,boss" })).toThrow(/MFA_REQUIRED_ROLES/);
    expect(() => loadConfig({ NODE_ENV: "production", MFA_REQUIRED_ROLES: "admin" })).toThrow(
      /MFA_SECRET_KEY/,
    );
  });
});
