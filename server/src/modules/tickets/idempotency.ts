import { createHash } from "node:crypto";

/** JSON with object keys sorted, so that the same body in another key order has one fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The fingerprint an Idempotency-Key is bound to (IETF draft "The Idempotency-Key HTTP Header
 * Field"): the centre and the body as the schema parsed it, so defaults filled in and key order do
 * not make two equal requests differ.
 */
export function requestFingerprint(centreId: string, body: unknown): string {
  return createHash("sha256").update(canonical({ centreId, body })).digest("hex");
}
