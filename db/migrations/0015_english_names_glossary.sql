CREATE TABLE "glossary_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"vi" text NOT NULL,
	"vi_search" text NOT NULL,
	"en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "title_en" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "venue_name_en" text;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "title_en" text;--> statement-breakpoint
CREATE UNIQUE INDEX "glossary_entries_kind_term_idx" ON "glossary_entries" USING btree ("kind","vi_search");