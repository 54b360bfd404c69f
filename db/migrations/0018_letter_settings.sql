CREATE TABLE "letter_settings" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"authority" text DEFAULT '' NOT NULL,
	"on_behalf_of" text DEFAULT '' NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"signer_name" text DEFAULT '' NOT NULL,
	"symbol" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"issued_on" date,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "letter_settings" ADD CONSTRAINT "letter_settings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_settings" ADD CONSTRAINT "letter_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;