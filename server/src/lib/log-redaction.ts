/**
 * The one log redaction layer. Every logger the app builds goes through `withLogRedaction`, which
 * adds three things: the request serializer masks secrets in addresses, pino's `redact` censors
 * fields that hold personal data or credentials wherever a log call puts them, and the error
 * serializer drops what database errors carry of the request's values (bound parameters, `detail`,
 * `where`). No citizen's name, phone or FIN, no appointment code, device key, token or password
 * may reach a log.
 */

/**
 * An appointment code is a secret (with the phone's last digits it cancels a booking) and travels
 * in paths (`/api/v1/appointments/<code>`) and in the booking page's query
 * (`/kiosk/book/manage?code=`); a device key travels in the pairing address (`/kiosk/?key=`).
 */
// `pair` is the one-time code of a device's pairing link (`/kiosk/?pair=123456`): a live one is a key.
const SECRET_QUERY_PARAMS = new Set([
  "code",
  "key",
  "pair",
  "token",
  "phone",
  "pin",
  "fin",
  "password",
  "pairing",
]);

export function maskUrlForLog(url: string): string {
  const [path = "", query] = url.split(/\?(.*)/s, 2);
  const maskedPath = path.replace(/(\/appointments\/)[^/]+/gi, "$1***");
  if (query === undefined) return maskedPath;
  const maskedQuery = query
    .split("&")
    .map((pair) => {
      const name = decodeURIComponentSafe(pair.split("=", 1)[0] ?? "").toLowerCase();
      return SECRET_QUERY_PARAMS.has(name) ? `${pair.split("=", 1)[0]}=***` : pair;
    })
    .join("&");
  return `${maskedPath}?${maskedQuery}`;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Fastify's own request serializer, with the address masked and no headers (they hold credentials). */
export const requestLogSerializer = (req: {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) => ({
  method: req.method,
  url: maskUrlForLog(req.url),
  host: req.host,
  remoteAddress: req.ip,
  remotePort: req.socket?.remotePort,
});

/**
 * Fields censored by pino wherever they sit (top level or one object down), for log calls that
 * pass a body, a citizen or a row: what the request serializer and error serializer cannot see.
 */
const SECRET_FIELDS = [
  "authorization",
  "cookie",
  "set-cookie",
  "password",
  "token",
  "deviceKey",
  "key",
  "pairingCode",
  "citizen",
  "citizenName",
  "citizenPhone",
  "citizenPin",
  "phone",
  "pin",
  "fin",
  "recipient",
  "appointmentCode",
];
export const LOG_REDACT_PATHS = SECRET_FIELDS.flatMap((field) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
  const nested = key.startsWith("[") ? `*${key}` : `*.${key}`;
  return [key, nested, `req.headers${key.startsWith("[") ? key : `.${key}`}`];
});

/** Properties of driver errors that are safe: they name the failure, never the values. */
const SAFE_ERROR_FIELDS = [
  "code",
  "severity",
  "constraint",
  "table",
  "column",
  "schema",
  "dataType",
  "routine",
  "statusCode",
  "reason",
  "permanent",
] as const;

/** Digit runs as long as a phone number (spaces, dashes, brackets allowed between digits). */
const PHONE_LIKE = /\+?\d(?:[\s().-]*\d){6,}/g;

/**
 * A message with what a database puts of the request's values removed: drizzle appends the bound
 * parameters (`params: …`), and PostgreSQL quotes the refused value (`invalid input syntax for
 * type uuid: "…"`).
 */
function scrubMessage(message: string, fromDatabase: boolean): string {
  let safe = message.replace(/\n?params: [\s\S]*$/, "");
  if (fromDatabase) safe = safe.replace(/: "(?:[^"\\]|\\.)*"/g, ': "***"');
  return safe.replace(PHONE_LIKE, "***");
}

interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  query?: string;
  cause?: SerializedError;
  errors?: SerializedError[];
  [field: string]: unknown;
}

/**
 * The `err` serializer: type, a scrubbed message and stack, the failure's SQLSTATE and names, the
 * SQL text (its values are bound as `$1…`, never in it), and the causes, scrubbed alike. Bound
 * parameters, `detail` ("Key (phone)=(…)", "Failing row contains (…)"), `where` and anything else
 * the driver attached are left out.
 */
export function errorLogSerializer(error: unknown, depth = 0): SerializedError | unknown {
  if (!(error instanceof Error)) return error;
  const fields = error as unknown as Record<string, unknown>;
  const fromDatabase =
    typeof fields.code === "string" ||
    "query" in fields ||
    "params" in fields ||
    /Failed query/.test(error.message);
  const type = error.constructor?.name ?? "Error";
  const message = scrubMessage(error.message, fromDatabase);
  const out: SerializedError = { type, message };
  if (error.stack) {
    const frames = error.stack.split("\n").filter((line) => /^\s+at /.test(line));
    out.stack = [`${type}: ${message}`, ...frames].join("\n");
  }
  for (const field of SAFE_ERROR_FIELDS) {
    const value = fields[field];
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      out[field] = value;
    }
  }
  if (typeof fields.query === "string") out.query = fields.query;
  if (depth < 5 && error.cause !== undefined) {
    out.cause = errorLogSerializer(error.cause, depth + 1) as SerializedError;
  }
  if (depth < 5 && error instanceof AggregateError) {
    out.errors = error.errors.map((e) => errorLogSerializer(e, depth + 1) as SerializedError);
  }
  return out;
}

/** The app's logger options with the redaction layer added; `false` stays silent. */
export function withLogRedaction(logger: boolean | object): boolean | object {
  if (logger === false) return false;
  const options: { serializers?: object; redact?: unknown } = logger === true ? {} : logger;
  return {
    ...options,
    redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" },
    serializers: {
      ...options.serializers,
      req: requestLogSerializer,
      err: errorLogSerializer,
      error: errorLogSerializer,
    },
  };
}
