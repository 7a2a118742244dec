CREATE TABLE "mentorship_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentorships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"state" text DEFAULT 'proposed' NOT NULL,
	"conversation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "mentorships_state_check" CHECK ("mentorships"."state" in ('proposed','active','declined','ended')),
	CONSTRAINT "mentorships_people_check" CHECK ("mentorships"."mentee_id" <> "mentorships"."mentor_id")
);
--> statement-breakpoint
CREATE TABLE "peer_settings" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"skills_visible_to" text DEFAULT 'house' NOT NULL,
	"open_to_mentoring" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "peer_settings_visible_check" CHECK ("peer_settings"."skills_visible_to" in ('house','organization'))
);
--> statement-breakpoint
CREATE TABLE "skill_listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"skill" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"direction" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skill_listings_direction_check" CHECK ("skill_listings"."direction" in ('teach','learn')),
	CONSTRAINT "skill_listings_label_check" CHECK (("skill_listings"."skill" = 'other') = ("skill_listings"."label" <> ''))
);
--> statement-breakpoint
CREATE TABLE "skill_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"skill" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"teacher_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"proposed_by" uuid NOT NULL,
	"support_kind" text NOT NULL,
	"state" text DEFAULT 'proposed' NOT NULL,
	"planned_for" timestamp with time zone,
	"ledger_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"arranged_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "skill_sessions_state_check" CHECK ("skill_sessions"."state" in ('proposed','arranged','done','cancelled')),
	CONSTRAINT "skill_sessions_kind_check" CHECK ("skill_sessions"."support_kind" in ('instrumental','informational')),
	CONSTRAINT "skill_sessions_people_check" CHECK ("skill_sessions"."teacher_id" <> "skill_sessions"."learner_id")
);
--> statement-breakpoint
ALTER TABLE "mentorship_check_ins" ADD CONSTRAINT "mentorship_check_ins_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_check_ins" ADD CONSTRAINT "mentorship_check_ins_mentorship_id_mentorships_id_fk" FOREIGN KEY ("mentorship_id") REFERENCES "public"."mentorships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_check_ins" ADD CONSTRAINT "mentorship_check_ins_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_mentee_id_people_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_mentor_id_people_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_settings" ADD CONSTRAINT "peer_settings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_settings" ADD CONSTRAINT "peer_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_listings" ADD CONSTRAINT "skill_listings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_listings" ADD CONSTRAINT "skill_listings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_sessions" ADD CONSTRAINT "skill_sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_sessions" ADD CONSTRAINT "skill_sessions_teacher_id_people_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_sessions" ADD CONSTRAINT "skill_sessions_learner_id_people_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_sessions" ADD CONSTRAINT "skill_sessions_proposed_by_people_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_sessions" ADD CONSTRAINT "skill_sessions_ledger_entry_id_support_ledger_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."support_ledger"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentorship_check_ins_org_pair_idx" ON "mentorship_check_ins" USING btree ("organization_id","mentorship_id","created_at");--> statement-breakpoint
CREATE INDEX "mentorships_org_mentee_idx" ON "mentorships" USING btree ("organization_id","mentee_id");--> statement-breakpoint
CREATE INDEX "mentorships_org_mentor_idx" ON "mentorships" USING btree ("organization_id","mentor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorships_open_pair_key" ON "mentorships" USING btree ("mentee_id","mentor_id") WHERE "mentorships"."state" in ('proposed','active');--> statement-breakpoint
CREATE INDEX "peer_settings_org_idx" ON "peer_settings" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "skill_listings_org_skill_idx" ON "skill_listings" USING btree ("organization_id","skill","direction");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_listings_person_key" ON "skill_listings" USING btree ("person_id","skill",lower("label"),"direction");--> statement-breakpoint
CREATE INDEX "skill_sessions_org_teacher_idx" ON "skill_sessions" USING btree ("organization_id","teacher_id");--> statement-breakpoint
CREATE INDEX "skill_sessions_org_learner_idx" ON "skill_sessions" USING btree ("organization_id","learner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_sessions_ledger_key" ON "skill_sessions" USING btree ("ledger_entry_id") WHERE "skill_sessions"."ledger_entry_id" is not null;