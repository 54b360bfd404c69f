CREATE TYPE "public"."agenda_kind" AS ENUM('arrival', 'opening', 'introduction', 'speech', 'signing', 'photo', 'gifts', 'closing', 'reception', 'other');--> statement-breakpoint
CREATE TYPE "public"."ceremony_side" AS ENUM('host', 'guest');--> statement-breakpoint
CREATE TYPE "public"."seating_mode" AS ENUM('centre-out', 'left-to-right');--> statement-breakpoint
CREATE TYPE "public"."seating_table_kind" AS ENUM('presidium', 'signing', 'row');--> statement-breakpoint
CREATE TYPE "public"."table_side" AS ENUM('right', 'left');--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"title" text NOT NULL,
	"kind" "agenda_kind" DEFAULT 'other' NOT NULL,
	"responsible_user_id" uuid,
	"speaker_invitation_id" uuid,
	"place" text,
	"notes" text,
	"key_points" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_signatories" (
	"event_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"dignitary_id" uuid,
	"signing_order" integer NOT NULL,
	CONSTRAINT "agreement_signatories_event_id_organization_id_pk" PRIMARY KEY("event_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "dignitaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"honorific" text,
	"name" text NOT NULL,
	"positions" text[] DEFAULT '{}'::text[] NOT NULL,
	"organization" text,
	"delegation" text,
	"side" "ceremony_side",
	"arrival_at" timestamp with time zone,
	"escort_user_id" uuid,
	"notes" text,
	"manual_place" integer,
	"full_address_override" text,
	"short_address_override" text,
	"english_address_override" text,
	"entry_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mc_scripts" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seating_tables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" "seating_table_kind" NOT NULL,
	"seat_count" integer NOT NULL,
	"mode" "seating_mode" DEFAULT 'centre-out' NOT NULL,
	"second_to" "table_side" DEFAULT 'right' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seats" (
	"table_id" uuid NOT NULL,
	"seat_index" integer NOT NULL,
	"invitation_id" uuid,
	"reserved" boolean DEFAULT false NOT NULL,
	CONSTRAINT "seats_table_id_seat_index_pk" PRIMARY KEY("table_id","seat_index")
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "host_side" text DEFAULT 'right' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "precedence_equals_first" text DEFAULT 'guests' NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_speaker_invitation_id_invitations_id_fk" FOREIGN KEY ("speaker_invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatories" ADD CONSTRAINT "agreement_signatories_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatories" ADD CONSTRAINT "agreement_signatories_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatories" ADD CONSTRAINT "agreement_signatories_dignitary_id_dignitaries_id_fk" FOREIGN KEY ("dignitary_id") REFERENCES "public"."dignitaries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dignitaries" ADD CONSTRAINT "dignitaries_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dignitaries" ADD CONSTRAINT "dignitaries_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dignitaries" ADD CONSTRAINT "dignitaries_escort_user_id_users_id_fk" FOREIGN KEY ("escort_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mc_scripts" ADD CONSTRAINT "mc_scripts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mc_scripts" ADD CONSTRAINT "mc_scripts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seating_tables" ADD CONSTRAINT "seating_tables_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_table_id_seating_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."seating_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_items_event_idx" ON "agenda_items" USING btree ("event_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "dignitaries_invitation_idx" ON "dignitaries" USING btree ("invitation_id");--> statement-breakpoint
CREATE INDEX "dignitaries_event_idx" ON "dignitaries" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "seating_tables_event_idx" ON "seating_tables" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "seats_invitation_idx" ON "seats" USING btree ("invitation_id");