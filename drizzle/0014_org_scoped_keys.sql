-- Rows of one organization point at its people and houses by (organization_id, id): the person or house
-- must be of the same organization, and a new check-in or signal no longer locks the organization's row.
CREATE UNIQUE INDEX "people_org_id_key" ON "people" USING btree ("organization_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "residences_org_id_key" ON "residences" USING btree ("organization_id","id");
--> statement-breakpoint
ALTER TABLE "check_ins" DROP CONSTRAINT "check_ins_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "check_ins" DROP CONSTRAINT "check_ins_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "signals" DROP CONSTRAINT "signals_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "signals" DROP CONSTRAINT "signals_residence_id_residences_id_fk";
--> statement-breakpoint
ALTER TABLE "signals" DROP CONSTRAINT "signals_person_id_people_id_fk";
--> statement-breakpoint
DROP INDEX "people_org_idx";
--> statement-breakpoint
DROP INDEX "residences_org_idx";
--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_person_fk" FOREIGN KEY ("organization_id","person_id") REFERENCES "public"."people"("organization_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_person_fk" FOREIGN KEY ("organization_id","person_id") REFERENCES "public"."people"("organization_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_residence_fk" FOREIGN KEY ("organization_id","residence_id") REFERENCES "public"."residences"("organization_id","id") ON DELETE no action ON UPDATE no action;
