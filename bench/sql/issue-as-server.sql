-- Diagnostic, not part of `npm run bench`: every statement the server sends to PostgreSQL for one
-- kiosk's ticket (as logged with log_statement = 'all'), so pgbench -M extended (unnamed statements,
-- as node-postgres sends them) shows what PostgreSQL alone can do with the server's whole request.
-- Compare with issue.sql, the bare transaction: bench/diagnose-issuing.ts runs both, and this one
-- without the [queue] or the [notify] block, and prints what each costs PostgreSQL.
\set centre random(1, :centres)
\set service random(1, :services)
-- The kiosk's device key (auth.repository findDevice); here by the choice table, one indexed lookup.
SELECT d.id AS device_id, d.centre_id, d.kind, d.name, b.service_id AS chosen_service
  FROM bench_issue_choices b JOIN devices d ON d.id = b.kiosk_id
  WHERE b.centre_no = :centre AND b.service_no = :service AND d.revoked_at IS NULL
\gset
BEGIN;
SELECT s.id AS service_id, s.code, s.prefix, s.name, s.category, s.handling_minutes,
       s.target_wait_minutes, s.appointment_enabled
  FROM centre_services cs JOIN services s ON s.id = cs.service_id
  WHERE cs.centre_id = :centre_id AND cs.service_id = :chosen_service
\gset
INSERT INTO ticket_numbers (centre_id, service_day, prefix, last)
  VALUES (:centre_id, (now() AT TIME ZONE 'Asia/Baku')::date, :prefix, 1)
  ON CONFLICT (centre_id, service_day, prefix) DO UPDATE SET last = ticket_numbers.last + 1
  RETURNING last AS number
\gset
INSERT INTO tickets (public_id, centre_id, service_id, service_day, prefix, number, code, priority,
                     language, issued_at, queued_at)
  VALUES (md5(random()::text || :client_id::text), :centre_id, :service_id,
          (now() AT TIME ZONE 'Asia/Baku')::date, :prefix, :number,
          :prefix::text || lpad(:number::text, 3, '0'), 'none', 'az', now(), now())
  RETURNING *
\gset ticket_
INSERT INTO ticket_events (ticket_id, centre_id, at, action, from_status, to_status, service_id, device_id)
  VALUES (:ticket_id, :centre_id, now(), 'issue', NULL, 'waiting', :service_id, :device_id);
COMMIT;
-- [queue]
-- After the commit: the centre's queue (QueueState.load: queueRepository.waiting and serviceLoad).
SELECT id, service_id, priority, queued_at, appointment_at FROM tickets
  WHERE centre_id = :centre_id AND status = 'waiting'
    AND service_day = (now() AT TIME ZONE 'Asia/Baku')::date;
SELECT s.id AS "serviceId", s.handling_minutes AS "handlingMinutes",
       coalesce(f.n, 0)::int AS "finishedLastHour", coalesce(o.n, 0)::int AS "openCounters"
  FROM centre_services cs
  JOIN services s ON s.id = cs.service_id
  LEFT JOIN (
    SELECT service_id, count(*) AS n FROM tickets
    WHERE centre_id = :centre_id AND service_day = (now() AT TIME ZONE 'Asia/Baku')::date
      AND status = 'done' AND finished_at > now() - interval '1 hour'
    GROUP BY service_id
  ) f ON f.service_id = s.id
  LEFT JOIN (
    SELECT unnest(service_ids) AS service_id, count(*) AS n FROM counters
    WHERE centre_id = :centre_id AND status = 'open'
    GROUP BY 1
  ) o ON o.service_id = s.id
  WHERE cs.centre_id = :centre_id
  ORDER BY cs.position, s.code;
-- [/queue]
-- [notify]
-- The socket.io PostgreSQL adapter's NOTIFY for each of the two events (queue:changed carries all
-- 14 services, about 1.7 kB; ticket:updated about 0.6 kB).
SELECT pg_notify('socket.io#/', repeat('q', 1700));
SELECT pg_notify('socket.io#/', repeat('t', 600));
-- [/notify]
