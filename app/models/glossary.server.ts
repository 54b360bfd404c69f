import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { glossaryEntries } from "#db/schema/index";
import type { GlossaryKind } from "~/domain/glossary/types";
import { foldForSearch } from "~/domain/text/search";
import { glossaryEntryColumns, pickColumns } from "./columns";

export interface GlossaryEntryRow {
  id: string;
  kind: GlossaryKind;
  vi: string;
  en: string;
  updatedAt: Date;
}

export async function listGlossaryEntries(db: Db): Promise<GlossaryEntryRow[]> {
  const rows = await db.select(glossaryEntryColumns).from(glossaryEntries).orderBy(asc(glossaryEntries.kind), asc(glossaryEntries.viSearch));
  return rows.map((r) => ({ ...r, kind: r.kind as GlossaryKind }));
}

/** Adds an entry, or replaces the English of the entry of the same kind and term. */
export async function upsertGlossaryEntry(db: Db, input: { kind: GlossaryKind; vi: string; en: string }): Promise<GlossaryEntryRow> {
  const [row] = await db
    .insert(glossaryEntries)
    .values({ kind: input.kind, vi: input.vi, viSearch: foldForSearch(input.vi), en: input.en })
    .onConflictDoUpdate({ target: [glossaryEntries.kind, glossaryEntries.viSearch], set: { vi: input.vi, en: input.en, updatedAt: sql`now()` } })
    .returning(glossaryEntryColumns);
  return { ...row!, kind: row!.kind as GlossaryKind };
}

export async function deleteGlossaryEntry(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(glossaryEntries).where(eq(glossaryEntries.id, id)).returning(pickColumns(glossaryEntryColumns, ["id"]));
  return rows.length > 0;
}
