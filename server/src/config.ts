import { isIP } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ROLES, type Role } from "@dost/shared";
import { z } from "zod";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const boolish = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** The placeholders an SMS body template may use; each is filled per message. */
export const SMS_PLACEHOLDERS = ["recipient", "recipientDigits", "text", "messageId", "sender"] as const;
const DEFAULT_SMS_TEMPLATES = {
  json: '{"to":"{{recipient}}","text":"{{text}}","reference":"{{messageId}}","from":"{{sender}}"}',
  form: "to={{recipient}}&text={{text}}&reference={{messageId}}&from={{sender}}",
} as const;

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
  /**
   * The proxies whose X-Forwarded-For is believed: addresses or CIDRs, comma-separated, or a hop
   * count. Set, the server is behind a TLS-terminating proxy and marks cookies Secure.
   */
  TRUST_PROXY: z.string().optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(2000),
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Wrong passwords for one username, from any address, before it is locked for a while. */
  LOGIN_LOCKOUT_AFTER_FAILURES: z.coerce.number().int().min(1).default(10),
  /** Tickets issued and check-ins tried per minute by one kiosk key (not per address). */
  RATE_LIMIT_DEVICE_PER_MINUTE: z.coerce.number().int().min(1).default(60),
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
  /** … and for a walk-in who left a phone, also when the expected wait is this many minutes or less. */
  TURN_NEAR_MINUTES: z.coerce.number().min(0).max(240).default(10),
  /** The simulated clock: the server's time starts here and runs CLOCK_SPEED times faster. */
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  CLOCK_SPEED: z.coerce.number().min(1).max(1000).optional(),
  /** Which wait estimate tickets carry: the forward simulation, or the former throughput rule (to compare). */
  WAIT_ESTIMATOR: z.enum(["simulation", "throughput"]).default("simulation"),
  /** How long configuration read on every request (centres, device keys) is cached; 0: never. */
  CONFIG_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(5),
  /** An HTTP SMS provider; without it, texts are only noted in the log (masked, without the text). */
  SMS_HTTP_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMS_HTTP_FORMAT: z.enum(["json", "form"]).optional(),
  SMS_HTTP_TEMPLATE: z.string().optional(),
  SMS_HTTP_USERNAME: z.string().optional(),
  SMS_HTTP_PASSWORD: z.string().optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  SMS_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).optional(),
  SMS_HTTP_MESSAGE_ID_PATH: z
    .string()
    .regex(/^[\w-]+(\.[\w-]+)*$/, "a dotted path such as messages.0.id")
    .optional(),
  SMS_SENDER: z.string().max(20).optional(),
  /** The provider's delivery reports are accepted only with this secret in SMS_CALLBACK_HEADER. */
  SMS_CALLBACK_SECRET: z.string().min(16, "at least 16 characters").optional(),
  SMS_CALLBACK_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, "a header name")
    .optional(),
  /**
   * The roles that must sign in with a second factor (TOTP), comma-separated (`admin,manager`);
   * unset or `none`: nobody (an opt-in policy, so that no upgrade locks admins out; production should
   * set `admin,manager` with MFA_SECRET_KEY, see the README).
   */
  MFA_REQUIRED_ROLES: z.string().optional(),
  /**
   * Encrypts the stored TOTP secrets (AES-256-GCM, key derived by SHA-256); at least 32 characters.
   * Required in production for anyone to enrol; elsewhere a fixed development key is used.
   */
  MFA_SECRET_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  /** Wrong second-factor codes for one account before it is locked (doubling, at most 15 min). */
  MFA_LOCKOUT_AFTER_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Opens GET /metrics to `Authorization: Bearer <token>`; long enough not to be guessed. */
  METRICS_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
});

/** How to reach an HTTP SMS provider (see the README's settings table). */
export interface HttpSmsSettings {
  url: string;
  format: "json" | "form";
  /** The request body with `{{placeholder}}`s; checked at start (JSON that parses, or a form). */
  template: string;
  auth: { kind: "basic"; username: string; password: string } | { kind: "bearer"; token: string } | null;
  sender: string;
  timeoutMs: number;
  /** Where the provider's id for the message is in its JSON answer, as `a.0.b`; null: not read. */
  messageIdPath: string | null;
}

function smsSettings(e: z.infer<typeof envSchema>): { settings: HttpSmsSettings | null; problems: string[] } {
  const problems: string[] = [];
  if (!e.SMS_HTTP_URL) return { settings: null, problems };
  const format = e.SMS_HTTP_FORMAT ?? "json";
  const template = e.SMS_HTTP_TEMPLATE ?? DEFAULT_SMS_TEMPLATES[format];
  if (format === "json") {
    try {
      JSON.parse(template);
    } catch {
      problems.push("SMS_HTTP_TEMPLATE: not valid JSON (SMS_HTTP_FORMAT is json)");
    }
  }
  for (const [, name] of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    if (!(SMS_PLACEHOLDERS as readonly string[]).includes(name!))
      problems.push(
        `SMS_HTTP_TEMPLATE: unknown placeholder {{${name}}} (known: ${SMS_PLACEHOLDERS.join(", ")})`,
      );
  }
  if (!/\{\{\s*text\s*\}\}/.test(template) || !/\{\{\s*recipient(Digits)?\s*\}\}/.test(template))
    problems.push("SMS_HTTP_TEMPLATE: must place {{text}} and {{recipient}} (or {{recipientDigits}})");
  if (Boolean(e.SMS_HTTP_USERNAME) !== Boolean(e.SMS_HTTP_PASSWORD))
    problems.push("SMS_HTTP_USERNAME / SMS_HTTP_PASSWORD: set both for basic authentication, or neither");
  if (e.SMS_HTTP_TOKEN && e.SMS_HTTP_USERNAME)
    problems.push("SMS_HTTP_TOKEN: set a bearer token or a username and password, not both");
  const auth: HttpSmsSettings["auth"] = e.SMS_HTTP_TOKEN
    ? { kind: "bearer", token: e.SMS_HTTP_TOKEN }
    : e.SMS_HTTP_USERNAME && e.SMS_HTTP_PASSWORD
      ? { kind: "basic", username: e.SMS_HTTP_USERNAME, password: e.SMS_HTTP_PASSWORD }
      : null;
  return {
    problems,
    settings: {
      url: e.SMS_HTTP_URL,
      format,
      template,
      auth,
      sender: e.SMS_SENDER ?? "DOST",
      timeoutMs: e.SMS_HTTP_TIMEOUT_MS ?? 10_000,
      messageIdPath: e.SMS_HTTP_MESSAGE_ID_PATH ?? null,
    },
  };
}

/**
 * TRUST_PROXY: a hop count ("1": the address the nearest proxy saw; anything a client wrote further
 * left is ignored) or the proxies' addresses and CIDRs. `true` would believe any X-Forwarded-For,
 * so a new made-up address per request would escape every rate limit: refused, with the fix.
 */
function trustedProxies(value: string | undefined): { trust: false | string[] | number; problems: string[] } {
  if (!value || value === "false" || value === "0") return { trust: false, problems: [] };
  if (value.toLowerCase() === "true") return { trust: false, problems: [TRUST_PROXY_TRUE] };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 10
      ? { trust: hops, problems: [] }
      : { trust: false, problems: ["TRUST_PROXY: a hop count is at most 10"] };
  }
  const entries = value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = entries.filter((v) => !isAddressOrCidr(v));
  if (bad.length > 0)
    return {
      trust: false,
      problems: [`TRUST_PROXY: not an address, CIDR or hop count: ${bad.join(", ")}`],
    };
  return { trust: entries, problems: [] };
}

const TRUST_PROXY_TRUE =
  "TRUST_PROXY: `true` would believe any X-Forwarded-For, so clients could pick their own address " +
  "and skip every rate limit; name the proxy's address or CIDR (TRUST_PROXY=172.28.10.10) or the " +
  "number of proxies in front (TRUST_PROXY=1)";

function isAddressOrCidr(value: string): boolean {
  const [address, bits, extra] = value.split("/");
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** Outside production only: secrets enrolled in development and tests need no configuration. */
const DEVELOPMENT_MFA_KEY = "dost-development-only-mfa-key-not-for-production";

function mfaPolicy(e: z.infer<typeof envSchema>): { roles: Role[]; problems: string[] } {
  const value = e.MFA_REQUIRED_ROLES ?? "none";
  if (value.toLowerCase() === "none") return { roles: [], problems: [] };
  const names = value
    .split(",")
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !(ROLES as readonly string[]).includes(n));
  const problems = unknown.length
    ? [`MFA_REQUIRED_ROLES: unknown roles ${unknown.join(", ")} (known: ${ROLES.join(", ")}, or none)`]
    : [];
  if (!unknown.length && names.length && e.NODE_ENV === "production" && !e.MFA_SECRET_KEY)
    problems.push("MFA_SECRET_KEY: required when MFA_REQUIRED_ROLES asks roles for a second factor");
  return { roles: names.filter((n): n is Role => (ROLES as readonly string[]).includes(n)), problems };
}

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
  /** Fastify's `trustProxy`: addresses and CIDRs, or a hop count; false trusts nobody. */
  trustProxy: false | string[] | number;
  dbPoolSize: number;
  dbConnectTimeoutMs: number;
  rateLimit: {
    publicPerMinute: number;
    loginPerMinute: number;
    bookingPerMinute: number;
    pairPerMinute: number;
    devicePerMinute: number;
    lockoutAfterFailures: number;
  };
  sweepIntervalSeconds: number;
  configCacheMs: number;
  /** The simulated clock, when set (never in production). */
  clock: { start: Date; speed: number } | undefined;
  waitEstimator: "simulation" | "throughput";
  appointments: {
    checkInBeforeMinutes: number;
    checkInAfterMinutes: number;
    retentionDays: number;
    turnNearPosition: number;
  };
  /** Texts to walk-in visitors who left a phone at the kiosk. */
  ticketTexts: { nearPosition: number; nearMinutes: number };
  sms: {
    /** Null: the log gateway (nothing is sent). */
    http: HttpSmsSettings | null;
    /** Null: delivery reports are refused (401). */
    callback: { header: string; secret: string } | null;
  };
  mfa: {
    /** Roles that must enrol a second factor before anything else. */
    requiredRoles: Role[];
    /** Null: nobody may enrol (production without MFA_SECRET_KEY). */
    secretKey: string | null;
    lockoutAfterFailures: number;
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
  const sms = smsSettings(e);
  const proxy = trustedProxies(e.TRUST_PROXY);
  const mfa = mfaPolicy(e);
  const problems = [...sms.problems, ...proxy.problems, ...mfa.problems];
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
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
    trustProxy: proxy.trust,
    dbPoolSize: e.DB_POOL_SIZE,
    dbConnectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
    rateLimit: {
      publicPerMinute: e.RATE_LIMIT_PUBLIC_PER_MINUTE,
      loginPerMinute: e.RATE_LIMIT_LOGIN_PER_MINUTE,
      bookingPerMinute: e.RATE_LIMIT_BOOKING_PER_MINUTE,
      pairPerMinute: e.RATE_LIMIT_PAIR_PER_MINUTE,
      devicePerMinute: e.RATE_LIMIT_DEVICE_PER_MINUTE,
      lockoutAfterFailures: e.LOGIN_LOCKOUT_AFTER_FAILURES,
    },
    sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    configCacheMs: e.CONFIG_CACHE_SECONDS * 1000,
    clock:
      e.CLOCK_START || e.CLOCK_SPEED
        ? { start: e.CLOCK_START ? new Date(e.CLOCK_START) : new Date(), speed: e.CLOCK_SPEED ?? 1 }
        : undefined,
    waitEstimator: e.WAIT_ESTIMATOR,
    appointments: {
      checkInBeforeMinutes: e.CHECK_IN_BEFORE_MINUTES,
      checkInAfterMinutes: e.CHECK_IN_AFTER_MINUTES,
      retentionDays: e.PERSONAL_DATA_RETENTION_DAYS,
      turnNearPosition: e.TURN_NEAR_POSITION,
    },
    ticketTexts: { nearPosition: e.TURN_NEAR_POSITION, nearMinutes: e.TURN_NEAR_MINUTES },
    sms: {
      http: sms.settings,
      callback: e.SMS_CALLBACK_SECRET
        ? {
            header: (e.SMS_CALLBACK_HEADER ?? "x-callback-secret").toLowerCase(),
            secret: e.SMS_CALLBACK_SECRET,
          }
        : null,
    },
    mfa: {
      requiredRoles: mfa.roles,
      secretKey: e.MFA_SECRET_KEY ?? (e.NODE_ENV === "production" ? null : DEVELOPMENT_MFA_KEY),
      lockoutAfterFailures: e.MFA_LOCKOUT_AFTER_FAILURES,
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
