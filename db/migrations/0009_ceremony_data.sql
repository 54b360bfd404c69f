-- Moves the single agreement of each event (agreements, agreement_parties, agreement_signatories) and its host and
-- partners (events.host_organization_id, event_partners) into sides, documents and signatory roles.
-- Sides: the host first, then the partners in their order, then agreement parties that were neither.
INSERT INTO "event_sides" ("event_id", "kind", "organization_id", "position")
SELECT e."id", 'host', e."host_organization_id", 0
FROM "events" e
WHERE e."host_organization_id" IS NOT NULL;
--> statement-breakpoint
INSERT INTO "event_sides" ("event_id", "kind", "organization_id", "position")
SELECT p."event_id", 'guest', p."organization_id", p."position" + 1
FROM "event_partners" p
WHERE NOT EXISTS (
  SELECT 1 FROM "event_sides" s WHERE s."event_id" = p."event_id" AND s."organization_id" = p."organization_id"
);
--> statement-breakpoint
INSERT INTO "event_sides" ("event_id", "kind", "organization_id", "position")
SELECT ap."event_id", 'guest', ap."organization_id", 1000 + ap."position"
FROM "agreement_parties" ap
WHERE NOT EXISTS (
  SELECT 1 FROM "event_sides" s WHERE s."event_id" = ap."event_id" AND s."organization_id" = ap."organization_id"
);
--> statement-breakpoint
-- Renumber the sides 0, 1, 2… per event.
UPDATE "event_sides" s SET "position" = r.n
FROM (
  SELECT "id", (row_number() OVER (PARTITION BY "event_id" ORDER BY "position", "created_at", "id") - 1)::int AS n
  FROM "event_sides"
) r
WHERE r."id" = s."id";
--> statement-breakpoint
-- The agreement becomes the event's first document; its kind read from the title's first words.
INSERT INTO "event_documents" ("event_id", "position", "kind", "title", "period_start", "period_end", "aims", "originals", "languages", "host_side")
SELECT a."event_id", 0,
  (CASE
    WHEN lower(a."title") LIKE 'chương trình%' THEN 'programme'
    WHEN lower(a."title") LIKE 'quy chế%' THEN 'regulation'
    WHEN lower(a."title") LIKE 'biên bản ghi nhớ%' OR lower(a."title") LIKE 'bản ghi nhớ%' THEN 'memorandum'
    WHEN lower(a."title") LIKE 'hợp đồng%' THEN 'contract'
    ELSE 'agreement'
  END)::"document_kind",
  a."title", a."period_start", a."period_end", a."aims", a."originals", ARRAY['vi']::text[], a."host_side"
FROM "agreements" a;
--> statement-breakpoint
-- Its parties, in signing order where one was set, otherwise in the agreement's order.
INSERT INTO "document_parties" ("document_id", "side_id", "position")
SELECT d."id", s."id",
  (row_number() OVER (PARTITION BY d."id" ORDER BY coalesce(sg."signing_order", 1000 + ap."position"), ap."position") - 1)::int
FROM "agreement_parties" ap
JOIN "event_documents" d ON d."event_id" = ap."event_id"
JOIN "event_sides" s ON s."event_id" = ap."event_id" AND s."organization_id" = ap."organization_id"
LEFT JOIN "agreement_signatories" sg ON sg."event_id" = ap."event_id" AND sg."organization_id" = ap."organization_id";
--> statement-breakpoint
-- Each chosen signatory signs for their party.
INSERT INTO "ceremony_roles" ("dignitary_id", "role", "document_party_id", "position")
SELECT sg."dignitary_id", 'signatory', dp."id", 0
FROM "agreement_signatories" sg
JOIN "event_documents" d ON d."event_id" = sg."event_id"
JOIN "event_sides" s ON s."event_id" = sg."event_id" AND s."organization_id" = sg."organization_id"
JOIN "document_parties" dp ON dp."document_id" = d."id" AND dp."side_id" = s."id"
WHERE sg."dignitary_id" IS NOT NULL;
--> statement-breakpoint
-- Dignitaries join a side: the host side; a guest joins the guest side whose organization they belong to, else the
-- first guest side.
UPDATE "dignitaries" g SET "side_id" = s."id"
FROM "event_sides" s
WHERE g."side" = 'host' AND s."event_id" = g."event_id" AND s."kind" = 'host';
--> statement-breakpoint
UPDATE "dignitaries" g SET "side_id" = (
  SELECT s."id" FROM "event_sides" s
  LEFT JOIN "organizations" o ON o."id" = s."organization_id"
  WHERE s."event_id" = g."event_id" AND s."kind" = 'guest'
  ORDER BY (lower(coalesce(o."name_vi", '')) = lower(coalesce(g."organization", '-'))) DESC, s."position"
  LIMIT 1
)
WHERE g."side" = 'guest';
--> statement-breakpoint
-- Signing items point at the document.
UPDATE "agenda_items" i SET "document_id" = d."id"
FROM "event_documents" d
WHERE i."kind" = 'signing' AND d."event_id" = i."event_id";
