/**
 * Generates realistic history for load and report testing: `npm run seed:history -- --days 365`
 * makes 31 centres (the demo's three and 28 more) and about 10 million tickets over the past year's
 * working days, with their events and the hourly aggregates, set-based in SQL.
 *
 * Options: --days N (365), --per-day N tickets per centre and day (1290, which makes ~10 M over a
 * year), --centres N (31), --seed X (0.42, for the same history twice), --chunk-timeout S (900: the
 * loader's own statement limit, not the server's 30 s). Uses DATABASE_URL, or the
 * embedded database in DATA_DIR (fine for a few days, slow for a year).
 */
import { parseArgs } from "node:util";
import { addDays, serviceDay, weekdayOf } from "@dost/shared";
import { sql } from "drizzle-orm";
import { loadConfig } from "../config.js";
import { openDatabase, type Db } from "../db/client.js";
import { prepareDatabase } from "../setup/prepare.js";
import { queryRows } from "../db/rows.js";
import { HISTORY_CENTRES } from "./history-centres.js";
import { addChunkAggregates, chunkEvents } from "./history-aggregates.js";

const { values } = parseArgs({
  options: {
    days: { type: "string", default: "365" },
    "per-day": { type: "string", default: "1290" },
    centres: { type: "string", default: "31" },
    seed: { type: "string", default: "0.42" },
    "chunk-timeout": { type: "string", default: "900" },
  },
});
const days = Number(values.days);
const perDay = Number(values["per-day"]);
const centreCount = Math.min(Number(values.centres), 3 + HISTORY_CENTRES.length);
const seed = Number(values.seed);
/** The loader's own limit per statement, in place of the server's 30 s request limit. */
const chunkTimeoutSeconds = Math.max(1, Math.trunc(Number(values["chunk-timeout"]) || 900));
if (
  ![days, perDay, centreCount, seed].every(Number.isFinite) ||
  days < 1 ||
  perDay < 1 ||
  seed < -1 ||
  seed > 1
) {
  process.stderr.write("usage: seed-history [--days N] [--per-day N] [--centres N] [--seed -1..1]\n");
  process.exit(2);
}

const log = (msg: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);

/** Adds the centres beyond the demo's, each with every service, 16 counters and 12 staff. */
async function ensureCentres(db: Db): Promise<string[]> {
  const wanted = HISTORY_CENTRES.slice(0, Math.max(0, centreCount - 3));
  for (const c of wanted) {
    await db.execute(sql`
      WITH template AS (SELECT timezone, opening_hours, policy FROM centres WHERE code = 'BAKU-1'),
      centre AS (
        INSERT INTO centres (code, name, timezone, opening_hours, policy)
        SELECT ${c.code}, ${JSON.stringify(c.name)}::jsonb, timezone, opening_hours, policy FROM template
        ON CONFLICT (code) DO NOTHING RETURNING id
      ),
      offered AS (
        INSERT INTO centre_services (centre_id, service_id, position, prefix)
        SELECT centre.id, s.id, row_number() OVER (ORDER BY s.code), s.prefix FROM centre, services s RETURNING 1
      ),
      desks AS (
        INSERT INTO counters (centre_id, label, zone)
        SELECT centre.id, n::text, 'main' FROM centre, generate_series(1, 16) n RETURNING 1
      )
      INSERT INTO users (username, display_name, role, centre_id, password_hash)
      SELECT 'staff.' || lower(${c.code}) || '.' || n, 'Staff ' || n || ' ' || ${c.code}, 'staff', centre.id,
             (SELECT password_hash FROM users WHERE username = 'admin')
      FROM centre, generate_series(1, 12) n`);
  }
  const rows = await queryRows<{ code: string }>(
    db,
    sql`SELECT code FROM centres ORDER BY created_at, code LIMIT ${centreCount}`,
  );
  return rows.map((r) => r.code);
}

/** Past working days in Baku: no weekends, no public holidays, not today. */
async function workingDays(db: Db, today: string): Promise<string[]> {
  const closed = new Set(
    (
      await queryRows<{ date: string }>(
        db,
        sql`SELECT date::text AS date FROM closed_dates WHERE centre_id IS NULL`,
      )
    ).map((r) => r.date),
  );
  const out: string[] = [];
  for (let i = days; i >= 1; i--) {
    const day = addDays(today, -i);
    if (!["sat", "sun"].includes(weekdayOf(day)) && !closed.has(day)) out.push(day);
  }
  return out;
}

/**
 * One chunk of days, in one transaction: tickets with their outcome, their events, and the
 * aggregates. Triggers are off for the bulk (session_replication_role), so the aggregates are
 * computed here from the same tickets, by the same definitions as the trigger's.
 *
 * Every step after the insert reads the chunk's own tickets from a temporary table, never the
 * history before it: a chunk then costs the same on day 240 as on day 1 (joining through
 * `tickets` and `ticket_events` by day made the planner scan the growing event log, and a chunk
 * deep into a year ran past the pool's 30 s statement limit). The loader sets its own limit.
 */
async function generate(db: Db, codes: string[], chunk: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(sql.raw(`SET LOCAL statement_timeout = '${chunkTimeoutSeconds}s'`));
    await tx.execute(sql`
      CREATE TEMP TABLE chunk_tickets (
        id uuid, centre_id uuid, service_id uuid, status text, issued_at timestamptz, called_at timestamptz,
        started_at timestamptz, finished_at timestamptz, counter_id uuid, user_id uuid
      ) ON COMMIT DROP`);
    await tx.execute(sql`
      WITH cs AS (
        SELECT c.id AS centre_id, c.timezone,
               array_agg(s.id ORDER BY s.code) AS service_ids, array_agg(x.prefix ORDER BY s.code) AS prefixes,
               array_agg(s.handling_minutes ORDER BY s.code) AS handling
        FROM centres c JOIN centre_services x ON x.centre_id = c.id JOIN services s ON s.id = x.service_id
        WHERE c.code = ANY(${sql.param(codes)}::text[]) GROUP BY c.id
      ),
      staff AS (SELECT centre_id, array_agg(id ORDER BY username) AS users FROM users WHERE role = 'staff' GROUP BY centre_id),
      desks AS (SELECT centre_id, array_agg(id ORDER BY label) AS counters FROM counters GROUP BY centre_id),
      raw AS (
        SELECT cs.centre_id, cs.timezone, d.day, cs.service_ids, cs.prefixes, cs.handling, st.users, dk.counters,
               1 + floor(random() * array_length(cs.service_ids, 1))::int AS si,
               -- Arrivals lean to the morning, as in the centres.
               ((d.day + time '09:00') + make_interval(secs => floor(power(random(), 1.4) * 8.5 * 3600)))
                 AT TIME ZONE cs.timezone AS issued_at,
               random() AS r_outcome, random() AS r_wait, random() AS r_serve, random() AS r_staff, random() AS r_priority
        FROM cs JOIN staff st USING (centre_id) JOIN desks dk USING (centre_id)
        CROSS JOIN unnest(${sql.param(chunk)}::date[]) AS d(day)
        CROSS JOIN generate_series(1, ${perDay})
      ),
      shaped AS (
        SELECT raw.*, service_ids[si] AS service_id, prefixes[si] AS prefix,
               users[1 + floor(r_staff * array_length(users, 1))::int] AS user_id,
               counters[1 + floor(r_staff * array_length(users, 1))::int] AS counter_id,
               -- Exponential waits around 12 minutes, capped at three hours.
               make_interval(secs => least(-ln(1 - r_wait * 0.999) * 720, 10800)) AS wait,
               make_interval(secs => handling[si] * 60 * (0.5 + r_serve)) AS service_time,
               CASE WHEN r_outcome < 0.86 THEN 'done' WHEN r_outcome < 0.93 THEN 'no_show'
                    WHEN r_outcome < 0.97 THEN 'cancelled' ELSE 'expired' END AS status,
               CASE WHEN r_priority < 0.9 THEN 'none' WHEN r_priority < 0.94 THEN 'elderly'
                    WHEN r_priority < 0.97 THEN 'disability' ELSE 'veteran' END AS priority
        FROM raw
      ),
      numbered AS (
        SELECT shaped.*, row_number() OVER (PARTITION BY centre_id, day, prefix ORDER BY issued_at) AS number
        FROM shaped
      ),
      inserted AS (
        INSERT INTO tickets (public_id, centre_id, service_id, service_day, prefix, number, code, status, priority,
                             language, issued_at, queued_at, called_at, started_at, finished_at, counter_id, call_count)
        SELECT substr(md5(random()::text || clock_timestamp()::text), 1, 22), centre_id, service_id, day, prefix, number,
               prefix || lpad(number::text, 3, '0'), status, priority, 'az', issued_at, issued_at,
               CASE WHEN status IN ('done', 'no_show') THEN issued_at + wait END,
               CASE WHEN status = 'done' THEN issued_at + wait + interval '40 seconds' END,
               CASE status WHEN 'done' THEN issued_at + wait + interval '40 seconds' + service_time
                           WHEN 'no_show' THEN issued_at + wait + interval '3 minutes'
                           WHEN 'cancelled' THEN issued_at + wait / 2
                           ELSE ((day + time '18:00') AT TIME ZONE timezone) END,
               CASE WHEN status IN ('done', 'no_show') THEN counter_id END,
               CASE WHEN status IN ('done', 'no_show') THEN 1 ELSE 0 END
        FROM numbered
        RETURNING id, centre_id, service_id, status, issued_at, called_at, started_at, finished_at, counter_id
      ),
      actor AS (
        SELECT i.*, (SELECT users[1 + (abs(hashtext(i.counter_id::text)) % array_length(users, 1))]
                     FROM staff WHERE staff.centre_id = i.centre_id) AS user_id
        FROM inserted i
      ),
      kept AS (INSERT INTO chunk_tickets SELECT * FROM actor)
      INSERT INTO ticket_events (ticket_id, centre_id, at, action, from_status, to_status, service_id, counter_id, user_id)
      SELECT a.id, a.centre_id, e.at, e.action, e.from_status, e.to_status, a.service_id, e.counter_id, e.user_id
      FROM actor a CROSS JOIN LATERAL ${chunkEvents("a")}
      WHERE e.at IS NOT NULL`);
    await tx.execute(sql`ANALYZE chunk_tickets`);
    await addChunkAggregates(tx);
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    migrationsFolder: config.paths.migrations,
    poolSize: 2,
    connectTimeoutMs: config.dbConnectTimeoutMs,
  });
  try {
    await prepareDatabase(database, config, { info: log });
    const db = database.db;
    await db.execute(sql`SELECT setseed(${seed})`);
    const codes = await ensureCentres(db);
    const [baku] = await queryRows<{ timezone: string }>(
      db,
      sql`SELECT timezone FROM centres WHERE code = 'BAKU-1'`,
    );
    const dayList = await workingDays(db, serviceDay(new Date(), baku?.timezone ?? "Asia/Baku"));
    log(
      `${codes.length} centres, ${dayList.length} working days, ${perDay} tickets per centre and day: ~${(codes.length * dayList.length * perDay).toLocaleString("en")} tickets`,
    );
    const started = Date.now();
    const size = 5;
    for (let i = 0; i < dayList.length; i += size) {
      const chunk = dayList.slice(i, i + size);
      const chunkStarted = Date.now();
      await generate(db, codes, chunk);
      const done = Math.min(i + size, dayList.length);
      // The chunk's own rate shows whether a chunk still costs what the first did as history grows.
      const rate = (chunk.length * codes.length * perDay) / ((Date.now() - chunkStarted) / 1000);
      log(
        `${chunk.at(-1)}: ${done}/${dayList.length} days, this chunk ${Math.round(rate).toLocaleString("en")} tickets/s`,
      );
    }
    await db.execute(sql`ANALYZE`);
    log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  const cause = (err as { cause?: unknown })?.cause;
  process.stderr.write(
    `${(err as Error)?.message?.slice(0, 300) ?? String(err)}\n${cause ? String(cause) : ""}\n`,
  );
  process.exit(1);
});
