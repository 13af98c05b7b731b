-- One ticket issued by a kiosk: the statements of the server's issuing transaction
-- (server/src/modules/tickets/tickets.service.ts `issue`, tickets.repository.ts), bare, for pgbench.
-- Run with -D centres=<n> -D services=<n>; bench_issue_choices maps the two drawn numbers to the
-- centre, the service and that centre's kiosk (see bench/lib/bench-data.ts).
-- No Idempotency-Key is sent by the HTTP load either, so its two statements are left out here too.
\set centre random(1, :centres)
\set service random(1, :services)
BEGIN;
-- The service lookup (catalogRepository.serviceOfCentre), joined to the bench's lookup table.
SELECT s.id AS service_id, s.prefix, b.centre_id, b.kiosk_id
  FROM bench_issue_choices b
  JOIN centre_services cs ON cs.centre_id = b.centre_id AND cs.service_id = b.service_id
  JOIN services s ON s.id = cs.service_id
  WHERE b.centre_no = :centre AND b.service_no = :service
\gset
-- The day's next number for the prefix (nextNumber).
INSERT INTO ticket_numbers (centre_id, service_day, prefix, last)
  VALUES (:centre_id, (now() AT TIME ZONE 'Asia/Baku')::date, :prefix, 1)
  ON CONFLICT (centre_id, service_day, prefix) DO UPDATE SET last = ticket_numbers.last + 1
  RETURNING last AS number
\gset
-- The ticket itself, returned whole as the server does (insert … RETURNING *).
INSERT INTO tickets (public_id, centre_id, service_id, service_day, prefix, number, code, priority,
                     language, issued_at, queued_at)
  VALUES (md5(random()::text || :client_id::text), :centre_id, :service_id,
          (now() AT TIME ZONE 'Asia/Baku')::date, :prefix, :number,
          :prefix::text || lpad(:number::text, 3, '0'), 'none', 'az', now(), now())
  RETURNING *
\gset ticket_
-- Its first event in the audit log (appendEvent).
INSERT INTO ticket_events (ticket_id, centre_id, at, action, from_status, to_status, service_id, device_id)
  VALUES (:ticket_id, :centre_id, now(), 'issue', NULL, 'waiting', :service_id, :kiosk_id);
COMMIT;
