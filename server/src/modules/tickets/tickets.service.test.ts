import { DEFAULT_POLICY_WEIGHTS, DomainError, WEEKDAYS, type OpeningHours, type Ticket } from "@dost/shared";
import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import type { TicketRow } from "../../db/schema.js";
import type { DevicePrincipal, UserPrincipal } from "../../core/principal.js";
import type { CentreRecord } from "../catalog/index.js";
import type { ticketsRepository } from "./tickets.repository.js";
import { createTicketService } from "./tickets.service.js";

/**
 * The rules that live in the ticket service, with fake repositories: nothing here needs SQL, and a
 * rule broken here fails in milliseconds. (The same rules run against both databases in server/test.)
 */
const day = [{ open: "09:00", close: "18:00" }];
const centre: CentreRecord = {
  id: "c0000000-0000-4000-8000-000000000001",
  code: "BAKU-1",
  name: { az: "Bakı 1", ru: "Баку 1", en: "Baku 1" },
  timezone: "Asia/Baku",
  openingHours: Object.fromEntries(
    WEEKDAYS.map((d) => [d, d === "sat" || d === "sun" ? [] : day]),
  ) as OpeningHours,
  policy: DEFAULT_POLICY_WEIGHTS,
  displayMessage: null,
  bookingWindowDays: 30,
  bookingLeadMinutes: 60,
  lastTicketMinutesBeforeClosing: 30,
  closedDates: new Set(),
  active: true,
};
const service = { id: "s0000000-0000-4000-8000-000000000001", prefix: "A" };
const kiosk: DevicePrincipal = {
  kind: "device",
  device: {
    id: "d0000000-0000-4000-8000-000000000001",
    centreId: centre.id,
    kind: "kiosk",
    name: "Kiosk",
    counterId: null,
  },
};
const staffOf = (id: string): UserPrincipal => ({
  kind: "user",
  sessionId: "session",
  user: { id, username: id, displayName: id, role: "staff", centreId: centre.id, mustChangePassword: false },
});

function row(over: Partial<TicketRow> = {}): TicketRow {
  return {
    id: "t0000000-0000-4000-8000-000000000001",
    publicId: "public-id",
    centreId: centre.id,
    serviceId: service.id,
    serviceDay: "2026-11-23",
    prefix: "A",
    number: 1,
    code: "A001",
    status: "waiting",
    priority: "none",
    language: "az",
    issuedAt: new Date("2026-11-23T06:00:00Z"),
    queuedAt: new Date("2026-11-23T06:00:00Z"),
    appointmentAt: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    counterId: null,
    callCount: 0,
    appointmentId: null,
    quotedWaitMinutes: null,
    quotedWaitLow: null,
    quotedWaitHigh: null,
    ...over,
  };
}

function serviceAt(
  now: string,
  found: {
    ticket: TicketRow;
    counter: { id: string; label: string; zone: string; userId: string | null } | null;
  } | null = null,
) {
  const written: string[] = [];
  const repo = {
    nextNumber: async () => 1,
    // The one-statement path writes the ticket and its event together.
    issueAtOnce: async (_ex: unknown, { ticketId, centreId, serviceId }: Record<string, string>) => {
      written.push("insert", "event");
      return row({ id: ticketId, centreId, serviceId });
    },
    insert: async (_ex: unknown, values: Partial<TicketRow>) => {
      written.push("insert");
      return row(values);
    },
    appendEvent: async () => void written.push("event"),
    recordQuote: async () => undefined,
    findWithCounter: async () => found,
    transition: async (_ex: unknown, _id: string, _from: unknown, changes: Partial<TicketRow>) => {
      written.push("transition");
      return found ? row({ ...found.ticket, ...changes }) : null;
    },
  };
  // One fake executor stands for the root handle and its transactions alike.
  const db = { transaction: (body: (tx: unknown) => Promise<unknown>) => body({}) } as unknown as Db;
  const tickets = createTicketService({
    db,
    clock: { now: () => new Date(now) },
    centres: { find: async () => centre },
    catalog: { serviceOfCentre: async () => ({ ...service, id: service.id }) as never },
    queue: {
      announce: () => undefined,
      view: async (_ex, _centre, r) => ({ id: r.id, status: r.status }) as Ticket,
      state: async () => {
        throw new Error("not needed");
      },
    },
    // The fake implements what these use cases call; the cast states that it is enough.
    repo: repo as unknown as typeof ticketsRepository,
  });
  return { tickets, written };
}

const reasonOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => (e instanceof DomainError ? `${e.code}:${e.reason ?? ""}` : String(e)),
  );

describe("issuing", () => {
  it("refuses a kiosk outside hours with centre_closed and writes nothing", async () => {
    const { tickets, written } = serviceAt("2026-11-23T13:45:00Z"); // 17:45 in Baku
    expect(
      await reasonOf(
        tickets.issue(
          kiosk,
          centre.id,
          { serviceId: service.id, priority: "none", language: "az" },
          undefined,
        ),
      ),
    ).toBe("CONFLICT:centre_closed");
    expect(written).toEqual([]);
  });

  it("lets staff issue after hours, and a kiosk in hours", async () => {
    const late = serviceAt("2026-11-23T13:45:00Z");
    const body = { serviceId: service.id, priority: "none" as const, language: "az" as const };
    expect((await late.tickets.issue(staffOf("u1"), centre.id, body, undefined)).created).toBe(true);
    const inHours = serviceAt("2026-11-23T06:00:00Z");
    expect((await inHours.tickets.issue(kiosk, centre.id, body, undefined)).created).toBe(true);
    expect(inHours.written).toEqual(["insert", "event"]);
  });
});

describe("staff actions", () => {
  const atCounter = (status: TicketRow["status"], userId: string) => ({
    ticket: row({ status, counterId: "k1" }),
    counter: { id: "k1", label: "5", zone: "main", userId },
  });

  it("refuses an action the ticket's status does not allow, changing nothing", async () => {
    const { tickets, written } = serviceAt("2026-11-23T06:00:00Z", atCounter("called", "u1"));
    expect(await reasonOf(tickets.act(staffOf("u1"), "t", "complete"))).toBe("CONFLICT:ticket_state");
    expect(written).toEqual([]);
  });

  it("lets only the employee at the counter act on its visitor", async () => {
    const { tickets, written } = serviceAt("2026-11-23T06:00:00Z", atCounter("called", "u1"));
    expect(await reasonOf(tickets.act(staffOf("u2"), "t", "start"))).toBe("FORBIDDEN:");
    expect(written).toEqual([]);
    expect((await tickets.act(staffOf("u1"), "t", "start")).status).toBe("serving");
  });

  it("refuses a transfer to the service the ticket is already in", async () => {
    const { tickets } = serviceAt("2026-11-23T06:00:00Z", atCounter("serving", "u1"));
    expect(await reasonOf(tickets.act(staffOf("u1"), "t", "transfer", { serviceId: service.id }))).toBe(
      "CONFLICT:ticket_state",
    );
  });
});
