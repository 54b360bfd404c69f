CREATE TYPE "public"."ceremony_role" AS ENUM('chair', 'co_chair', 'witness', 'signatory', 'speaker', 'attendee');--> statement-breakpoint
CREATE TYPE "public"."document_kind" AS ENUM('programme', 'regulation', 'memorandum', 'contract', 'agreement', 'other');--> statement-breakpoint
CREATE TYPE "public"."side_kind" AS ENUM('host', 'guest', 'leaders');--> statement-breakpoint
CREATE TABLE "attendance_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"text_vi" text NOT NULL,
	"text_en" text,
	"side_id" uuid,
	"place" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ceremony_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dignitary_id" uuid NOT NULL,
	"role" "ceremony_role" NOT NULL,
	"document_party_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ceremony_roles_signatory_party" CHECK (("ceremony_roles"."role" = 'signatory') = ("ceremony_roles"."document_party_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "document_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"side_id" uuid NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "document_kind" NOT NULL,
	"title" text NOT NULL,
	"title_en" text,
	"period_start" integer,
	"period_end" integer,
	"aims" text,
	"originals" integer,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"host_side" text DEFAULT 'right' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_sides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" "side_kind" NOT NULL,
	"organization_id" uuid,
	"label" text,
	"label_en" text,
	"head_dignitary_id" uuid,
	"language" text DEFAULT 'vi' NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_sides_named" CHECK ("event_sides"."kind" = 'leaders' or "event_sides"."organization_id" is not null or "event_sides"."label" is not null)
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "start_precision" text DEFAULT 'time' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "occasion" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "occasion_en" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "context" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "context_en" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "foreign" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "subject_en" text;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "document_id" uuid;--> statement-breakpoint
ALTER TABLE "dignitaries" ADD COLUMN "side_id" uuid;--> statement-breakpoint
ALTER TABLE "attendance_lines" ADD CONSTRAINT "attendance_lines_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_lines" ADD CONSTRAINT "attendance_lines_side_id_event_sides_id_fk" FOREIGN KEY ("side_id") REFERENCES "public"."event_sides"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ceremony_roles" ADD CONSTRAINT "ceremony_roles_dignitary_id_dignitaries_id_fk" FOREIGN KEY ("dignitary_id") REFERENCES "public"."dignitaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ceremony_roles" ADD CONSTRAINT "ceremony_roles_document_party_id_document_parties_id_fk" FOREIGN KEY ("document_party_id") REFERENCES "public"."document_parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_parties" ADD CONSTRAINT "document_parties_document_id_event_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."event_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_parties" ADD CONSTRAINT "document_parties_side_id_event_sides_id_fk" FOREIGN KEY ("side_id") REFERENCES "public"."event_sides"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_documents" ADD CONSTRAINT "event_documents_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sides" ADD CONSTRAINT "event_sides_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sides" ADD CONSTRAINT "event_sides_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sides" ADD CONSTRAINT "event_sides_head_dignitary_id_dignitaries_id_fk" FOREIGN KEY ("head_dignitary_id") REFERENCES "public"."dignitaries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_lines_event_idx" ON "attendance_lines" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "ceremony_roles_dignitary_idx" ON "ceremony_roles" USING btree ("dignitary_id");--> statement-breakpoint
CREATE INDEX "ceremony_roles_party_idx" ON "ceremony_roles" USING btree ("document_party_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ceremony_roles_unique_idx" ON "ceremony_roles" USING btree ("dignitary_id","role",coalesce("document_party_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE UNIQUE INDEX "document_parties_side_idx" ON "document_parties" USING btree ("document_id","side_id");--> statement-breakpoint
CREATE INDEX "event_documents_event_idx" ON "event_documents" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "event_sides_event_idx" ON "event_sides" USING btree ("event_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "event_sides_organization_idx" ON "event_sides" USING btree ("event_id","organization_id");--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_document_id_event_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."event_documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dignitaries" ADD CONSTRAINT "dignitaries_side_id_event_sides_id_fk" FOREIGN KEY ("side_id") REFERENCES "public"."event_sides"("id") ON DELETE set null ON UPDATE no action;