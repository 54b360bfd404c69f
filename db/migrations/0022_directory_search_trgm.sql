-- The directory search through trigram indexes (decision 019). pg_trgm is a trusted extension (PostgreSQL 13+):
-- the database owner may create it; PGlite loads it in newPGlite (db/client.server.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "organization_search" text GENERATED ALWAYS AS (lower(translate("organization", 'AàÀáÁảẢãÃạẠăĂằẰắẮẳẲẵẴặẶâÂầẦấẤẩẨẫẪậẬEèÈéÉẻẺẽẼẹẸêÊềỀếẾểỂễỄệỆIìÌíÍỉỈĩĨịỊOòÒóÓỏỎõÕọỌôÔồỒốỐổỔỗỖộỘơƠờỜớỚởỞỡỠợỢUùÙúÚủỦũŨụỤưƯừỪứỨửỬữỮựỰYỳỲýÝỷỶỹỸỵỴđĐBCDFGHJKLMNPQRSTVWXZ', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeeeeeeeeiiiiiiiiiiiooooooooooooooooooooooooooooooooooouuuuuuuuuuuuuuuuuuuuuuuyyyyyyyyyyyddbcdfghjklmnpqrstvwxz'))) STORED;--> statement-breakpoint
CREATE INDEX "people_name_search_trgm_idx" ON "people" USING gin ("name_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_organization_search_trgm_idx" ON "people" USING gin ("organization_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_email_trgm_idx" ON "people" USING gin (lower("email") gin_trgm_ops);