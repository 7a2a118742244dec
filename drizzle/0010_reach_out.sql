CREATE TABLE "reach_out_acknowledgements" (
	"organization_id" uuid NOT NULL,
	"alert_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reach_out_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"residence_id" uuid,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"escalate_at" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "reach_out_availability" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reach_out_recipients" (
	"organization_id" uuid NOT NULL,
	"alert_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"circle" text NOT NULL,
	"alerted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reach_out_recipients_circle_check" CHECK ("reach_out_recipients"."circle" in ('house','escalation'))
);
--> statement-breakpoint
CREATE TABLE "reach_out_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"escalate_after_minutes" smallint DEFAULT 5 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reach_out_settings_minutes_check" CHECK ("reach_out_settings"."escalate_after_minutes" between 1 and 60)
);
--> statement-breakpoint
ALTER TABLE "reach_out_acknowledgements" ADD CONSTRAINT "reach_out_acknowledgements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reach_out_acknowledgements" ADD CONSTRAINT "reach_out_acknowledgements_alert_id_reach_out_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."reach_out_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reach_out_acknowledgements" ADD CONSTRAINT "reach_out_acknowledgements_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reach_out_alerts" ADD CONSTRAINT "reach_out_alerts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reach_out_alerts" ADD CONSTRAINT "reach_out_alerts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reach_out_alerts" ADD CONSTRAINT "reach_out_alerts_residence_id_residences_id_fk" FOREIGN KEY ("residence_id") REFERENCES "public"."residences"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reach_out_alerts" ADD CONSTRAINT "reach_out_alerts_closed_by_people_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reach_out_availability" ADD CONSTRAINT "reach_out_availability_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reach_out_availability" ADD CONSTRAINT "reach_out_availability_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reach_out_recipients" ADD CONSTRAINT "reach_out_recipients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reach_out_recipients" ADD CONSTRAINT "reach_out_recipients_alert_id_reach_out_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."reach_out_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reach_out_recipients" ADD CONSTRAINT "reach_out_recipients_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reach_out_settings" ADD CONSTRAINT "reach_out_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reach_out_acknowledgements_key" ON "reach_out_acknowledgements" USING btree ("organization_id","alert_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reach_out_alerts_person_key" ON "reach_out_alerts" USING btree ("organization_id","person_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "reach_out_alerts_org_residence_idx" ON "reach_out_alerts" USING btree ("organization_id","residence_id","created_at");--> statement-breakpoint
CREATE INDEX "reach_out_alerts_org_person_idx" ON "reach_out_alerts" USING btree ("organization_id","person_id","created_at");--> statement-breakpoint
CREATE INDEX "reach_out_alerts_due_idx" ON "reach_out_alerts" USING btree ("escalate_at") WHERE "reach_out_alerts"."escalated_at" is null and "reach_out_alerts"."acknowledged_at" is null and "reach_out_alerts"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "reach_out_availability_org_idx" ON "reach_out_availability" USING btree ("organization_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reach_out_recipients_key" ON "reach_out_recipients" USING btree ("organization_id","alert_id","person_id");--> statement-breakpoint
CREATE INDEX "reach_out_recipients_person_idx" ON "reach_out_recipients" USING btree ("organization_id","person_id","alerted_at");