ALTER TABLE "organizations" ADD COLUMN "meeting_area" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "outside_meetings" ADD COLUMN "approximate" boolean DEFAULT false NOT NULL;