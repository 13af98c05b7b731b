import { errorBodySchema } from "../api/common.js";
import { isErrorCode, type ErrorCode, type ErrorDetail, type ErrorParams } from "../errors.js";
import { ROUTES, type ParamNames, type Route, type RouteName } from "./routes.js";

/** `NETWORK`: the server could not be reached, or answered something that is not the contract. */
export type FailureCode = ErrorCode | "NETWORK";

/**
 * What went wrong, in the terms a screen acts on:
 * - `unreachable`: no answer, a timeout, an unreadable answer, or a server that cannot work right
 *   now (5xx, 429); retry.
 * - `unauthenticated`: the credentials were refused (401).
 * - `rejected`: the server understood and said no (any other 4xx); `code` and `reason` say why.
 */
export type ApiFailure = "unreachable" | "unauthenticated" | "rejected";

/**
 * The one error every app's requests throw. `reason` (with its `params`) is what a screen
 * translates; `message` is the server's English, shown only for a reason the app does not know.
 */
export class ApiError extends Error {
  /** The HTTP status; 0 when there was no answer, or none the contract describes. */
  readonly status: number;
  readonly code: FailureCode;
  readonly reason: string | undefined;
  readonly params: ErrorParams | undefined;
  /** Fields the server refused, as `details[].path` names them (`body.citizen.phone`). */
  readonly details: ErrorDetail[];

  constructor(init: {
    status: number;
    code: FailureCode;
    message: string;
    reason?: string | undefined;
    params?: ErrorParams | undefined;
    details?: ErrorDetail[] | undefined;
  }) {
    super(init.message);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.reason = init.reason;
    this.params = init.params;
    this.details = init.details ?? [];
  }

  /** No answer worth reading (also for an app's own "cannot go on" after a good answer). */
  static unreachable(message: string): ApiError {
    return new ApiError({ status: 0, code: "NETWORK", message });
  }

  get failure(): ApiFailure {
    if (this.status === 401) return "unauthenticated";
    if (this.status === 0 || this.status === 429 || this.status >= 500) return "unreachable";
    return "rejected";
  }
}

export type Query = Record<string, string | number | null | undefined>;

/** What a call to one route takes: its path's parameters (typed from the template), then the rest. */
export type CallInput<N extends RouteName> = ([ParamNames<(typeof ROUTES)[N]["path"]>] extends [never]
  ? { params?: undefined }
  : { params: Record<ParamNames<(typeof ROUTES)[N]["path"]>, string> }) & {
  body?: unknown;
  /** Left out when null or undefined, in the order given. */
  query?: Query;
  headers?: Record<string, string>;
  /** A 401 that means "wrong password" or "wrong code", not a lost session: no onUnauthenticated. */
  expectUnauthenticated?: boolean;
};

export type Answer<N extends RouteName> = ReturnType<(typeof ROUTES)[N]["response"]["parse"]>;

export interface ApiClientOptions {
  /** Defaults to "/api/v1". */
  base?: string;
  fetch?: typeof fetch;
  /** The `Authorization` header for every request (a session token or a device key), if any. */
  authorization?(): string | null;
  /**
   * Any 401 not expected by its call: the credentials expired or were revoked. It names the
   * authorization the request carried, so a late answer to an old session cannot end a newer one.
   */
  onUnauthenticated?(authorization: string | null): void;
  /** A request that hangs would leave a screen waiting for ever; after this long it fails. */
  timeoutMs?: number;
  cache?: RequestCache;
  credentials?: RequestCredentials;
  /** Every answer, as it arrives: the console learns the server's clock from its Date header. */
  onAnswer?(response: Response, sentAt: number): void;
}

const encodePath = (template: string, params: Record<string, string> | undefined): string =>
  template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });

/** A route's address with its parameters and query filled in, below the API's base. */
export function routePath(route: Route, params?: Record<string, string>, query?: Query): string {
  const path = encodePath(route.path, params);
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The one HTTP client of the apps: every call names a route of the table, every answer is checked. */
export function createApiClient(options: ApiClientOptions = {}) {
  const base = options.base ?? "/api/v1";
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function call<N extends RouteName>(name: N, ...[input]: OptionalInput<N>): Promise<Answer<N>> {
    const route: Route = ROUTES[name];
    const given = (input ?? {}) as CallInput<N>;
    const path = routePath(route, given.params as Record<string, string> | undefined, given.query);
    const authorization = options.authorization?.() ?? null;
    const headers: Record<string, string> = { accept: "application/json" };
    if (authorization) headers.authorization = authorization;
    if (given.body !== undefined) headers["content-type"] = "application/json";
    Object.assign(headers, given.headers);
    const sentAt = Date.now();
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method: route.method,
        headers,
        ...(given.body !== undefined ? { body: JSON.stringify(given.body) } : {}),
        ...(options.cache ? { cache: options.cache } : {}),
        ...(options.credentials ? { credentials: options.credentials } : {}),
        ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
      });
    } catch (error) {
      throw ApiError.unreachable(error instanceof Error ? error.message : String(error));
    }
    options.onAnswer?.(response, sentAt);
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw ApiError.unreachable(error instanceof Error ? error.message : String(error));
    }
    const json = text ? readJson(text) : null;
    if (!response.ok) {
      const parsed = errorBodySchema.safeParse(json);
      const error = parsed.success
        ? new ApiError({
            status: response.status,
            code: isErrorCode(parsed.data.error.code) ? parsed.data.error.code : "NETWORK",
            message: parsed.data.error.message,
            reason: parsed.data.error.reason,
            params: parsed.data.error.params,
            details: parsed.data.error.details,
          })
        : new ApiError({
            status: response.status,
            code: "NETWORK",
            message: `HTTP ${response.status} for ${path}`,
          });
      if (response.status === 401 && !given.expectUnauthenticated) options.onUnauthenticated?.(authorization);
      throw error;
    }
    try {
      return route.response.parse(json) as Answer<N>;
    } catch {
      // An answer the app cannot read is as good as none: the screen offers to try again.
      throw ApiError.unreachable(`unexpected answer from ${path}`);
    }
  }

  return { call };
}

/** The input may be left out for a route without path parameters. */
type OptionalInput<N extends RouteName> = [ParamNames<(typeof ROUTES)[N]["path"]>] extends [never]
  ? [input?: CallInput<N>]
  : [input: CallInput<N>];

export type ApiClient = ReturnType<typeof createApiClient>;
