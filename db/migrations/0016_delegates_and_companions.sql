CREATE TYPE "public"."deputy_proposal_status" AS ENUM('pending', 'accepted', 'refused');--> statement-breakpoint
CREATE TYPE "public"."deputy_source" AS ENUM('web', 'mail');--> statement-breakpoint
CREATE TABLE "deputy_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"honorific" text,
	"full_name" text NOT NULL,
	"positions" text[] DEFAULT '{}'::text[] NOT NULL,
	"organization" text,
	"email" text,
	"note" text,
	"source" "deputy_source" NOT NULL,
	"status" "deputy_proposal_status" DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"refusal_reason" text,
	"deputy_invitation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "companion_names" text[];--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "deputy_for_invitation_id" uuid;--> statement-breakpoint
ALTER TABLE "deputy_proposals" ADD CONSTRAINT "deputy_proposals_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputy_proposals" ADD CONSTRAINT "deputy_proposals_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputy_proposals" ADD CONSTRAINT "deputy_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputy_proposals" ADD CONSTRAINT "deputy_proposals_deputy_invitation_id_invitations_id_fk" FOREIGN KEY ("deputy_invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deputy_proposals_pending_idx" ON "deputy_proposals" USING btree ("invitation_id") WHERE "deputy_proposals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "deputy_proposals_event_idx" ON "deputy_proposals" USING btree ("event_id","status");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_deputy_for_invitation_id_invitations_id_fk" FOREIGN KEY ("deputy_for_invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;