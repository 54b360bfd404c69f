import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_columns";

/**
 * The instance's own glossary entries (app/domain/glossary): added to the built-in set, and winning over a
 * built-in entry of the same kind and term. Admins edit them in the UI and by API; the press editor adds the
 * terms a draft could not translate.
 */
export const glossaryEntries = pgTable(
  "glossary_entries",
  {
    id: id(),
    /** position, title, body, field, rank, honorific, place, term (app/domain/glossary/types.ts). */
    kind: text("kind").notNull(),
    vi: text("vi").notNull(),
    /** The term folded for matching and uniqueness (foldForSearch). */
    viSearch: text("vi_search").notNull(),
    en: text("en").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("glossary_entries_kind_term_idx").on(t.kind, t.viSearch)],
);
