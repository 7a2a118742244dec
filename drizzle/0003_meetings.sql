CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"residence_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text DEFAULT 'problem' NOT NULL,
	"title" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"anonymous" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"commitment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_items_kind_check" CHECK ("agenda_items"."kind" in ('problem','business','chores','celebrations','follow_up'))
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"person_id" uuid,
	"residence_id" uuid,
	"owner_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_scope_check" CHECK ("calendar_feeds"."scope" in ('person','residence'))
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"residence_id" uuid NOT NULL,
	"meeting_id" uuid,
	"agenda_item_id" uuid,
	"helper_id" uuid NOT NULL,
	"helped_id" uuid,
	"description" text NOT NULL,
	"support_kind" text NOT NULL,
	"due_on" date,
	"done_at" timestamp with time zone,
	"done_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitments_kind_check" CHECK ("commitments"."support_kind" in ('emotional','informational','instrumental','affiliational'))
);
--> statement-breakpoint
CREATE TABLE "house_meeting_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"residence_id" uuid NOT NULL,
	"title" text NOT NULL,
	"rrule" text NOT NULL,
	"starts_on" date NOT NULL,
	"start_time" text NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"time_zone" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "house_meeting_series_time_check" CHECK ("house_meeting_series"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "house_meeting_series_duration_check" CHECK ("house_meeting_series"."duration_minutes" between 5 and 600)
);
--> statement-breakpoint
CREATE TABLE "house_meeting_settings" (
	"residence_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"quorum" smallint,
	"weekly_outside_goal" smallint,
	"reminder_minutes" integer DEFAULT 120 NOT NULL,
	"decides_by_vote" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "house_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"residence_id" uuid NOT NULL,
	"series_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"local_date" date NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'upcoming' NOT NULL,
	"chair_id" uuid,
	"secretary_id" uuid,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "house_meetings_kind_check" CHECK ("house_meetings"."kind" in ('regular','one_off','emergency')),
	CONSTRAINT "house_meetings_state_check" CHECK ("house_meetings"."state" in ('upcoming','in_progress','closed','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"organization_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"marked_by" uuid,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendance_status_check" CHECK ("meeting_attendance"."status" in ('present','excused','absent'))
);
--> statement-breakpoint
CREATE TABLE "motions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"text" text NOT NULL,
	"moved_by" uuid,
	"state" text DEFAULT 'open' NOT NULL,
	"result" text,
	"votes_for" smallint,
	"votes_against" smallint,
	"abstentions" smallint,
	"present_count" smallint,
	"quorum" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "motions_state_check" CHECK ("motions"."state" in ('open','closed'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outside_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"outside_meeting_id" uuid,
	"name" text NOT NULL,
	"attended_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outside_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"days" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"time" text,
	"end_time" text,
	"time_zone" text NOT NULL,
	"types" text[] DEFAULT '{}'::text[] NOT NULL,
	"fellowship" text DEFAULT 'other' NOT NULL,
	"program_focus" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"location_notes" text DEFAULT '' NOT NULL,
	"formatted_address" text DEFAULT '' NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"conference_url" text,
	"conference_url_notes" text,
	"conference_phone" text,
	"conference_phone_notes" text,
	"group_name" text,
	"url" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'local' NOT NULL,
	"source_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"residence_id" uuid,
	"giver_id" uuid NOT NULL,
	"receiver_id" uuid,
	"support_kind" text NOT NULL,
	"source" text NOT NULL,
	"commitment_id" uuid,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_ledger_kind_check" CHECK ("support_ledger"."support_kind" in ('emotional','informational','instrumental','affiliational'))
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"organization_id" uuid NOT NULL,
	"motion_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "votes_choice_check" CHECK ("votes"."choice" in ('for','against','abstain'))
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_residence_id_residences_id_fk" FOREIGN KEY ("residence_id") REFERENCES "public"."residences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_house_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."house_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_residence_id_residences_id_fk" FOREIGN KEY ("residence_id") REFERENCES "public"."residences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_residence_id_residences_id_fk" FOREIGN KEY ("residence_id") REFERENCES "public"."residences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_meeting_id_house_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."house_meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_helper_id_people_id_fk" FOREIGN KEY ("helper_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_helped_id_people_id_fk" FOREIGN KEY ("helped_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_meeting_series" ADD CONSTRAINT "house_meeting_series_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_meeting_series" ADD CONSTRAINT "house_meeting_series_residence_id_residences_id_fk" FOREIGN KEY ("residence_id") REFERENCES "public"."residences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_meeting_series" ADD CONSTRAINT "house_meeting_series_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_meeting_settings" ADD CONSTRAINT "house_meeting_settings_residence_id_residences_id_fk" FOREIGN KEY ("residence_id") REFERENCES "public"."residences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_meeting_settings" ADD CONSTRAINT "house_meeting_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_meetings" ADD CONSTRAINT "house_meetings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_meetings" ADD CONSTRAINT "house_meetings_residence_id_residences_id_fk" FOREIGN KEY ("residence_id") REFERENCES "public"."residences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_meetings" ADD CONSTRAINT "house_meetings_series_id_house_meeting_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."house_meeting_series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_meetings" ADD CONSTRAINT "house_meetings_chair_id_people_id_fk" FOREIGN KEY ("chair_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_meetings" ADD CONSTRAINT "house_meetings_secretary_id_people_id_fk" FOREIGN KEY ("secretary_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_meetings" ADD CONSTRAINT "house_meetings_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_house_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."house_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_marked_by_people_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_meeting_id_house_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."house_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_moved_by_people_id_fk" FOREIGN KEY ("moved_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outside_attendance" ADD CONSTRAINT "outside_attendance_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outside_attendance" ADD CONSTRAINT "outside_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outside_attendance" ADD CONSTRAINT "outside_attendance_outside_meeting_id_outside_meetings_id_fk" FOREIGN KEY ("outside_meeting_id") REFERENCES "public"."outside_meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outside_meetings" ADD CONSTRAINT "outside_meetings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_ledger" ADD CONSTRAINT "support_ledger_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_ledger" ADD CONSTRAINT "support_ledger_residence_id_residences_id_fk" FOREIGN KEY ("residence_id") REFERENCES "public"."residences"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_ledger" ADD CONSTRAINT "support_ledger_giver_id_people_id_fk" FOREIGN KEY ("giver_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_ledger" ADD CONSTRAINT "support_ledger_receiver_id_people_id_fk" FOREIGN KEY ("receiver_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_ledger" ADD CONSTRAINT "support_ledger_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_motion_id_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."motions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_items_org_meeting_idx" ON "agenda_items" USING btree ("organization_id","meeting_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_org_owner_idx" ON "calendar_feeds" USING btree ("organization_id","owner_id");--> statement-breakpoint
CREATE INDEX "commitments_org_helper_idx" ON "commitments" USING btree ("organization_id","helper_id","done_at");--> statement-breakpoint
CREATE INDEX "commitments_org_residence_idx" ON "commitments" USING btree ("organization_id","residence_id","done_at");--> statement-breakpoint
CREATE INDEX "house_meeting_series_org_residence_idx" ON "house_meeting_series" USING btree ("organization_id","residence_id");--> statement-breakpoint
CREATE INDEX "house_meetings_org_residence_idx" ON "house_meetings" USING btree ("organization_id","residence_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "house_meetings_series_day_key" ON "house_meetings" USING btree ("series_id","local_date") WHERE "house_meetings"."series_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendance_key" ON "meeting_attendance" USING btree ("meeting_id","person_id");--> statement-breakpoint
CREATE INDEX "meeting_attendance_org_person_idx" ON "meeting_attendance" USING btree ("organization_id","person_id");--> statement-breakpoint
CREATE INDEX "motions_org_meeting_idx" ON "motions" USING btree ("organization_id","meeting_id");--> statement-breakpoint
CREATE INDEX "notifications_org_person_idx" ON "notifications" USING btree ("organization_id","person_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_person_dedupe_key" ON "notifications" USING btree ("person_id","dedupe_key") WHERE "notifications"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX "outside_attendance_org_person_idx" ON "outside_attendance" USING btree ("organization_id","person_id","attended_on");--> statement-breakpoint
CREATE UNIQUE INDEX "outside_meetings_org_slug_key" ON "outside_meetings" USING btree ("organization_id","slug");--> statement-breakpoint
CREATE INDEX "outside_meetings_org_public_idx" ON "outside_meetings" USING btree ("organization_id","is_public");--> statement-breakpoint
CREATE INDEX "support_ledger_org_giver_idx" ON "support_ledger" USING btree ("organization_id","giver_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "support_ledger_commitment_key" ON "support_ledger" USING btree ("commitment_id") WHERE "support_ledger"."commitment_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "votes_motion_person_key" ON "votes" USING btree ("motion_id","person_id");