CREATE TABLE "invitation_groups" (
	"event_id" uuid NOT NULL,
	"group_label" text NOT NULL,
	"invitations" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "invitation_groups_event_id_group_label_pk" PRIMARY KEY("event_id","group_label")
);
--> statement-breakpoint
ALTER TABLE "invitation_groups" ADD CONSTRAINT "invitation_groups_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_event_status_name_order_idx" ON "invitations" USING btree ("event_id","status","sort_given","sort_name","id") WHERE "invitations"."withdrawn_at" is null;--> statement-breakpoint
-- Hand-written below (docs/decisions/019-speed.md, "The attendee list"): the labels in use per event, kept by statement
-- triggers like invitation_counts (0021) so that every writer keeps them without knowing. Each changed row counts +1
-- under its label now and -1 under the one it had; labels whose number did not move are not touched, the others in
-- (event, label) order (two statements lock rows in the same order), and a label left with no invitation is deleted.
-- A delete only updates and deletes: an event being deleted takes its labels along by the cascade.
INSERT INTO "invitation_groups" ("event_id", "group_label", "invitations")
SELECT "event_id", "group_label", count(*)::int FROM "invitations" WHERE "group_label" IS NOT NULL GROUP BY "event_id", "group_label";
--> statement-breakpoint
CREATE FUNCTION "invitation_groups_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "invitation_groups" AS g ("event_id", "group_label", "invitations")
  SELECT "event_id", "group_label", count(*)::int FROM "new_rows" WHERE "group_label" IS NOT NULL
  GROUP BY "event_id", "group_label" ORDER BY "event_id", "group_label"
  ON CONFLICT ("event_id", "group_label") DO UPDATE SET "invitations" = g."invitations" + excluded."invitations";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "invitation_groups_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE moved integer;
BEGIN
  INSERT INTO "invitation_groups" AS g ("event_id", "group_label", "invitations")
  SELECT x."event_id", x."group_label", sum(x."d")::int FROM (
    SELECT "event_id", "group_label", 1 AS "d" FROM "new_rows" WHERE "group_label" IS NOT NULL
    UNION ALL SELECT "event_id", "group_label", -1 AS "d" FROM "old_rows" WHERE "group_label" IS NOT NULL
  ) x
  GROUP BY x."event_id", x."group_label" HAVING sum(x."d") <> 0 ORDER BY x."event_id", x."group_label"
  ON CONFLICT ("event_id", "group_label") DO UPDATE SET "invitations" = g."invitations" + excluded."invitations";
  GET DIAGNOSTICS moved = ROW_COUNT;
  IF moved > 0 THEN -- an update of statuses, answers or notes moves no label: nothing more to do
    DELETE FROM "invitation_groups" g USING (SELECT DISTINCT "event_id", "group_label" FROM "old_rows" WHERE "group_label" IS NOT NULL) o
    WHERE g."event_id" = o."event_id" AND g."group_label" = o."group_label" AND g."invitations" <= 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "invitation_groups_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "invitation_groups" g SET "invitations" = g."invitations" - d."n"
  FROM (
    SELECT "event_id", "group_label", count(*)::int AS "n" FROM "old_rows" WHERE "group_label" IS NOT NULL
    GROUP BY "event_id", "group_label" ORDER BY "event_id", "group_label"
  ) d
  WHERE g."event_id" = d."event_id" AND g."group_label" = d."group_label";
  DELETE FROM "invitation_groups" g USING (SELECT DISTINCT "event_id", "group_label" FROM "old_rows" WHERE "group_label" IS NOT NULL) o
  WHERE g."event_id" = o."event_id" AND g."group_label" = o."group_label" AND g."invitations" <= 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "invitation_groups_on_insert" AFTER INSERT ON "invitations" REFERENCING NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "invitation_groups_on_insert"();
--> statement-breakpoint
CREATE TRIGGER "invitation_groups_on_update" AFTER UPDATE ON "invitations" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "invitation_groups_on_update"();
--> statement-breakpoint
CREATE TRIGGER "invitation_groups_on_delete" AFTER DELETE ON "invitations" REFERENCING OLD TABLE AS "old_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "invitation_groups_on_delete"();
