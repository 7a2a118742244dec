CREATE TABLE "signal_views" (
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"residence_id" uuid NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "signal_views_organization_id_person_id_residence_id_pk" PRIMARY KEY("organization_id","person_id","residence_id")
);
--> statement-breakpoint
ALTER TABLE "signal_views" ADD CONSTRAINT "signal_views_person_fk" FOREIGN KEY ("organization_id","person_id") REFERENCES "public"."people"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_views" ADD CONSTRAINT "signal_views_residence_fk" FOREIGN KEY ("organization_id","residence_id") REFERENCES "public"."residences"("organization_id","id") ON DELETE cascade ON UPDATE no action;