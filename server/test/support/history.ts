import type { Counter, Service, Ticket } from "@dost/shared";
import { DEMO_PASSWORD } from "./api.js";

/** The subset of a request both `app.inject()` (apiClient) and a real HTTP client send. */
export interface Request {
  method: "GET" | "POST";
  url: string;
  payload?: Record<string, unknown>;
  auth?: string;
}
export type Call = <T>(request: Request) => Promise<{ status: number; body: T }>;

/** The contract over real HTTP, for a server in another process. */
export function fetchCall(base: string): Call {
  return async <T>(request: Request) => {
    const headers: Record<string, string> = {};
    if (request.auth) headers.authorization = request.auth;
    if (request.payload) headers["content-type"] = "application/json";
    const res = await fetch(`${base}${request.url}`, {
      method: request.method,
      headers,
      ...(request.payload ? { body: JSON.stringify(request.payload) } : {}),
    });
    const text = await res.text();
    const json = (res.headers.get("content-type") ?? "").includes("json") && text ? JSON.parse(text) : text;
    return { status: res.status, body: json as T };
  };
}

export interface History {
  services: Service[];
  /** Every ticket made, as the API last returned it. */
  tickets: Ticket[];
}

/**
 * A morning at BAKU-1: four tickets over two services, one called, served and completed, one
 * called and waiting at the counter. Enough to see tickets, numbering and events survive.
 */
export async function makeHistory(call: Call): Promise<History> {
  const kiosk = "Device demo-kiosk-BAKU-1";
  const { services } = (
    await call<{ services: Service[] }>({ method: "GET", url: "/api/v1/centres/BAKU-1/services" })
  ).body;
  const issue = async (service: Service) => {
    const res = await call<{ ticket: Ticket }>({
      method: "POST",
      url: "/api/v1/centres/BAKU-1/tickets",
      payload: { serviceId: service.id },
      auth: kiosk,
    });
    if (res.status !== 201) throw new Error(`issue: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.ticket;
  };
  const tickets = [
    await issue(services[0]!),
    await issue(services[0]!),
    await issue(services[0]!),
    await issue(services[1]!),
  ];
  const login = await call<{ token: string }>({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username: "staff.baku1.1", password: DEMO_PASSWORD },
  });
  const auth = `Bearer ${login.body.token}`;
  const { counters } = (
    await call<{ counters: Counter[] }>({ method: "GET", url: "/api/v1/centres/BAKU-1/counters", auth })
  ).body;
  const counter = counters[0]!;
  await call({ method: "POST", url: `/api/v1/counters/${counter.id}/open`, payload: {}, auth });
  const act = async (url: string) => {
    const res = await call<{ ticket: Ticket }>({ method: "POST", url, auth });
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.ticket;
  };
  const first = await act(`/api/v1/counters/${counter.id}/call-next`);
  await act(`/api/v1/tickets/${first.id}/start`);
  await act(`/api/v1/tickets/${first.id}/complete`);
  await act(`/api/v1/counters/${counter.id}/call-next`);
  // Each ticket as it stands now.
  const now = await Promise.all(
    tickets.map(
      async (t) =>
        (await call<{ ticket: Ticket }>({ method: "GET", url: `/api/v1/public/tickets/${t.publicId}` })).body
          .ticket,
    ),
  );
  return { services, tickets: now };
}

/** What a restored system must show: the same tickets, and the next ticket numbered after them. */
export async function nextTicketCode(call: Call, service: Service): Promise<string> {
  const res = await call<{ ticket: Ticket }>({
    method: "POST",
    url: "/api/v1/centres/BAKU-1/tickets",
    payload: { serviceId: service.id },
    auth: "Device demo-kiosk-BAKU-1",
  });
  if (res.status !== 201) throw new Error(`issue: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.ticket.code;
}

export async function publicView(call: Call, tickets: readonly Ticket[]) {
  return Promise.all(
    tickets.map(async (t) => {
      const res = await call<{ ticket: Ticket }>({
        method: "GET",
        url: `/api/v1/public/tickets/${t.publicId}`,
      });
      return res.status === 200 ? pick(res.body.ticket) : { status: res.status };
    }),
  );
}

/** The fields that must be equal after a restore (place and estimate depend on the clock). */
export function pick(t: Ticket) {
  return {
    id: t.id,
    code: t.code,
    status: t.status,
    serviceId: t.serviceId,
    issuedAt: t.issuedAt,
    calledAt: t.calledAt,
    finishedAt: t.finishedAt,
    counter: t.counter,
  };
}
