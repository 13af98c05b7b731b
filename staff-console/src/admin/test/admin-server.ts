import type { AdminCentre, AdminService, User } from "@dost/shared";
import { DEFAULT_POLICY_WEIGHTS } from "@dost/shared";

export interface Call {
  method: string;
  url: URL;
  body: unknown;
}

export type Answer = { status?: number; body: unknown } | undefined;

/**
 * The server at the component boundary for the Administration screens: every request recorded with
 * its method and body, answered by `answer`; an unanswered one is a 404 in the contract's shape.
 */
export function adminServer(answer: (call: Call) => Answer) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), "http://console.test");
    const call: Call = {
      method: init?.method ?? "GET",
      url,
      body: typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    const found =
      url.pathname === "/api/v1/auth/me"
        ? { status: 401, body: { error: { code: "UNAUTHENTICATED", message: "Sign in" } } }
        : (answer(call) ?? { status: 404, body: { error: { code: "NOT_FOUND", message: "No such route" } } });
    return new Response(JSON.stringify(found.body), {
      status: found.status ?? 200,
      headers: { "content-type": "application/json" },
    });
  };
  const writes = () => calls.filter((c) => c.method !== "GET");
  return { fetch, calls, writes };
}

export const CENTRE_ID = "0f3c1b7e-4c2a-4d7b-9d55-1a2b3c4d5e6f";
export const NOW = "2026-03-10T06:00:00.000Z";

export function aUser(role: User["role"], overrides: Partial<User> = {}): User {
  return {
    id: "5b0d8f3e-5a6f-4a0e-9a39-2f1e0c6b7d11",
    username: `${role}1`,
    displayName: `A ${role}`,
    role,
    centreId: role === "admin" || role === "viewer" ? null : CENTRE_ID,
    ...overrides,
  };
}

export function aCentre(overrides: Partial<AdminCentre> = {}): AdminCentre {
  const day = [{ open: "09:00", close: "18:00" }];
  return {
    id: CENTRE_ID,
    code: "BAKU-1",
    name: { az: "Bakı 1", ru: "Баку 1", en: "Baku 1" },
    timezone: "Asia/Baku",
    openingHours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
    bookingWindowDays: 30,
    bookingLeadMinutes: 60,
    lastTicketMinutesBeforeClosing: 30,
    policy: DEFAULT_POLICY_WEIGHTS,
    active: true,
    createdAt: NOW,
    ...overrides,
  };
}

/** A catalogue entry numbered `n`, in one of four categories, with a distinct prefix. */
export function aService(n: number, overrides: Partial<AdminService> = {}): AdminService {
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return {
    id: `7c9e6679-7425-40de-944b-${String(n).padStart(12, "0")}`,
    code: `SVC-${String(n).padStart(3, "0")}`,
    prefix: `${letters[Math.floor(n / 26) % 26]}${letters[n % 26]}`,
    name: { az: `Xidmət ${n}`, ru: `Услуга ${n}`, en: `Service ${n}` },
    category: ["pensions", "passports", "property", "benefits"][n % 4]!,
    documents: [],
    handlingMinutes: 10,
    targetWaitMinutes: 20,
    appointmentEnabled: false,
    slotMinutes: 20,
    slotCapacity: 2,
    active: true,
    createdAt: NOW,
    ...overrides,
  };
}
