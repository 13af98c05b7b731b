import type { Counter, Service, Ticket } from "@dost/shared";
import { DEMO_PASSWORD } from "./api.js";

export interface RemoteResponse<T> {
  status: number;
  body: T;
}

/**
 * The contract spoken over real HTTP to a server process (apiClient does the same through inject()
 * on an app in this process). A refused connection rejects, as it would for a kiosk.
 */
export function remoteClient(base: string) {
  async function call<T>(
    method: string,
    url: string,
    options: { auth?: string; body?: unknown } = {},
  ): Promise<RemoteResponse<T>> {
    const res = await fetch(`${base}${url}`, {
      // A process that stops mid-request must not hang the test: the caller sees a rejection.
      signal: AbortSignal.timeout(30_000),
      method,
      headers: {
        ...(options.auth ? { authorization: options.auth } : {}),
        ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await res.text();
    const json = (res.headers.get("content-type") ?? "").includes("json");
    return { status: res.status, body: (text && json ? JSON.parse(text) : text || null) as T };
  }

  return {
    base,
    call,
    async login(username: string, password = DEMO_PASSWORD): Promise<string> {
      const res = await call<{ token: string }>("POST", "/api/v1/auth/login", {
        body: { username, password },
      });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status}`);
      return `Bearer ${res.body.token}`;
    },
    async services(centre: string): Promise<Service[]> {
      return (await call<{ services: Service[] }>("GET", `/api/v1/centres/${centre}/services`)).body.services;
    },
    async counters(centre: string, auth: string): Promise<Counter[]> {
      return (await call<{ counters: Counter[] }>("GET", `/api/v1/centres/${centre}/counters`, { auth })).body
        .counters;
    },
    issue: (centre: string, serviceId: string, auth = `Device demo-kiosk-${centre}`) =>
      call<{ ticket: Ticket }>("POST", `/api/v1/centres/${centre}/tickets`, { auth, body: { serviceId } }),
    openCounter: (counterId: string, auth: string) =>
      call<null>("POST", `/api/v1/counters/${counterId}/open`, { auth, body: {} }),
    callNext: (counterId: string, auth: string) =>
      call<{ ticket: Ticket | null }>("POST", `/api/v1/counters/${counterId}/call-next`, { auth }),
    act: (ticketId: string, action: string, auth: string) =>
      call<{ ticket: Ticket }>("POST", `/api/v1/tickets/${ticketId}/${action}`, { auth, body: {} }),
  };
}

export type RemoteClient = ReturnType<typeof remoteClient>;
