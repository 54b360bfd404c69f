-- The import's set-based insert of invitations reads each person's name in the same statement and writes the sort
-- keys itself (models/invitations.server.ts, insertMissingInvitations): the per-row trigger's look-up of the person
-- (one SPI query per row, ≈ a fifth of the statement's time outside the indexes) is skipped for a row that arrives
-- with its keys. Every other writer leaves them at their default '' and the trigger fills them, as before; an UPDATE
-- of person_id or of the keys themselves is always recomputed from the person, as before.
DROP TRIGGER "invitations_sort_from_person" ON "invitations";--> statement-breakpoint
CREATE TRIGGER "invitations_sort_from_person" BEFORE UPDATE OF "person_id", "sort_given", "sort_name" ON "invitations"
FOR EACH ROW EXECUTE FUNCTION "invitations_sort_from_person"();--> statement-breakpoint
CREATE TRIGGER "invitations_sort_on_insert" BEFORE INSERT ON "invitations"
FOR EACH ROW WHEN (NEW."sort_name" = '') EXECUTE FUNCTION "invitations_sort_from_person"();
