/**
 * The one place that reads the database driver's errors (node-postgres and PGlite both carry
 * PostgreSQL's SQLSTATE in `code`, often as the `cause` of drizzle's own error). Everything else
 * asks these functions.
 */

/** The errors along an error's `cause` chain, outermost first. */
function* chain(error: unknown): Generator<Error> {
  for (let e: unknown = error; e instanceof Error; e = (e as { cause?: unknown }).cause) yield e;
}

/** PostgreSQL's SQLSTATE (five characters) of the first error in the chain that has one. */
export function sqlState(error: unknown): string | null {
  for (const e of chain(error)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/** The unique index or constraint a write violated, or null when it was not a unique violation. */
export function violatedUnique(error: unknown): string | null {
  for (const e of chain(error)) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505") return typeof constraint === "string" ? constraint : "";
  }
  return null;
}

/**
 * What a database refusal means for the request, when only bad input or a race can cause it:
 * a conflict (a unique or foreign key violation, a serialisation failure, a deadlock) or invalid
 * input (a bad value, a check or not-null violation). Null for anything else.
 */
export function refusalKind(error: unknown): "conflict" | "invalid" | null {
  const code = sqlState(error);
  if (!code) return null;
  if (code === "23505" || code === "23503" || code === "40001" || code === "40P01") return "conflict";
  if (code.startsWith("22") || code === "23514" || code === "23502") return "invalid";
  return null;
}

const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "EHOSTUNREACH",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
]);

/** True for errors that mean "the database cannot be reached", which the contract answers with 503. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of chain(error)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (CONNECTION_ERROR_CODES.has(code) || code.startsWith("08"))) {
      return true;
    }
    if (
      /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|PGlite is closed|not queryable|connection ended/i.test(
        e.message,
      )
    ) {
      return true;
    }
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}
