import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpSmsSettings } from "../src/config.js";
import { openDatabase, type Database, type Db } from "../src/db/client.js";
import { queryRows } from "../src/db/rows.js";
import { notifications } from "../src/db/schema.js";
import { createDispatcher, MAX_ATTEMPTS } from "../src/modules/notifications/dispatcher.js";
import { createHttpGateway } from "../src/modules/notifications/http-gateway.js";
import { notificationsRepository } from "../src/modules/notifications/notifications.repository.js";
import { FakeClock } from "./support/clock.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { describeOnPostgres, TEST_DRIVER } from "./support/driver.js";
import { startSmsProvider, type SmsProvider } from "./support/sms-provider.js";

/**
 * The dispatcher on its own, against a real local provider: it holds no connection while the
 * provider answers (on a pool of one, and on the embedded database), two dispatchers never send a
 * message twice, and a dead dispatcher's claims come back after their lease.
 */
const clock = new FakeClock("2026-11-23T06:00:00Z");
let provider: SmsProvider;
const cleanups: (() => Promise<void>)[] = [];

const settings = (overrides: Partial<HttpSmsSettings> = {}): HttpSmsSettings => ({
  url: provider.url,
  format: "json",
  template: '{"to":"{{recipient}}","text":"{{text}}","reference":"{{messageId}}"}',
  auth: null,
  sender: "DOST",
  timeoutMs: 10_000,
  messageIdPath: "messages.0.id",
  ...overrides,
});

async function enqueue(db: Db, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  for (const [i, id] of ids.entries()) {
    await notificationsRepository.enqueue(db, {
      id,
      kind: "turn_near",
      recipient: `+99450${String(1_000_000 + i)}`,
      language: "az",
      body: `DOST: A${String(i).padStart(3, "0")} — növbəniz yaxınlaşır`,
      nextAttemptAt: clock.now(),
      createdAt: clock.now(),
    });
  }
  return ids;
}

const statusOf = async (db: Db, id: string) =>
  (await db.select().from(notifications).where(eq(notifications.id, id)))[0]!;

beforeAll(async () => {
  provider = await startSmsProvider();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await provider.close();
});

/** While the provider stalls, the database must answer other queries: the dispatcher holds nothing. */
async function provesNoConnectionHeld(db: Db): Promise<void> {
  const [id] = await enqueue(db, 1);
  provider.requests.length = 0;
  provider.reply({ stall: true });
  const dispatcher = createDispatcher({ db, clock, gateway: createHttpGateway(settings()) });
  const run = dispatcher.dispatch();
  await provider.waitForRequests(1);
  // The provider has the message and has not answered. A read and a write still go through.
  expect((await queryRows<{ one: number }>(db, sql`SELECT 1 AS one`))[0]?.one).toBe(1);
  await enqueue(db, 1);
  expect(await statusOf(db, id!)).toMatchObject({ status: "sending", attempts: 1 });
  expect(provider.stalledCount).toBe(1);
  provider.releaseStalled();
  expect(await run).toEqual({ sent: 1, failed: 0 });
  expect(await statusOf(db, id!)).toMatchObject({ status: "sent", leaseToken: null });
}

describe("a slow provider holds no database connection", () => {
  // On PostgreSQL a pool of one connection; on PGlite the single connection the embedded database
  // has. A dispatcher holding either across the send would stall the query below until it timed out.
  it(`on ${TEST_DRIVER === "pglite" ? "the embedded database (PGlite)" : "a PostgreSQL pool of one connection"}`, async () => {
    const database = await createTestDatabase("empty", 1);
    cleanups.push(() => database.drop());
    await provesNoConnectionHeld(database.database.db);
  });
});

describe("leases and attempts", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("empty");
    cleanups.push(() => db.drop());
  });

  it("takes back a dead dispatcher's claims once their lease runs out, and ignores its late outcome", async () => {
    const [id] = await enqueue(db.database.db, 1);
    // A dispatcher claims the message and dies before sending.
    const deadToken = randomUUID();
    const claimed = await notificationsRepository.claimDue(db.database.db, {
      now: clock.now(),
      limit: 10,
      leaseToken: deadToken,
      leaseMs: 60_000,
    });
    expect(claimed.map((c) => c.id)).toEqual([id]);
    provider.requests.length = 0;
    const dispatcher = createDispatcher({
      db: db.database.db,
      clock,
      gateway: createHttpGateway(settings()),
    });
    expect(await dispatcher.dispatch()).toEqual({ sent: 0, failed: 0 });
    expect(provider.requests).toHaveLength(0);

    // The lease runs out (on the database's clock, which every process shares).
    await db.database.db
      .update(notifications)
      .set({ leaseExpiresAt: sql`now() - interval '1 second'` })
      .where(eq(notifications.id, id!));
    expect(await dispatcher.dispatch()).toEqual({ sent: 1, failed: 0 });
    expect(await statusOf(db.database.db, id!)).toMatchObject({ status: "sent", attempts: 2 });

    // The dead dispatcher wakes up and reports a failure: it no longer holds the lease.
    await notificationsRepository.markFailed(db.database.db, id!, deadToken, "late", null);
    expect(await statusOf(db.database.db, id!)).toMatchObject({ status: "sent", lastError: null });
  });

  it("stops retrying after MAX_ATTEMPTS claims", async () => {
    const [id] = await enqueue(db.database.db, 1);
    await db.database.db
      .update(notifications)
      .set({ attempts: MAX_ATTEMPTS - 1 })
      .where(eq(notifications.id, id!));
    provider.reply({ status: 502 });
    const dispatcher = createDispatcher({
      db: db.database.db,
      clock,
      gateway: createHttpGateway(settings()),
    });
    expect(await dispatcher.dispatch()).toEqual({ sent: 0, failed: 1 });
    expect(await statusOf(db.database.db, id!)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
  });
});

// Two server processes on one database need PostgreSQL: PGlite is one process's database.
describeOnPostgres("two processes", () => {
  let db: TestDatabase;
  let second: Database;
  beforeAll(async () => {
    db = await createTestDatabase("empty");
    cleanups.push(() => db.drop());
    // A second pool on the same database: another server process.
    second = openDatabase({
      databaseUrl: db.url,
      dataDir: "",
      migrationsFolder: "",
      poolSize: 5,
      connectTimeoutMs: 5000,
    });
    cleanups.push(() => second.close());
  });

  it("two dispatchers running at once send each message exactly once", async () => {
    const ids = await enqueue(db.database.db, 60);
    provider.requests.length = 0;
    // Slow enough answers that both dispatchers are mid-batch at the same time.
    provider.reply(...ids.map(() => ({ status: 200, delayMs: 5 })));
    const one = createDispatcher({ db: db.database.db, clock, gateway: createHttpGateway(settings()) });
    const two = createDispatcher({ db: second.db, clock, gateway: createHttpGateway(settings()) });
    let sent = 0;
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all([one.dispatch(20), two.dispatch(20), one.dispatch(20)]);
      // The third call joins the first one's run in the same process.
      expect(results[2]).toBe(results[0]);
      // Both really worked at once: each took a share of the first round.
      if (round === 0) expect([results[0]!.sent, results[1]!.sent]).toEqual([20, 20]);
      sent += results[0]!.sent + results[1]!.sent;
    }
    expect(sent).toBe(60);
    const references = provider.requests.map((r) => JSON.parse(r.body).reference as string);
    expect(references).toHaveLength(60);
    expect(new Set(references)).toEqual(new Set(ids));
    const [row] = await queryRows<{ n: number }>(
      db.database.db,
      sql`SELECT count(*)::int AS n FROM notifications WHERE status = 'sent' AND attempts = 1`,
    );
    expect(row?.n).toBe(60);
  });
});

describe("HTTP gateway requests", () => {
  it("sends a form body with a bearer token, and reads no provider id when the answer has none", async () => {
    provider.requests.length = 0;
    provider.reply({ status: 202, body: { ok: true } });
    const gateway = createHttpGateway(
      settings({
        format: "form",
        template: "msisdn={{recipientDigits}}&message={{text}}&ref={{messageId}}&from={{sender}}",
        auth: { kind: "bearer", token: "tok-123" },
      }),
    );
    const id = randomUUID();
    const text = 'DOST: "B042" & Ələkbər — ваша очередь';
    expect(
      await gateway.send({
        id,
        kind: "turn_near",
        channel: "sms",
        recipient: "+994 50 123 45 67",
        body: text,
      }),
    ).toEqual({ providerMessageId: null });
    const [request] = provider.requests;
    expect(request!.headers.authorization).toBe("Bearer tok-123");
    expect(request!.headers["content-type"]).toContain("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(request!.body))).toEqual({
      msisdn: "994501234567",
      message: text,
      ref: id,
      from: "DOST",
    });
  });
});
