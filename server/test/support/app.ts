import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config.js";
import { scaledClock, type Clock } from "../../src/lib/clock.js";
import type { NotificationGateway } from "../../src/modules/notifications/gateway.js";
import { createTestDatabase, type TemplateKind, type TestDatabase } from "./database.js";

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  config: Config;
  /** The server's clock: the test's own, or a working morning running in real time. */
  clock: Clock;
  /** Base URL when listening, such as http://127.0.0.1:40123. */
  url: string;
  close(): Promise<void>;
}

/**
 * Where a test's server clock starts unless the test brings its own: a working Tuesday morning in
 * Baku (10:00, UTC+4), running in real time from there, so that a test issuing at the kiosk passes
 * whatever hour and weekday the machine runs it at. Tests of hours and days move a FakeClock.
 */
export const WORKING_MORNING = new Date("2026-11-24T06:00:00Z");

/**
 * The real server on a fresh database (PostgreSQL, or PGlite in the embedded run of the matrix); `listen` opens an ephemeral port for socket.io
 * clients and browsers, otherwise tests use `app.inject()`.
 */
export async function startTestApp(
  options: {
    clock?: Clock;
    listen?: boolean;
    template?: TemplateKind;
    env?: Record<string, string>;
    gateway?: NotificationGateway;
    /** Fastify logger options (a stream to capture the log); silent by default. */
    logger?: object;
  } = {},
): Promise<TestApp> {
  const db = await createTestDatabase(options.template ?? "seeded");
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: db.url, // empty on PGlite: no DATABASE_URL, as `npm start` runs
    LOG_LEVEL: "silent",
    RATE_LIMIT_PUBLIC_PER_MINUTE: "100000",
    RATE_LIMIT_LOGIN_PER_MINUTE: "100000",
    RATE_LIMIT_BOOKING_PER_MINUTE: "100000",
    // Every look-up reads the database, as after an idle pause: a read that would wait on an open
    // transaction fails a test here instead of hanging a centre.
    CONFIG_CACHE_SECONDS: "0",
    RATE_LIMIT_PAIR_PER_MINUTE: "100000",
    RATE_LIMIT_DEVICE_PER_MINUTE: "100000",
    LOGIN_LOCKOUT_AFTER_FAILURES: "100000",
    ...options.env,
  });
  const clock = options.clock ?? scaledClock(WORKING_MORNING);
  const app = await buildApp(config, {
    database: db.database,
    clock,
    ...(options.gateway ? { gateway: options.gateway } : {}),
    runJobs: false,
    logger: options.logger ?? false,
  });
  let url = "";
  if (options.listen) {
    await app.listen({ port: 0, host: "127.0.0.1" });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  } else {
    await app.ready();
  }
  return {
    app,
    db,
    config,
    clock,
    url,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
