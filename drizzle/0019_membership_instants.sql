ALTER TABLE "memberships" ADD COLUMN "starts_at" timestamp with time zone DEFAULT 'infinity' NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "ends_at" timestamp with time zone;