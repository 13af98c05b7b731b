import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const boolish = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.url().optional(),
  /** Relative paths are taken from the repository root, wherever the process was started. */
  DATA_DIR: z.string().min(1).default("data"),
  REDIS_URL: z.url().optional(),
  /** The address phones reach the system at, for the QR codes on tickets (the kiosk's own otherwise). */
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Seed the documented demo on an empty database; never honoured in production. */
  SEED_DEMO: boolish.default(true),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Behind a TLS-terminating proxy, so cookies are marked Secure and client IPs are trusted. */
  TRUST_PROXY: boolish.default(false),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(2000),
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** How often housekeeping runs: expiry, no-shows, reminders, sending texts, purging. */
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(15),
  RATE_LIMIT_BOOKING_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Device pairing attempts per minute for the whole server (six-digit codes resist only so many). */
  RATE_LIMIT_PAIR_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  CHECK_IN_BEFORE_MINUTES: z.coerce.number().int().min(0).max(240).default(30),
  CHECK_IN_AFTER_MINUTES: z.coerce.number().int().min(0).max(240).default(15),
  /** Appointments older than this lose their name, phone and FIN. */
  PERSONAL_DATA_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  /** "Your turn is near" goes out when this many or fewer are ahead of a checked-in visitor. */
  TURN_NEAR_POSITION: z.coerce.number().int().min(0).default(3),
  /** The simulated clock: the server's time starts here and runs CLOCK_SPEED times faster. */
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  CLOCK_SPEED: z.coerce.number().min(1).max(1000).optional(),
  /** How long configuration read on every request (centres, device keys) is cached; 0: never. */
  CONFIG_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(5),
  /** Opens GET /metrics to `Authorization: Bearer <token>`; long enough not to be guessed. */
  METRICS_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
});

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  publicUrl: string | undefined;
  logLevel: string;
  seedDemo: boolean;
  sessionTtlHours: number;
  trustProxy: boolean;
  dbPoolSize: number;
  dbConnectTimeoutMs: number;
  rateLimit: {
    publicPerMinute: number;
    loginPerMinute: number;
    bookingPerMinute: number;
    pairPerMinute: number;
  };
  sweepIntervalSeconds: number;
  configCacheMs: number;
  /** The simulated clock, when set (never in production). */
  clock: { start: Date; speed: number } | undefined;
  appointments: {
    checkInBeforeMinutes: number;
    checkInAfterMinutes: number;
    retentionDays: number;
    turnNearPosition: number;
  };
  /** Unset: no /metrics at all (404) and nothing measured. */
  metricsToken: string | undefined;
  /** Folders holding the built apps and the migrations, found from the repository layout. */
  paths: { migrations: string; apps: { kiosk: string; display: string; console: string } };
}

export class ConfigError extends Error {}

/**
 * An empty value means unset, as `.env` and compose files write it (`DATABASE_URL=`), and blanks
 * around a value are a typing slip, not part of it.
 */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const set: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const trimmed = value?.trim();
    if (trimmed) set[name] = trimmed;
  }
  return set;
}

/** The one place that reads the environment; everything else receives this object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production" && (e.CLOCK_START || e.CLOCK_SPEED)) {
    throw new ConfigError(
      "Invalid configuration:\n  CLOCK_START / CLOCK_SPEED: a simulated clock is never allowed in production",
    );
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(repoRoot, e.DATA_DIR),
    redisUrl: e.REDIS_URL,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO && e.NODE_ENV !== "production",
    sessionTtlHours: e.SESSION_TTL_HOURS,
    trustProxy: e.TRUST_PROXY,
    dbPoolSize: e.DB_POOL_SIZE,
    dbConnectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
    rateLimit: {
      publicPerMinute: e.RATE_LIMIT_PUBLIC_PER_MINUTE,
      loginPerMinute: e.RATE_LIMIT_LOGIN_PER_MINUTE,
      bookingPerMinute: e.RATE_LIMIT_BOOKING_PER_MINUTE,
      pairPerMinute: e.RATE_LIMIT_PAIR_PER_MINUTE,
    },
    sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    configCacheMs: e.CONFIG_CACHE_SECONDS * 1000,
    clock:
      e.CLOCK_START || e.CLOCK_SPEED
        ? { start: e.CLOCK_START ? new Date(e.CLOCK_START) : new Date(), speed: e.CLOCK_SPEED ?? 1 }
        : undefined,
    appointments: {
      checkInBeforeMinutes: e.CHECK_IN_BEFORE_MINUTES,
      checkInAfterMinutes: e.CHECK_IN_AFTER_MINUTES,
      retentionDays: e.PERSONAL_DATA_RETENTION_DAYS,
      turnNearPosition: e.TURN_NEAR_POSITION,
    },
    metricsToken: e.METRICS_TOKEN,
    paths: {
      migrations: path.join(repoRoot, "migrations"),
      apps: {
        kiosk: path.join(repoRoot, "kiosk/dist"),
        display: path.join(repoRoot, "display/dist"),
        console: path.join(repoRoot, "staff-console/dist"),
      },
    },
  };
}
