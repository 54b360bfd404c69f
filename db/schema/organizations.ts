import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./_columns";

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    shortName: text("short_name"),
    /** A partner across the border (the press names its country). */
    foreign: boolean("foreign").notNull().default(false),
    parentId: uuid("parent_id").references((): AnyPgColumn => organizations.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("organizations_name_vi_lower_idx").on(sql`lower(${t.nameVi})`)],
);
