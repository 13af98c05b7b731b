ALTER TABLE "notifications" ADD COLUMN "lease_token" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "lease_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "delivery_status" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "delivery_error" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "delivery_reported_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "notifications_lease_idx" ON "notifications" USING btree ("lease_expires_at") WHERE "notifications"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "notifications_provider_id_idx" ON "notifications" USING btree ("provider_message_id") WHERE "notifications"."provider_message_id" IS NOT NULL;