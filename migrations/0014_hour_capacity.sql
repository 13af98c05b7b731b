CREATE TABLE "service_hour_capacities" (
	"centre_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"hour" integer NOT NULL,
	"capacity" integer NOT NULL,
	CONSTRAINT "service_hour_capacities_centre_id_service_id_hour_pk" PRIMARY KEY("centre_id","service_id","hour"),
	CONSTRAINT "service_hour_capacities_range" CHECK ("service_hour_capacities"."hour" >= 0 AND "service_hour_capacities"."hour" <= 23 AND "service_hour_capacities"."capacity" >= 0)
);
--> statement-breakpoint
ALTER TABLE "service_hour_capacities" ADD CONSTRAINT "service_hour_capacities_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_hour_capacities" ADD CONSTRAINT "service_hour_capacities_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;