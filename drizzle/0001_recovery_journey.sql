CREATE TABLE "barc10_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"answers" smallint[] NOT NULL,
	"total" smallint NOT NULL,
	"local_date" date NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "barc10_total_check" CHECK ("barc10_assessments"."total" between 10 and 60),
	CONSTRAINT "barc10_answers_check" CHECK (cardinality("barc10_assessments"."answers") = 10)
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"mood" smallint NOT NULL,
	"craving" smallint NOT NULL,
	"sleep_hours" real,
	"triggers" text[] DEFAULT '{}'::text[] NOT NULL,
	"trigger_other" text,
	"gratitude" text,
	"intention" text,
	"wants_support" boolean DEFAULT false NOT NULL,
	"support_kind" text,
	"reflection" text,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_mood_check" CHECK ("check_ins"."mood" between 1 and 5),
	CONSTRAINT "check_ins_craving_check" CHECK ("check_ins"."craving" between 0 and 10),
	CONSTRAINT "check_ins_sleep_check" CHECK ("check_ins"."sleep_hours" is null or ("check_ins"."sleep_hours" >= 0 and "check_ins"."sleep_hours" <= 24))
);
--> statement-breakpoint
CREATE TABLE "congratulations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"milestone_event_id" uuid NOT NULL,
	"from_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestone_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"clock_id" uuid NOT NULL,
	"stretch_id" uuid NOT NULL,
	"milestone" text NOT NULL,
	"reached_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"craving_threshold" smallint DEFAULT 8 NOT NULL,
	"low_mood_threshold" smallint DEFAULT 1 NOT NULL,
	"silence_days" smallint DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_clocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"visible_to" text DEFAULT 'peer_leader' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recovery_stretches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"clock_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recovery_stretches_period_check" CHECK ("recovery_stretches"."ends_on" is null or "recovery_stretches"."ends_on" >= "recovery_stretches"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "signals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"residence_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"local_date" date NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledgement" text
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "stage_visible_to" text DEFAULT 'only_me' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "barc10_assessments" ADD CONSTRAINT "barc10_assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barc10_assessments" ADD CONSTRAINT "barc10_assessments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congratulations" ADD CONSTRAINT "congratulations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congratulations" ADD CONSTRAINT "congratulations_milestone_event_id_milestone_events_id_fk" FOREIGN KEY ("milestone_event_id") REFERENCES "public"."milestone_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congratulations" ADD CONSTRAINT "congratulations_from_person_id_people_id_fk" FOREIGN KEY ("from_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_events" ADD CONSTRAINT "milestone_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_events" ADD CONSTRAINT "milestone_events_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_events" ADD CONSTRAINT "milestone_events_clock_id_recovery_clocks_id_fk" FOREIGN KEY ("clock_id") REFERENCES "public"."recovery_clocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_events" ADD CONSTRAINT "milestone_events_stretch_id_recovery_stretches_id_fk" FOREIGN KEY ("stretch_id") REFERENCES "public"."recovery_stretches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_settings" ADD CONSTRAINT "organization_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_clocks" ADD CONSTRAINT "recovery_clocks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_clocks" ADD CONSTRAINT "recovery_clocks_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_stretches" ADD CONSTRAINT "recovery_stretches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_stretches" ADD CONSTRAINT "recovery_stretches_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_stretches" ADD CONSTRAINT "recovery_stretches_clock_id_recovery_clocks_id_fk" FOREIGN KEY ("clock_id") REFERENCES "public"."recovery_clocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_residence_id_residences_id_fk" FOREIGN KEY ("residence_id") REFERENCES "public"."residences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_acknowledged_by_people_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "barc10_org_person_idx" ON "barc10_assessments" USING btree ("organization_id","person_id","completed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_person_day_key" ON "check_ins" USING btree ("organization_id","person_id","local_date");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_idempotency_key" ON "check_ins" USING btree ("organization_id","person_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "congratulations_key" ON "congratulations" USING btree ("organization_id","milestone_event_id","from_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_events_stretch_key" ON "milestone_events" USING btree ("organization_id","stretch_id","milestone");--> statement-breakpoint
CREATE INDEX "milestone_events_org_person_idx" ON "milestone_events" USING btree ("organization_id","person_id");--> statement-breakpoint
CREATE INDEX "milestone_events_org_reached_idx" ON "milestone_events" USING btree ("organization_id","reached_on");--> statement-breakpoint
CREATE INDEX "recovery_clocks_org_person_idx" ON "recovery_clocks" USING btree ("organization_id","person_id");--> statement-breakpoint
CREATE INDEX "recovery_stretches_org_person_idx" ON "recovery_stretches" USING btree ("organization_id","person_id");--> statement-breakpoint
CREATE INDEX "recovery_stretches_org_clock_idx" ON "recovery_stretches" USING btree ("organization_id","clock_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signals_person_kind_day_key" ON "signals" USING btree ("organization_id","person_id","kind","local_date");--> statement-breakpoint
CREATE INDEX "signals_org_residence_idx" ON "signals" USING btree ("organization_id","residence_id","raised_at");