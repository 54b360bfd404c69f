/**
 * The instance's glossary: the built-in entries (app/domain/glossary/builtin.ts) and the ones admins and press
 * editors added (glossary_entries), which win. Every English output is written with it.
 */
import type { Db } from "#db/client.server";
import { Glossary } from "~/domain/glossary/translate";
import type { GlossaryEntryInput } from "~/domain/glossary/glossary.schema";
import type { Actor } from "~/domain/access/permissions";
import { deleteGlossaryEntry, listGlossaryEntries, upsertGlossaryEntry, type GlossaryEntryRow } from "~/models/glossary.server";
import { recordAudit } from "~/models/audit.server";
import { ServiceError } from "~/utils/errors";

export async function loadGlossary(db: Db): Promise<Glossary> {
  const rows = await listGlossaryEntries(db);
  return new Glossary(rows.map((r) => ({ kind: r.kind, vi: r.vi, en: r.en })));
}

export async function addGlossaryEntry(db: Db, actor: Actor, input: GlossaryEntryInput): Promise<GlossaryEntryRow> {
  return db.transaction(async (tx) => {
    const row = await upsertGlossaryEntry(tx, input);
    await recordAudit(tx, { actor, action: "glossary.entry.save", entityType: "glossary_entry", entityId: row.id, eventId: null, details: { kind: row.kind, vi: row.vi, en: row.en } });
    return row;
  });
}

export async function removeGlossaryEntry(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await deleteGlossaryEntry(tx, id))) throw new ServiceError("not_found", "errors.notFound.title");
    await recordAudit(tx, { actor, action: "glossary.entry.delete", entityType: "glossary_entry", entityId: id, eventId: null, details: {} });
  });
}
