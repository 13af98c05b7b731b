import type { HttpSmsSettings } from "../../config.js";
import { GatewayError, type NotificationGateway, type OutgoingMessage } from "./gateway.js";

type Values = Record<string, string>;

/** Fills `{{name}}` placeholders; unknown names were refused when the configuration was read. */
const fill = (template: string, values: Values): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? "");

/**
 * Fills a JSON template value by value after parsing it, so a text with quotes, newlines or
 * Cyrillic can never break the document (no string is ever spliced into JSON text).
 */
function fillJson(node: unknown, values: Values): unknown {
  if (typeof node === "string") return fill(node, values);
  if (Array.isArray(node)) return node.map((n) => fillJson(n, values));
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fillJson(v, values)]));
  }
  return node;
}

function fillForm(template: string, values: Values): string {
  const out = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(template)) out.append(key, fill(value, values));
  return out.toString();
}

/** Reads `a.0.b` from a parsed JSON answer; null when the path is absent or not a string/number. */
function readPath(answer: unknown, path: string): string | null {
  let node = answer;
  for (const step of path.split(".")) {
    if (node === null || typeof node !== "object") return null;
    node = (node as Record<string, unknown>)[step];
  }
  return typeof node === "string" || typeof node === "number" ? String(node) : null;
}

/**
 * Statuses worth another try later: the provider was busy, overloaded or down. Any other 4xx means
 * the request itself is wrong (bad number, bad credentials, bad template) and repeating it cannot
 * help, so the message fails at once.
 */
const isTransient = (status: number) => status >= 500 || status === 408 || status === 425 || status === 429;

/**
 * Sends texts to an HTTP SMS provider: one POST per message, the body built from the configured
 * template, our outbox id as the provider's idempotency reference (in the body where the template
 * places it, and as the `Idempotency-Key` header) so a retry after a lost answer is dropped by a
 * provider that deduplicates. Errors never carry the number, the text or the provider's answer.
 */
export function createHttpGateway(
  settings: HttpSmsSettings,
): NotificationGateway & { readonly timeoutMs: number } {
  const headers: Record<string, string> = {
    accept: "application/json",
    "content-type":
      settings.format === "json"
        ? "application/json; charset=utf-8"
        : "application/x-www-form-urlencoded; charset=utf-8",
  };
  if (settings.auth?.kind === "basic") {
    const pair = `${settings.auth.username}:${settings.auth.password}`;
    headers.authorization = `Basic ${Buffer.from(pair, "utf8").toString("base64")}`;
  }
  if (settings.auth?.kind === "bearer") headers.authorization = `Bearer ${settings.auth.token}`;
  const jsonTemplate: unknown = settings.format === "json" ? JSON.parse(settings.template) : null;

  function bodyFor(message: OutgoingMessage): string {
    const values: Values = {
      recipient: message.recipient,
      recipientDigits: message.recipient.replace(/\D/g, ""),
      text: message.body,
      messageId: message.id,
      sender: settings.sender,
    };
    return settings.format === "json"
      ? JSON.stringify(fillJson(jsonTemplate, values))
      : fillForm(settings.template, values);
  }

  return {
    timeoutMs: settings.timeoutMs,
    async send(message) {
      let res: Response;
      try {
        res = await fetch(settings.url, {
          method: "POST",
          headers: { ...headers, "idempotency-key": message.id },
          body: bodyFor(message),
          // A redirect means a wrong URL; following it would turn the POST into a GET elsewhere.
          redirect: "manual",
          signal: AbortSignal.timeout(settings.timeoutMs),
        });
      } catch (err) {
        throw networkError(err, settings.timeoutMs);
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => undefined);
        throw new GatewayError(`provider answered ${res.status}`, !isTransient(res.status));
      }
      let answer: string;
      try {
        answer = await res.text();
      } catch {
        // Accepted, but the answer broke off: the provider has the message; go on without its id.
        return { providerMessageId: null };
      }
      if (!settings.messageIdPath) return { providerMessageId: null };
      try {
        return {
          providerMessageId: readPath(JSON.parse(answer), settings.messageIdPath)?.slice(0, 200) ?? null,
        };
      } catch {
        return { providerMessageId: null };
      }
    },
  };
}

const isTimeout = (err: unknown) =>
  err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");

/** Network failures are all worth a retry; the message names the cause, never the request. */
function networkError(err: unknown, timeoutMs: number): GatewayError {
  if (isTimeout(err)) return new GatewayError(`no answer within ${timeoutMs} ms`, false);
  const cause = (err as { cause?: { code?: unknown } })?.cause;
  const code = typeof cause?.code === "string" ? cause.code : "network error";
  return new GatewayError(`provider unreachable (${code})`, false);
}
