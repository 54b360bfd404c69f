DROP INDEX "press_summaries_event_language_idx";--> statement-breakpoint
CREATE INDEX "press_summaries_event_idx" ON "press_summaries" USING btree ("event_id","created_at");