CREATE TABLE "invitation_counts" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"not_sent" integer DEFAULT 0 NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"declined" integer DEFAULT 0 NOT NULL,
	"tentative" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "sort_given" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "sort_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "invitation_counts" ADD CONSTRAINT "invitation_counts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written below (docs/decisions/019-speed.md, "The attendee list"): the list's name order copied onto each
-- invitation, and the counts by status kept per event, both by triggers so that every writer (the app's models,
-- the import's set-based statements, the factories, raw SQL) keeps them without knowing.
UPDATE "invitations" i SET "sort_given" = split_part(p."name_search", ' ', -1), "sort_name" = p."name_search"
FROM "people" p WHERE p."id" = i."person_id";
--> statement-breakpoint
CREATE FUNCTION "invitations_sort_from_person"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT split_part(p."name_search", ' ', -1), p."name_search" INTO NEW."sort_given", NEW."sort_name"
  FROM "people" p WHERE p."id" = NEW."person_id";
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "invitations_sort_from_person" BEFORE INSERT OR UPDATE OF "person_id", "sort_given", "sort_name" ON "invitations"
FOR EACH ROW EXECUTE FUNCTION "invitations_sort_from_person"();
--> statement-breakpoint
CREATE FUNCTION "people_sort_to_invitations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "invitations" SET "sort_given" = split_part(NEW."name_search", ' ', -1), "sort_name" = NEW."name_search"
  WHERE "person_id" = NEW."id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "people_sort_to_invitations" AFTER UPDATE OF "name_search" ON "people"
FOR EACH ROW WHEN (OLD."name_search" IS DISTINCT FROM NEW."name_search") EXECUTE FUNCTION "people_sort_to_invitations"();
--> statement-breakpoint
INSERT INTO "invitation_counts" ("event_id", "not_sent", "sent", "accepted", "declined", "tentative", "withdrawn")
SELECT "event_id",
  count(*) FILTER (WHERE "withdrawn_at" IS NULL AND "status" = 'not_sent'),
  count(*) FILTER (WHERE "withdrawn_at" IS NULL AND "status" = 'sent'),
  count(*) FILTER (WHERE "withdrawn_at" IS NULL AND "status" = 'accepted'),
  count(*) FILTER (WHERE "withdrawn_at" IS NULL AND "status" = 'declined'),
  count(*) FILTER (WHERE "withdrawn_at" IS NULL AND "status" = 'tentative'),
  count(*) FILTER (WHERE "withdrawn_at" IS NOT NULL)
FROM "invitations" GROUP BY "event_id";
--> statement-breakpoint
-- The counts: each changed row counts +1 where it is now and -1 where it was; events whose counts did not move are
-- not touched (an edit of a comment locks nothing), events in id order (two statements lock rows in the same order).
-- A delete only updates: an event being deleted takes its row along by the cascade, and re-inserting it would break
-- the foreign key.
CREATE FUNCTION "invitation_counts_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "invitation_counts" AS c ("event_id", "not_sent", "sent", "accepted", "declined", "tentative", "withdrawn")
  SELECT d."event_id", d."not_sent", d."sent", d."accepted", d."declined", d."tentative", d."withdrawn" FROM (
    SELECT x."event_id",
      coalesce(sum(x."d") FILTER (WHERE NOT x."w" AND x."status" = 'not_sent'), 0)::int AS "not_sent",
      coalesce(sum(x."d") FILTER (WHERE NOT x."w" AND x."status" = 'sent'), 0)::int AS "sent",
      coalesce(sum(x."d") FILTER (WHERE NOT x."w" AND x."status" = 'accepted'), 0)::int AS "accepted",
      coalesce(sum(x."d") FILTER (WHERE NOT x."w" AND x."status" = 'declined'), 0)::int AS "declined",
      coalesce(sum(x."d") FILTER (WHERE NOT x."w" AND x."status" = 'tentative'), 0)::int AS "tentative",
      coalesce(sum(x."d") FILTER (WHERE x."w"), 0)::int AS "withdrawn"
    FROM (SELECT "event_id", "status", "withdrawn_at" IS NOT NULL AS "w", 1 AS "d" FROM "new_rows") x
    GROUP BY x."event_id"
  ) d
  WHERE d."not_sent" <> 0 OR d."sent" <> 0 OR d."accepted" <> 0 OR d."declined" <> 0 OR d."tentative" <> 0 OR d."withdrawn" <> 0
  ORDER BY d."event_id"
  ON CONFLICT ("event_id") DO UPDATE SET "not_sent" = c."not_sent" + excluded."not_sent", "sent" = c."sent" + excluded."sent", "accepted" = c."accepted" + excluded."accepted", "declined" = c."declined" + excluded."declined", "tentative" = c."tentative" + excluded."tentative", "withdrawn" = c."withdrawn" + excluded."withdrawn";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "invitation_counts_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "invitation_counts" AS c ("event_id", "not_sent", "sent", "accepted", "declined", "tentative", "withdrawn")
  SELECT d."event_id", d."not_sent", d."sent", d."accepted", d."declined", d."tentative", d."withdrawn" FROM (
    SELECT x."event_id",
      coalesce(sum(x."d") FILTER (WHERE NOT x."w" AND x."status" = 'not_sent'), 0)::int AS "not_sent",
      coalesce(sum(x."d") FILTER (WHERE NOT x."w" AND x."status" = 'sent'), 0)::int AS "sent",
      coalesce(sum(x."d") FILTER (WHERE NOT x."w" AND x."status" = 'accepted'), 0)::int AS "accepted",
      coalesce(sum(x."d") FILTER (WHERE NOT x."w" AND x."status" = 'declined'), 0)::int AS "declined",
      coalesce(sum(x."d") FILTER (WHERE NOT x."w" AND x."status" = 'tentative'), 0)::int AS "tentative",
      coalesce(sum(x."d") FILTER (WHERE x."w"), 0)::int AS "withdrawn"
    FROM (SELECT "event_id", "status", "withdrawn_at" IS NOT NULL AS "w", 1 AS "d" FROM "new_rows" UNION ALL SELECT "event_id", "status", "withdrawn_at" IS NOT NULL AS "w", -1 AS "d" FROM "old_rows") x
    GROUP BY x."event_id"
  ) d
  WHERE d."not_sent" <> 0 OR d."sent" <> 0 OR d."accepted" <> 0 OR d."declined" <> 0 OR d."tentative" <> 0 OR d."withdrawn" <> 0
  ORDER BY d."event_id"
  ON CONFLICT ("event_id") DO UPDATE SET "not_sent" = c."not_sent" + excluded."not_sent", "sent" = c."sent" + excluded."sent", "accepted" = c."accepted" + excluded."accepted", "declined" = c."declined" + excluded."declined", "tentative" = c."tentative" + excluded."tentative", "withdrawn" = c."withdrawn" + excluded."withdrawn";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "invitation_counts_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "invitation_counts" c SET "not_sent" = c."not_sent" + d."not_sent", "sent" = c."sent" + d."sent", "accepted" = c."accepted" + d."accepted", "declined" = c."declined" + d."declined", "tentative" = c."tentative" + d."tentative", "withdrawn" = c."withdrawn" + d."withdrawn"
  FROM (
    SELECT x."event_id",
      coalesce(sum(x."d") FILTER (WHERE NOT x."w" AND x."status" = 'not_sent'), 0)::int AS "not_sent",
      coalesce(sum(x."d") FILTER (WHERE NOT x."w" AND x."status" = 'sent'), 0)::int AS "sent",
      coalesce(sum(x."d") FILTER (WHERE NOT x."w" AND x."status" = 'accepted'), 0)::int AS "accepted",
      coalesce(sum(x."d") FILTER (WHERE NOT x."w" AND x."status" = 'declined'), 0)::int AS "declined",
      coalesce(sum(x."d") FILTER (WHERE NOT x."w" AND x."status" = 'tentative'), 0)::int AS "tentative",
      coalesce(sum(x."d") FILTER (WHERE x."w"), 0)::int AS "withdrawn"
    FROM (SELECT "event_id", "status", "withdrawn_at" IS NOT NULL AS "w", -1 AS "d" FROM "old_rows") x
    GROUP BY x."event_id"
  ) d
  WHERE c."event_id" = d."event_id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "invitation_counts_on_insert" AFTER INSERT ON "invitations" REFERENCING NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "invitation_counts_on_insert"();
--> statement-breakpoint
CREATE TRIGGER "invitation_counts_on_update" AFTER UPDATE ON "invitations" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "invitation_counts_on_update"();
--> statement-breakpoint
CREATE TRIGGER "invitation_counts_on_delete" AFTER DELETE ON "invitations" REFERENCING OLD TABLE AS "old_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "invitation_counts_on_delete"();
--> statement-breakpoint
CREATE INDEX "invitations_event_name_order_idx" ON "invitations" USING btree ("event_id","sort_given","sort_name","id");--> statement-breakpoint
CREATE INDEX "invitations_event_bounced_idx" ON "invitations" USING btree ("event_id") WHERE "invitations"."bounced_at" is not null;
