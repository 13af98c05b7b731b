ALTER TABLE "tickets" ADD COLUMN "quoted_wait_minutes" integer;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "quoted_wait_low" integer;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "quoted_wait_high" integer;