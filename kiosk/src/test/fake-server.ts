import { vi } from "vitest";
import { CENTRE, SERVICES, ticket } from "./fixtures.js";

/**
 * A stand-in for the server at the component boundary: fetch answers from a table of routes, and
 * every request is recorded so tests can check what the kiosk sent.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

export const errorBody = (status: number, code: string) => json(status, { error: { code, message: code } });

export const DEVICE_KEY = "demo-kiosk-BAKU-1";

/** The demo answers: a valid kiosk key, one centre, three services, and tickets as issued. */
export function demoRoutes(): Record<string, Handler> {
  return {
    "GET /api/v1/devices/me": (r) =>
      r.headers.authorization === `Device ${DEVICE_KEY}`
        ? json(200, {
            device: {
              id: "44444444-4444-4444-8444-444444444444",
              centreId: CENTRE.id,
              kind: "kiosk",
              name: "Kiosk 1",
            },
            publicUrl: null,
          })
        : errorBody(401, "UNAUTHENTICATED"),
    "GET /api/v1/centres": () => json(200, { centres: [CENTRE] }),
    [`GET /api/v1/centres/${CENTRE.id}/services`]: () => json(200, { services: SERVICES }),
    [`POST /api/v1/centres/${CENTRE.id}/tickets`]: (r) => {
      const body = r.body as { serviceId: string; priority: "none"; language: "az" };
      return json(201, {
        ticket: ticket({ serviceId: body.serviceId, priority: body.priority, language: body.language }),
      });
    },
  };
}

export function installFakeServer(routes: Record<string, Handler> = demoRoutes()) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://kiosk.test");
    const method = (init.method ?? "GET").toUpperCase();
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body: unknown = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    const request = { method, path: url.pathname, query: url.searchParams, headers, body };
    requests.push(request);
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) return errorBody(404, "NOT_FOUND");
    return handler(request);
  });
  vi.stubGlobal("fetch", fetchMock);
  return { requests, routes, fetchMock };
}

/** fetch as it fails when the network or the server is down. */
export const unreachable: Handler = () => Promise.reject(new TypeError("Failed to fetch"));
