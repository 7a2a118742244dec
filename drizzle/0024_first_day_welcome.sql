ALTER TABLE "people" ADD COLUMN "welcomed_at" timestamp with time zone;--> statement-breakpoint
-- Everyone already here has found their way: the first-day welcome is for people who join from now on.
UPDATE "people" SET "welcomed_at" = "created_at";
