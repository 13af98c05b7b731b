import { addDays } from "@dost/shared";
import { io } from "socket.io-client";
import { ApiClient } from "../lib/http.js";
import { bearer, signIn } from "../lib/staff.js";
import type { DayRecord } from "./drive.js";

/**
 * Issue 17's "done when" on a simulated day: a manager's socket hears `alert:raised` and
 * `alert:cleared` as the day runs, and afterwards each service's first breach (the first moment a
 * walk-in's wait passed the service's target: issued + target, for one still waiting then) is set
 * against the waiting alert about that service (`wait_over_target` or `service_uncovered`) that was
 * active at that moment: the lead is how long before the breach it was raised. With none active, the
 * first raised after the breach gives a negative lead (the alert came late); one raised and cleared
 * before the breach warned of something else and does not count.
 * Left out of the breach: appointments (checked in early, they wait for their slot by choice) and
 * visitors who gave up (the drive does not record when they left), so a breach may be found a
 * little late and a lead read a little long.
 */

export interface ServiceTarget {
  id: string;
  code: string;
  targetWaitMinutes: number;
}

export interface ServiceLead {
  service: string;
  targetWaitMinutes: number;
  /** Walk-ins called (or left at closing) and how many of them waited past the target. */
  visitors: number;
  overTarget: number;
  firstAlertAt: string | null;
  firstAlertKind: string | null;
  firstBreachAt: string | null;
  /** Minutes from the first alert to the first breach; null when either is missing. */
  leadMinutes: number | null;
}

export interface AlertWatch {
  /** The alerts heard so far, in order, each with its clearing once heard. */
  heard: HeardAlert[];
  /** The counters per hour (from `opensHour`) the staffing advice asks for on `date`, capped at `most`. */
  staffingAdvice(date: string, opensHour: number, hours: number, most: number): Promise<number[]>;
  close(): void;
}

export interface HeardAlert {
  id: string;
  kind: string;
  serviceId: string | null;
  raisedAt: number;
  clearedAt: number | null;
}

const DEMO_PASSWORD = "dost-demo";
/** The alerts that tell of waits; `visit_overlong` and the others are about something else. */
const WAIT_ALERTS = new Set(["wait_over_target", "service_uncovered"]);

/** Signs the centre's demo manager in and listens on its socket for the alerts of its centre. */
export async function watchAlerts(url: string, centreCode: string): Promise<AlertWatch> {
  const api = new ApiClient(url);
  const slug = centreCode.toLowerCase().replace(/-/g, "");
  const token = await signIn(api, `manager.${slug}`, DEMO_PASSWORD);
  const socket = io(url, { transports: ["websocket"], auth: { token }, forceNew: true });
  const heard: AlertWatch["heard"] = [];
  socket.on("alert:raised", (alert: { id: string; kind: string; serviceId?: string; raisedAt: string }) => {
    heard.push({
      id: alert.id,
      kind: alert.kind,
      serviceId: alert.serviceId ?? null,
      raisedAt: Date.parse(alert.raisedAt),
      clearedAt: null,
    });
  });
  socket.on("alert:cleared", (cleared: { id: string; clearedAt: string }) => {
    const alert = heard.find((a) => a.id === cleared.id);
    if (alert) alert.clearedAt = Date.parse(cleared.clearedAt);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return {
    heard,
    async staffingAdvice(date, opensHour, hours, most) {
      const plan = await api.expect<{ hours: { hour: number; countersNeeded: number }[] }>(
        "GET",
        `/centres/${centreCode}/staffing?date=${date}`,
        { headers: bearer(token) },
      );
      return Array.from({ length: hours }, (_, i) => {
        const needed = plan.hours.find((h) => h.hour === opensHour + i)?.countersNeeded ?? 0;
        return Math.min(most, needed);
      });
    },
    close() {
      socket.close();
      api.close();
    },
  };
}

/** Per service: the first alert about it, the first wait past its target, and the lead between. */
export function alertLeads(
  watch: Pick<AlertWatch, "heard">,
  record: DayRecord,
  services: readonly ServiceTarget[],
  closesAt: number,
): ServiceLead[] {
  return services.flatMap((service) => {
    const tickets = record.tickets.filter(
      (t) => t.service === service.code && t.kind === "walk_in" && !t.cancelled,
    );
    if (tickets.length === 0) return [];
    const targetMs = service.targetWaitMinutes * 60_000;
    const over = tickets.filter((t) => (t.calledAt ?? closesAt) - t.issuedAt > targetMs);
    const breach = over.length ? Math.min(...over.map((t) => t.issuedAt + targetMs)) : null;
    const about = watch.heard.filter((a) => a.serviceId === service.id && WAIT_ALERTS.has(a.kind));
    const alert =
      breach === null
        ? (about[0] ?? null)
        : (about.find((a) => a.raisedAt <= breach && (a.clearedAt === null || a.clearedAt > breach)) ??
          about.find((a) => a.raisedAt > breach) ??
          null);
    return [
      {
        service: service.code,
        targetWaitMinutes: service.targetWaitMinutes,
        visitors: tickets.length,
        overTarget: over.length,
        firstAlertAt: alert ? new Date(alert.raisedAt).toISOString() : null,
        firstAlertKind: alert?.kind ?? null,
        firstBreachAt: breach === null ? null : new Date(breach).toISOString(),
        leadMinutes: alert && breach !== null ? (breach - alert.raisedAt) / 60_000 : null,
      },
    ];
  });
}

/** A short text table of the leads, with the day's share of visitors called within target. */
export function leadsTable(leads: readonly ServiceLead[], timeZone: string): string {
  const time = (iso: string | null) =>
    iso === null
      ? "—"
      : new Date(iso).toLocaleTimeString("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" });
  const visitors = leads.reduce((s, l) => s + l.visitors, 0);
  const over = leads.reduce((s, l) => s + l.overTarget, 0);
  const rows = leads.map(
    (l) =>
      `| ${l.service} | ${l.targetWaitMinutes} | ${l.visitors} | ${l.overTarget} | ${time(l.firstAlertAt)} ${l.firstAlertKind ?? ""} | ${time(l.firstBreachAt)} | ${l.leadMinutes === null ? "—" : l.leadMinutes.toFixed(1)} |`,
  );
  const leadsSeen = leads.flatMap((l) => (l.leadMinutes === null ? [] : [l.leadMinutes]));
  const sorted = [...leadsSeen].sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : null;
  return [
    "| service | target min | walk-ins | over target | alert active at the breach | first breach | lead min |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    `Within target: ${visitors ? Math.round(((visitors - over) / visitors) * 100) : 0}% of ${visitors} visitors; ` +
      `services breached: ${leads.filter((l) => l.firstBreachAt).length}, alerted before the breach: ` +
      `${leadsSeen.filter((m) => m > 0).length}/${leadsSeen.length}, median lead ${median === null ? "—" : median.toFixed(1)} min`,
  ].join("\n");
}

/** The same weekday a week on: its forecast rests on the day just simulated. */
export const nextWeek = (date: string): string => addDays(date, 7);
