CREATE TABLE "support_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"residence_id" uuid,
	"type" text NOT NULL,
	"support_kind" text NOT NULL,
	"body" text NOT NULL,
	"audience" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "support_requests_type_check" CHECK ("support_requests"."type" in ('request','offer')),
	CONSTRAINT "support_requests_kind_check" CHECK ("support_requests"."support_kind" in ('emotional','informational','instrumental','affiliational')),
	CONSTRAINT "support_requests_audience_check" CHECK ("support_requests"."audience" in ('house','program','organization','alumni')),
	CONSTRAINT "support_requests_state_check" CHECK ("support_requests"."state" in ('open','offered','accepted','done','withdrawn','expired'))
);
--> statement-breakpoint
CREATE TABLE "support_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"responder_id" uuid NOT NULL,
	"note" text,
	"state" text DEFAULT 'offered' NOT NULL,
	"conversation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"helped_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "support_responses_state_check" CHECK ("support_responses"."state" in ('offered','accepted','withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "support_ledger" ADD COLUMN "support_request_id" uuid;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_residence_id_residences_id_fk" FOREIGN KEY ("residence_id") REFERENCES "public"."residences"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_responses" ADD CONSTRAINT "support_responses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_responses" ADD CONSTRAINT "support_responses_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_responses" ADD CONSTRAINT "support_responses_responder_id_people_id_fk" FOREIGN KEY ("responder_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_requests_org_state_idx" ON "support_requests" USING btree ("organization_id","state","created_at");--> statement-breakpoint
CREATE INDEX "support_requests_org_author_idx" ON "support_requests" USING btree ("organization_id","author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_requests_idempotency_key" ON "support_requests" USING btree ("author_id","idempotency_key") WHERE "support_requests"."idempotency_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "support_responses_request_responder_key" ON "support_responses" USING btree ("request_id","responder_id");--> statement-breakpoint
CREATE INDEX "support_responses_org_responder_idx" ON "support_responses" USING btree ("organization_id","responder_id");--> statement-breakpoint
ALTER TABLE "support_ledger" ADD CONSTRAINT "support_ledger_support_request_id_support_requests_id_fk" FOREIGN KEY ("support_request_id") REFERENCES "public"."support_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "support_ledger_request_key" ON "support_ledger" USING btree ("support_request_id","giver_id","receiver_id") WHERE "support_ledger"."support_request_id" is not null;