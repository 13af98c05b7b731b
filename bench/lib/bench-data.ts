import type pg from "pg";
import { withClient } from "./database.js";

/** The demo's password; every user the bench adds gets the demo admin's hash, hence this password. */
export const PASSWORD = "dost-demo";

export const ISSUING_CENTRE_COUNT = 31;
export const CALLING_CENTRE = "BENCH-CALL";
export const CALLING_COUNTERS = 40;
export const CALLING_QUEUE_DEPTH = 6_000;

const DEMO_CENTRES = ["BAKU-1", "BAKU-2", "SUMGAYIT"];

/** Keys follow the demo's pattern (`demo-kiosk-<CODE>`) for the centres the bench adds as well. */
export const kioskKey = (code: string): string => `demo-kiosk-${code}`;
export const displayKey = (code: string): string => `demo-display-${code}`;
const slug = (code: string): string => code.toLowerCase().replace(/-/g, "");
/** One member of staff per issuing centre, who staffs one counter while the displays are probed. */
export const centreStaff = (code: string): string => `bench.${slug(code)}.staff`;
export const callingStaff = (i: number): string => `bench.call.${i}`;

export interface BenchCentre {
  id: string;
  code: string;
  serviceIds: string[];
}

export interface BenchCatalogue {
  /** 31 centres: the demo's three and 28 more, each with the demo's 14 services. */
  issuing: BenchCentre[];
  /** One large centre: 40 counters, 40 staff, a deep queue of waiting tickets. */
  calling: BenchCentre;
}

const extraCentreCodes = (): string[] =>
  Array.from(
    { length: ISSUING_CENTRE_COUNT - DEMO_CENTRES.length },
    (_, i) => `BENCH-${String(i + DEMO_CENTRES.length + 1).padStart(2, "0")}`,
  );

/**
 * Adds what the demo lacks, straight into the bench database once the server has migrated and seeded
 * it: the extra centres (copying BAKU-1's hours, policy and services), their counters, staff and
 * devices, the calling centre with its queue, and the lookup table pgbench picks its centre and
 * service from. One transaction, set-based SQL: a few seconds even on a busy machine.
 */
export async function loadBenchData(url: string): Promise<BenchCatalogue> {
  const extra = extraCentreCodes();
  const added = [...extra, CALLING_CENTRE];
  await withClient(url, async (db) => {
    await db.query("BEGIN");
    await addCentres(db, added);
    await addCounters(db, extra, 12);
    await addCounters(db, [CALLING_CENTRE], CALLING_COUNTERS);
    await addDevices(db, added);
    await addStaff(
      db,
      [...DEMO_CENTRES, ...extra].map((code) => ({ code, username: centreStaff(code) })),
    );
    await addStaff(
      db,
      Array.from({ length: CALLING_COUNTERS }, (_, i) => ({
        code: CALLING_CENTRE,
        username: callingStaff(i + 1),
      })),
    );
    await addWaitingTickets(db, CALLING_CENTRE, CALLING_QUEUE_DEPTH);
    await addIssueChoices(db, [...DEMO_CENTRES, ...extra]);
    await openAllDay(db);
    await db.query("COMMIT");
    // Planner statistics as a running system would have them after autovacuum.
    await db.query("ANALYZE");
  });
  return readCatalogue(url, [...DEMO_CENTRES, ...extra]);
}

async function addCentres(db: pg.Client, codes: string[]): Promise<void> {
  await db.query(
    `INSERT INTO centres (code, name, timezone, opening_hours, policy)
     SELECT c.code,
            jsonb_build_object('az', 'Test mərkəzi ' || c.code, 'ru', 'Тестовый центр ' || c.code,
                               'en', 'Bench centre ' || c.code),
            t.timezone, t.opening_hours, t.policy
     FROM unnest($1::text[]) AS c(code), (SELECT * FROM centres WHERE code = 'BAKU-1') t`,
    [codes],
  );
  await db.query(
    `INSERT INTO centre_services (centre_id, service_id, position, prefix)
     SELECT c.id, cs.service_id, cs.position, cs.prefix
     FROM centres c
     CROSS JOIN centre_services cs
     WHERE c.code = ANY($1) AND cs.centre_id = (SELECT id FROM centres WHERE code = 'BAKU-1')`,
    [codes],
  );
}

/**
 * Every centre of the bench open round the clock, every day, with no last-ticket cut-off: kiosks
 * are refused outside a centre's hours, and the bench runs on the real clock (its SQL and pgbench
 * write the real day), so without this a run after 17:30 in Baku would measure refusals.
 */
async function openAllDay(db: pg.Client): Promise<void> {
  const allDay = JSON.stringify(
    Object.fromEntries(
      ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ open: "00:00", close: "23:59" }]]),
    ),
  );
  await db.query("UPDATE centres SET opening_hours = $1::jsonb, last_ticket_minutes_before_closing = 0", [
    allDay,
  ]);
  await db.query("DELETE FROM closed_dates");
}

async function addCounters(db: pg.Client, codes: string[], perCentre: number): Promise<void> {
  await db.query(
    `INSERT INTO counters (centre_id, label, zone)
     SELECT c.id, g::text, 'main' FROM centres c, generate_series(1, $2::int) g WHERE c.code = ANY($1)`,
    [codes, perCentre],
  );
}

/** Key hashes as the server stores them: SHA-256 hex of the key. */
async function addDevices(db: pg.Client, codes: string[]): Promise<void> {
  await db.query(
    `INSERT INTO devices (centre_id, kind, name, key_hash)
     SELECT c.id, k.kind, initcap(k.kind) || ' ' || c.code,
            encode(sha256(convert_to('demo-' || k.kind || '-' || c.code, 'UTF8')), 'hex')
     FROM centres c, (VALUES ('kiosk'), ('display')) AS k(kind)
     WHERE c.code = ANY($1)`,
    [codes],
  );
}

async function addStaff(db: pg.Client, staff: { code: string; username: string }[]): Promise<void> {
  await db.query(
    `INSERT INTO users (username, display_name, role, centre_id, password_hash)
     SELECT s.username, 'Bench ' || s.username, 'staff', c.id,
            (SELECT password_hash FROM users WHERE username = 'admin')
     FROM unnest($1::text[], $2::text[]) AS s(code, username)
     JOIN centres c ON c.code = s.code`,
    [staff.map((s) => s.code), staff.map((s) => s.username)],
  );
}

/**
 * A morning's queue: `depth` waiting tickets spread over the centre's services, issued a second
 * apart up to now, one in ten with a priority, each with its `issue` event and the day's numbering
 * rows, as the issuing transaction would have left them.
 */
async function addWaitingTickets(db: pg.Client, code: string, depth: number): Promise<void> {
  const serviceDay = `(now() AT TIME ZONE 'Asia/Baku')::date`;
  await db.query(
    `WITH centre AS (SELECT id FROM centres WHERE code = $1),
     svc AS (
       SELECT s.id, s.prefix, (row_number() OVER (ORDER BY cs.position) - 1)::int AS n,
              count(*) OVER ()::int AS total
       FROM centre_services cs JOIN services s ON s.id = cs.service_id
       WHERE cs.centre_id = (SELECT id FROM centre)
     ),
     t AS (
       SELECT g, svc.id AS service_id, svc.prefix, ((g - 1) / svc.total + 1)::int AS number,
              now() - make_interval(secs => ($2::int - g)) AS at
       FROM generate_series(1, $2::int) g JOIN svc ON svc.n = (g - 1) % svc.total
     )
     INSERT INTO tickets (public_id, centre_id, service_id, service_day, prefix, number, code,
                          priority, language, issued_at, queued_at)
     SELECT md5('bench-call-' || g || clock_timestamp()), (SELECT id FROM centre), service_id,
            ${serviceDay}, prefix, number, prefix || lpad(number::text, 3, '0'),
            CASE WHEN g % 10 = 0 THEN 'elderly' ELSE 'none' END, 'az', at, at
     FROM t`,
    [code, depth],
  );
  await db.query(
    `INSERT INTO ticket_events (ticket_id, centre_id, at, action, from_status, to_status, service_id)
     SELECT t.id, t.centre_id, t.issued_at, 'issue', NULL, 'waiting', t.service_id
     FROM tickets t JOIN centres c ON c.id = t.centre_id WHERE c.code = $1`,
    [code],
  );
  await db.query(
    `INSERT INTO ticket_numbers (centre_id, service_day, prefix, last)
     SELECT t.centre_id, t.service_day, t.prefix, max(t.number)
     FROM tickets t JOIN centres c ON c.id = t.centre_id WHERE c.code = $1
     GROUP BY t.centre_id, t.service_day, t.prefix`,
    [code],
  );
}

/**
 * pgbench cannot pick a UUID from a list, so it draws two integers and looks the centre, service
 * and kiosk up here, in the same statement as the server's own service lookup (bench/sql/issue.sql).
 */
async function addIssueChoices(db: pg.Client, codes: string[]): Promise<void> {
  await db.query(
    `CREATE TABLE bench_issue_choices (
       centre_no int NOT NULL, service_no int NOT NULL,
       centre_id uuid NOT NULL, service_id uuid NOT NULL, kiosk_id uuid NOT NULL,
       PRIMARY KEY (centre_no, service_no))`,
  );
  await db.query(
    `INSERT INTO bench_issue_choices (centre_no, service_no, centre_id, service_id, kiosk_id)
     SELECT dense_rank() OVER (ORDER BY c.code),
            row_number() OVER (PARTITION BY c.id ORDER BY cs.position),
            c.id, cs.service_id, d.id
     FROM centres c
     JOIN centre_services cs ON cs.centre_id = c.id
     JOIN devices d ON d.centre_id = c.id AND d.kind = 'kiosk'
     WHERE c.code = ANY($1)`,
    [codes],
  );
}

async function readCatalogue(url: string, issuingCodes: string[]): Promise<BenchCatalogue> {
  const rows = await withClient(url, async (db) => {
    const { rows } = await db.query<{ id: string; code: string; service_ids: string[] }>(
      `SELECT c.id, c.code, array_agg(cs.service_id ORDER BY cs.position) AS service_ids
       FROM centres c JOIN centre_services cs ON cs.centre_id = c.id
       WHERE c.code = ANY($1) GROUP BY c.id, c.code ORDER BY c.code`,
      [[...issuingCodes, CALLING_CENTRE]],
    );
    return rows;
  });
  const centres = rows.map((r) => ({ id: r.id, code: r.code, serviceIds: r.service_ids }));
  const calling = centres.find((c) => c.code === CALLING_CENTRE);
  const issuing = centres.filter((c) => c.code !== CALLING_CENTRE);
  if (!calling || issuing.length !== ISSUING_CENTRE_COUNT) {
    throw new Error(
      `bench data incomplete: ${issuing.length} issuing centres, calling centre ${calling ? "present" : "missing"}`,
    );
  }
  return { issuing, calling };
}
