-- Hourly aggregates kept up to date in the same transaction as every ticket event, so reports over
-- years of history read a few thousand rows instead of scanning millions of tickets.
-- Wait bins: width_bucket over the edges in minutes; keep in step with WAIT_BIN_EDGES_MINUTES in shared.
CREATE FUNCTION record_ticket_event_stats() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  local_at timestamp;
  since timestamptz;
  wait_s double precision;
  served_s double precision;
  target_s integer;
  bin integer;
  within integer := 0;
  staff_counter uuid := coalesce(NEW.counter_id, '00000000-0000-0000-0000-000000000000');
  staff_user uuid := coalesce(NEW.user_id, '00000000-0000-0000-0000-000000000000');
BEGIN
  IF NEW.action NOT IN ('issue', 'check_in', 'call', 'complete', 'noShow', 'cancel', 'expire') THEN
    RETURN NEW;
  END IF;
  SELECT c.timezone INTO tz FROM centres c WHERE c.id = NEW.centre_id;
  local_at := NEW.at AT TIME ZONE tz;

  IF NEW.action = 'call' THEN
    -- Waited since the ticket last joined a queue: its issue, or a transfer.
    SELECT max(e.at) INTO since FROM ticket_events e
      WHERE e.ticket_id = NEW.ticket_id AND e.to_status = 'waiting' AND e.id < NEW.id;
    wait_s := greatest(0, extract(epoch FROM NEW.at - since));
    SELECT s.target_wait_minutes * 60 INTO target_s FROM services s WHERE s.id = NEW.service_id;
    within := (wait_s <= target_s)::int;
    bin := width_bucket(wait_s / 60, ARRAY[5, 10, 15, 20, 30, 45, 60, 90, 120, 180]::float8[]);
  ELSIF NEW.action = 'complete' THEN
    SELECT max(e.at) INTO since FROM ticket_events e
      WHERE e.ticket_id = NEW.ticket_id AND e.action = 'start' AND e.id < NEW.id;
    IF since IS NOT NULL THEN
      served_s := greatest(0, extract(epoch FROM NEW.at - since));
    END IF;
  END IF;

  INSERT INTO hourly_service_stats AS h (
    centre_id, day, hour, service_id, issued, called, served, no_shows, cancelled, expired,
    wait_count, wait_seconds, within_target, service_count, service_seconds, appointments_kept,
    wait_bin_0, wait_bin_1, wait_bin_2, wait_bin_3, wait_bin_4, wait_bin_5, wait_bin_6, wait_bin_7, wait_bin_8, wait_bin_9, wait_bin_10
  ) VALUES (
    NEW.centre_id, local_at::date, extract(hour FROM local_at)::int, NEW.service_id,
    (NEW.action IN ('issue', 'check_in'))::int, (NEW.action = 'call')::int, (NEW.action = 'complete')::int,
    (NEW.action = 'noShow')::int, (NEW.action = 'cancel')::int, (NEW.action = 'expire')::int,
    (wait_s IS NOT NULL)::int, coalesce(wait_s, 0), within,
    (served_s IS NOT NULL)::int, coalesce(served_s, 0), (NEW.action = 'check_in')::int,
    coalesce((bin = 0)::int, 0),
    coalesce((bin = 1)::int, 0),
    coalesce((bin = 2)::int, 0),
    coalesce((bin = 3)::int, 0),
    coalesce((bin = 4)::int, 0),
    coalesce((bin = 5)::int, 0),
    coalesce((bin = 6)::int, 0),
    coalesce((bin = 7)::int, 0),
    coalesce((bin = 8)::int, 0),
    coalesce((bin = 9)::int, 0),
    coalesce((bin = 10)::int, 0)
  )
  ON CONFLICT (centre_id, day, hour, service_id) DO UPDATE SET
    issued = h.issued + EXCLUDED.issued,
    called = h.called + EXCLUDED.called,
    served = h.served + EXCLUDED.served,
    no_shows = h.no_shows + EXCLUDED.no_shows,
    cancelled = h.cancelled + EXCLUDED.cancelled,
    expired = h.expired + EXCLUDED.expired,
    wait_count = h.wait_count + EXCLUDED.wait_count,
    wait_seconds = h.wait_seconds + EXCLUDED.wait_seconds,
    within_target = h.within_target + EXCLUDED.within_target,
    service_count = h.service_count + EXCLUDED.service_count,
    service_seconds = h.service_seconds + EXCLUDED.service_seconds,
    appointments_kept = h.appointments_kept + EXCLUDED.appointments_kept,
    wait_bin_0 = h.wait_bin_0 + EXCLUDED.wait_bin_0,
    wait_bin_1 = h.wait_bin_1 + EXCLUDED.wait_bin_1,
    wait_bin_2 = h.wait_bin_2 + EXCLUDED.wait_bin_2,
    wait_bin_3 = h.wait_bin_3 + EXCLUDED.wait_bin_3,
    wait_bin_4 = h.wait_bin_4 + EXCLUDED.wait_bin_4,
    wait_bin_5 = h.wait_bin_5 + EXCLUDED.wait_bin_5,
    wait_bin_6 = h.wait_bin_6 + EXCLUDED.wait_bin_6,
    wait_bin_7 = h.wait_bin_7 + EXCLUDED.wait_bin_7,
    wait_bin_8 = h.wait_bin_8 + EXCLUDED.wait_bin_8,
    wait_bin_9 = h.wait_bin_9 + EXCLUDED.wait_bin_9,
    wait_bin_10 = h.wait_bin_10 + EXCLUDED.wait_bin_10;

  IF NEW.action IN ('call', 'complete', 'noShow') THEN
    INSERT INTO daily_staff_stats AS d (
      centre_id, day, counter_id, user_id, called, served, no_shows,
      wait_count, wait_seconds, within_target, service_count, service_seconds,
      wait_bin_0, wait_bin_1, wait_bin_2, wait_bin_3, wait_bin_4, wait_bin_5, wait_bin_6, wait_bin_7, wait_bin_8, wait_bin_9, wait_bin_10
    ) VALUES (
      NEW.centre_id, local_at::date, staff_counter, staff_user,
      (NEW.action = 'call')::int, (NEW.action = 'complete')::int, (NEW.action = 'noShow')::int,
      (wait_s IS NOT NULL)::int, coalesce(wait_s, 0), within,
      (served_s IS NOT NULL)::int, coalesce(served_s, 0),
      coalesce((bin = 0)::int, 0),
    coalesce((bin = 1)::int, 0),
    coalesce((bin = 2)::int, 0),
    coalesce((bin = 3)::int, 0),
    coalesce((bin = 4)::int, 0),
    coalesce((bin = 5)::int, 0),
    coalesce((bin = 6)::int, 0),
    coalesce((bin = 7)::int, 0),
    coalesce((bin = 8)::int, 0),
    coalesce((bin = 9)::int, 0),
    coalesce((bin = 10)::int, 0)
    )
    ON CONFLICT (centre_id, day, counter_id, user_id) DO UPDATE SET
      called = d.called + EXCLUDED.called,
      served = d.served + EXCLUDED.served,
      no_shows = d.no_shows + EXCLUDED.no_shows,
      wait_count = d.wait_count + EXCLUDED.wait_count,
      wait_seconds = d.wait_seconds + EXCLUDED.wait_seconds,
      within_target = d.within_target + EXCLUDED.within_target,
      service_count = d.service_count + EXCLUDED.service_count,
      service_seconds = d.service_seconds + EXCLUDED.service_seconds,
      wait_bin_0 = d.wait_bin_0 + EXCLUDED.wait_bin_0,
      wait_bin_1 = d.wait_bin_1 + EXCLUDED.wait_bin_1,
      wait_bin_2 = d.wait_bin_2 + EXCLUDED.wait_bin_2,
      wait_bin_3 = d.wait_bin_3 + EXCLUDED.wait_bin_3,
      wait_bin_4 = d.wait_bin_4 + EXCLUDED.wait_bin_4,
      wait_bin_5 = d.wait_bin_5 + EXCLUDED.wait_bin_5,
      wait_bin_6 = d.wait_bin_6 + EXCLUDED.wait_bin_6,
      wait_bin_7 = d.wait_bin_7 + EXCLUDED.wait_bin_7,
      wait_bin_8 = d.wait_bin_8 + EXCLUDED.wait_bin_8,
      wait_bin_9 = d.wait_bin_9 + EXCLUDED.wait_bin_9,
      wait_bin_10 = d.wait_bin_10 + EXCLUDED.wait_bin_10;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ticket_events_stats
  AFTER INSERT ON ticket_events
  FOR EACH ROW EXECUTE FUNCTION record_ticket_event_stats();
--> statement-breakpoint
-- An appointment nobody checked in for counts as missed in the hour it was booked for.
CREATE FUNCTION record_missed_appointment() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  local_at timestamp;
BEGIN
  SELECT NEW.start AT TIME ZONE c.timezone INTO local_at FROM centres c WHERE c.id = NEW.centre_id;
  INSERT INTO hourly_service_stats AS h (centre_id, day, hour, service_id, appointments_missed)
  VALUES (NEW.centre_id, local_at::date, extract(hour FROM local_at)::int, NEW.service_id, 1)
  ON CONFLICT (centre_id, day, hour, service_id) DO UPDATE SET appointments_missed = h.appointments_missed + 1;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER appointments_missed_stats
  AFTER UPDATE OF status ON appointments
  FOR EACH ROW WHEN (OLD.status = 'booked' AND NEW.status = 'no_show')
  EXECUTE FUNCTION record_missed_appointment();
