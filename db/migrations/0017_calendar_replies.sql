CREATE TABLE "inbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"invitation_id" uuid,
	"from_address" text,
	"subject" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbound_messages_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "invitation_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invitation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"channel" text,
	"partstat" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"comment" text,
	"guests" integer,
	"delegated_to" text,
	"client" text,
	"message_id" text,
	"outcome" text NOT NULL,
	"applied" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "reply_token" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "bounced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "bounce_reason" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "bounced_email" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_replies" ADD CONSTRAINT "invitation_replies_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbound_messages_received_idx" ON "inbound_messages" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "invitation_replies_invitation_idx" ON "invitation_replies" USING btree ("invitation_id","answered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_reply_token_idx" ON "invitations" USING btree ("reply_token");--> statement-breakpoint
CREATE INDEX "invitations_bounced_email_idx" ON "invitations" USING btree (lower("bounced_email")) WHERE "invitations"."bounced_at" is not null;