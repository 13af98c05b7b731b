CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_device_id" uuid,
	"actor_name" text NOT NULL,
	"address" text,
	"centre_id" uuid,
	"kind" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"before" jsonb,
	"after" jsonb,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "device_pairing_codes" (
	"device_id" uuid PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_pairing_codes_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
ALTER TABLE "services" DROP CONSTRAINT "services_prefix_letter";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_centre_by_role";--> statement-breakpoint
ALTER TABLE "centre_services" ADD COLUMN "prefix" text;--> statement-breakpoint
-- Each centre's prefix starts as the catalogue's.
UPDATE "centre_services" cs SET "prefix" = s."prefix" FROM "services" s WHERE s."id" = cs."service_id";--> statement-breakpoint
ALTER TABLE "centre_services" ALTER COLUMN "prefix" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "centre_services" ADD COLUMN "slot_capacity" integer;--> statement-breakpoint
ALTER TABLE "centre_services" ADD COLUMN "target_wait_minutes" integer;--> statement-breakpoint
ALTER TABLE "centres" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "documents" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "counter_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "counters" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "device_pairing_codes" ADD CONSTRAINT "device_pairing_codes_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_centre_idx" ON "audit_events" USING btree ("centre_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_kind_idx" ON "audit_events" USING btree ("kind","id");--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "centre_services_prefix_uq" ON "centre_services" USING btree ("centre_id","prefix");--> statement-breakpoint
ALTER TABLE "centre_services" ADD CONSTRAINT "centre_services_prefix_letters" CHECK ("centre_services"."prefix" ~ '^[A-Z]{1,3}$');--> statement-breakpoint
ALTER TABLE "centre_services" ADD CONSTRAINT "centre_services_overrides_range" CHECK (("centre_services"."slot_capacity" IS NULL OR "centre_services"."slot_capacity" >= 0) AND ("centre_services"."target_wait_minutes" IS NULL OR "centre_services"."target_wait_minutes" > 0));--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_prefix_letters" CHECK ("services"."prefix" ~ '^[A-Z]{1,3}$');--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_counter_by_kind" CHECK (("devices"."kind" = 'feedback') = ("devices"."counter_id" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_centre_by_role" CHECK (("users"."role" IN ('admin', 'viewer')) = ("users"."centre_id" IS NULL));--> statement-breakpoint
-- The audit trail is append-only, like ticket_events.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
-- Service level against the centre's own target wait where it overrides the catalogue's.
CREATE OR REPLACE FUNCTION record_ticket_event_stats() RETURNS trigger LANGUAGE plpgsql AS $$
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
    -- The centre's own target when it set one, else the catalogue's.
    SELECT coalesce(cs.target_wait_minutes, s.target_wait_minutes) * 60 INTO target_s
      FROM services s LEFT JOIN centre_services cs ON cs.service_id = s.id AND cs.centre_id = NEW.centre_id
      WHERE s.id = NEW.service_id;
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
