CREATE TABLE "centre_services" (
	"centre_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "centre_services_centre_id_service_id_pk" PRIMARY KEY("centre_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"timezone" text NOT NULL,
	"opening_hours" jsonb NOT NULL,
	"policy" jsonb NOT NULL,
	"display_message" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "centres_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"label" text NOT NULL,
	"zone" text DEFAULT 'main' NOT NULL,
	"status" text DEFAULT 'closed' NOT NULL,
	"user_id" uuid,
	"service_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"break_reason" text,
	"status_since" timestamp with time zone,
	CONSTRAINT "counters_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "counters_staffed_when_open" CHECK (("counters"."status" = 'closed') = ("counters"."user_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "devices_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"principal" text NOT NULL,
	"key" text NOT NULL,
	"ticket_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_principal_key_pk" PRIMARY KEY("principal","key")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"prefix" text NOT NULL,
	"name" jsonb NOT NULL,
	"category" text NOT NULL,
	"handling_minutes" integer NOT NULL,
	"target_wait_minutes" integer NOT NULL,
	"appointment_enabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_code_unique" UNIQUE("code"),
	CONSTRAINT "services_prefix_letter" CHECK ("services"."prefix" ~ '^[A-Z]$'),
	CONSTRAINT "services_handling_positive" CHECK ("services"."handling_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"service_id" uuid NOT NULL,
	"counter_id" uuid,
	"user_id" uuid,
	"device_id" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "ticket_numbers" (
	"centre_id" uuid NOT NULL,
	"service_day" date NOT NULL,
	"prefix" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "ticket_numbers_centre_id_service_day_prefix_pk" PRIMARY KEY("centre_id","service_day","prefix")
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"public_id" text NOT NULL,
	"centre_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"service_day" date NOT NULL,
	"prefix" text NOT NULL,
	"number" integer NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"priority" text DEFAULT 'none' NOT NULL,
	"language" text DEFAULT 'az' NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"appointment_at" timestamp with time zone,
	"called_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"counter_id" uuid,
	"call_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "tickets_public_id_unique" UNIQUE("public_id"),
	CONSTRAINT "tickets_counter_when_at_counter" CHECK ("tickets"."status" NOT IN ('called', 'serving') OR "tickets"."counter_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"centre_id" uuid,
	"password_hash" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"last_service_ids" uuid[],
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_centre_by_role" CHECK (("users"."role" = 'admin') = ("users"."centre_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "centre_services" ADD CONSTRAINT "centre_services_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_services" ADD CONSTRAINT "centre_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "counters_centre_label_uq" ON "counters" USING btree ("centre_id","label");--> statement-breakpoint
CREATE INDEX "devices_centre_idx" ON "devices" USING btree ("centre_id");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "ticket_events_centre_at_idx" ON "ticket_events" USING btree ("centre_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_number_uq" ON "tickets" USING btree ("centre_id","service_day","prefix","number");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_one_per_counter_uq" ON "tickets" USING btree ("counter_id") WHERE "tickets"."status" IN ('called', 'serving');--> statement-breakpoint
CREATE INDEX "tickets_waiting_idx" ON "tickets" USING btree ("centre_id","service_id","queued_at") WHERE "tickets"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "tickets_centre_day_idx" ON "tickets" USING btree ("centre_id","service_day");