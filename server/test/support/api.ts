import type { Counter, Service, Ticket, User } from "@dost/shared";
import type { FastifyInstance, InjectOptions } from "fastify";

export const DEMO_PASSWORD = "dost-demo";

/** Small helpers over inject() that speak the contract, so tests read as what a client does. */
export function apiClient(app: FastifyInstance) {
  async function call<T>(options: InjectOptions & { auth?: string }): Promise<{ status: number; body: T }> {
    const { auth, ...rest } = options;
    const headers = { ...(rest.headers ?? {}), ...(auth ? { authorization: auth } : {}) };
    const res = await app.inject({ ...rest, headers });
    const isJson = String(res.headers["content-type"] ?? "").includes("json");
    return { status: res.statusCode, body: (res.body && isJson ? res.json() : res.body || null) as T };
  }

  return {
    call,
    async login(
      username: string,
      password = DEMO_PASSWORD,
    ): Promise<{ auth: string; user: User; token: string }> {
      const res = await call<{ token: string; user: User }>({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username, password },
      });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status}`);
      return { auth: `Bearer ${res.body.token}`, user: res.body.user, token: res.body.token };
    },
    kiosk: (centre: string) => `Device demo-kiosk-${centre}`,
    display: (centre: string) => `Device demo-display-${centre}`,
    async services(centre: string): Promise<Service[]> {
      return (
        await call<{ services: Service[] }>({ method: "GET", url: `/api/v1/centres/${centre}/services` })
      ).body.services;
    },
    async counters(centre: string, auth: string): Promise<Counter[]> {
      return (
        await call<{ counters: Counter[] }>({
          method: "GET",
          url: `/api/v1/centres/${centre}/counters`,
          auth,
        })
      ).body.counters;
    },
    async issue(
      centre: string,
      body: Record<string, unknown>,
      auth = `Device demo-kiosk-${centre}`,
      key?: string,
    ) {
      return call<{ ticket: Ticket }>({
        method: "POST",
        url: `/api/v1/centres/${centre}/tickets`,
        payload: body,
        auth,
        ...(key ? { headers: { "idempotency-key": key } } : {}),
      });
    },
    async openCounter(counterId: string, auth: string, serviceIds?: string[]) {
      return call<null>({
        method: "POST",
        url: `/api/v1/counters/${counterId}/open`,
        auth,
        payload: serviceIds ? { serviceIds } : {},
      });
    },
    async callNext(counterId: string, auth: string) {
      return call<{ ticket: Ticket | null }>({
        method: "POST",
        url: `/api/v1/counters/${counterId}/call-next`,
        auth,
      });
    },
    async act(ticketId: string, action: string, auth: string, payload?: Record<string, unknown>) {
      return call<{ ticket: Ticket }>({
        method: "POST",
        url: `/api/v1/tickets/${ticketId}/${action}`,
        auth,
        ...(payload ? { payload } : {}),
      });
    },
  };
}
