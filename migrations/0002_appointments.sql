CREATE TABLE "appointment_slots" (
	"centre_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"start" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer NOT NULL,
	CONSTRAINT "appointment_slots_centre_id_service_id_start_pk" PRIMARY KEY("centre_id","service_id","start"),
	CONSTRAINT "appointment_slots_not_overfilled" CHECK ("appointment_slots"."booked" >= 0 AND "appointment_slots"."booked" <= "appointment_slots"."capacity")
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"centre_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"service_day" date NOT NULL,
	"start" timestamp with time zone NOT NULL,
	"end" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"language" text DEFAULT 'az' NOT NULL,
	"citizen_name" text,
	"citizen_phone" text,
	"citizen_pin" text,
	"ticket_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"checked_in_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	CONSTRAINT "appointments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "closed_dates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid,
	"date" date NOT NULL,
	"name" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid,
	"kind" text NOT NULL,
	"channel" text DEFAULT 'sms' NOT NULL,
	"recipient" text,
	"language" text NOT NULL,
	"body" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "centres" ADD COLUMN "booking_window_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "centres" ADD COLUMN "booking_lead_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "slot_minutes" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "slot_capacity" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "appointment_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closed_dates" ADD CONSTRAINT "closed_dates_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_centre_day_idx" ON "appointments" USING btree ("centre_id","service_day");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_one_per_phone_uq" ON "appointments" USING btree ("citizen_phone","service_id","service_day") WHERE "appointments"."status" IN ('booked', 'checked_in');--> statement-breakpoint
CREATE UNIQUE INDEX "closed_dates_uq" ON "closed_dates" USING btree ("date",coalesce("centre_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" USING btree ("next_attempt_at") WHERE "notifications"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_once_uq" ON "notifications" USING btree ("appointment_id","kind");--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_slots_positive" CHECK ("services"."slot_minutes" > 0 AND "services"."slot_capacity" >= 0);