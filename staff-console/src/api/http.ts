import { errorBodySchema, isErrorCode, type ErrorCode } from "@dost/shared";
import { learnServerTime } from "./server-clock.js";

/** `NETWORK`: the server could not be reached or answered something that is not the contract. */
export type FailureCode = ErrorCode | "NETWORK";

export class ApiError extends Error {
  readonly status: number;
  readonly code: FailureCode;
  /** The contract's stable `reason`, which screens translate (never the English message). */
  readonly reason: string | null;

  constructor(status: number, code: FailureCode, message: string, reason: string | null = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.reason = reason;
  }
}

/** Anything with zod's `parse`: the shared schemas check every answer before the screen shows it. */
export interface Parser<T> {
  parse(data: unknown): T;
}

export interface HttpOptions {
  /** The session token, sent as `Authorization: Bearer`; without one the cookie speaks. */
  token(): string | null;
  /**
   * Any 401 outside sign-in: the session expired or was revoked. It names the token the request
   * carried, so a late answer to an old session cannot sign out a newer one.
   */
  onUnauthenticated(token: string | null): void;
  fetch?: typeof fetch;
  base?: string;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH";
  body?: unknown;
  /** Sign-in's own 401 means a wrong password, not a lost session. */
  expectUnauthenticated?: boolean;
}

export function createHttp(options: HttpOptions) {
  const base = options.base ?? "/api/v1";
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function send(path: string, request: RequestOptions): Promise<unknown> {
    const headers: Record<string, string> = { accept: "application/json" };
    const token = options.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (request.body !== undefined) headers["content-type"] = "application/json";
    const sentAt = Date.now();
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method: request.method ?? "GET",
        headers,
        credentials: "same-origin",
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      });
    } catch {
      throw new ApiError(0, "NETWORK", "The server cannot be reached");
    }
    learnServerTime(response.headers.get("date"), sentAt, Date.now());
    const text = await response.text();
    const json: unknown = text ? safeJson(text) : null;
    if (response.ok) return json;

    const parsed = errorBodySchema.safeParse(json);
    const code: FailureCode =
      parsed.success && isErrorCode(parsed.data.error.code) ? parsed.data.error.code : "NETWORK";
    const error = new ApiError(
      response.status,
      code,
      parsed.success ? parsed.data.error.message : text,
      parsed.success ? (parsed.data.error.reason ?? null) : null,
    );
    if (response.status === 401 && !request.expectUnauthenticated) options.onUnauthenticated(token);
    throw error;
  }

  return {
    async get<T>(path: string, parser: Parser<T>): Promise<T> {
      return parser.parse(await send(path, { method: "GET" }));
    },
    async post<T>(path: string, body: unknown, parser: Parser<T>, extra: RequestOptions = {}): Promise<T> {
      return parser.parse(await send(path, { ...extra, method: "POST", body }));
    },
    async put<T>(path: string, body: unknown, parser: Parser<T>): Promise<T> {
      return parser.parse(await send(path, { method: "PUT", body }));
    },
    async patch<T>(path: string, body: unknown, parser: Parser<T>): Promise<T> {
      return parser.parse(await send(path, { method: "PATCH", body }));
    },
    /** A POST whose answer is 204. */
    async command(path: string, body?: unknown): Promise<void> {
      await send(path, { method: "POST", body });
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
