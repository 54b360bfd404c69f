import { sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import {
  chunk,
  MAX_SERVER_IMPORT_ROWS,
  readAttendeeCsv,
  SERVER_IMPORT_CHUNK_SIZE,
  validateImportRows,
  type ImportRowError,
  type RawImportRow,
  type ValidImportRow,
} from "~/domain/attendees/import";
import { recordAudit } from "~/models/audit.server";
import { insertMissingInvitations, mergeIntoInvitations, type InvitationMergeValues } from "~/models/invitations.server";
import { assertEventAcceptsAttendees, lockDirectory, personValuesOf, savePeople } from "./invitations.server";
import type { Actor } from "~/domain/access/permissions";

export interface ImportSummary {
  /** Rows committed. */
  rows: number;
  peopleCreated: number;
  peopleUpdated: number;
  invitationsCreated: number;
  invitationsUpdated: number;
  /** Rows whose invitation had been withdrawn: its details were updated, and it stays withdrawn. */
  withdrawnKept: number;
}

export const emptySummary = (): ImportSummary => ({
  rows: 0,
  peopleCreated: 0,
  peopleUpdated: 0,
  invitationsCreated: 0,
  invitationsUpdated: 0,
  withdrawnKept: 0,
});

export function addSummaries(a: ImportSummary, b: ImportSummary): ImportSummary {
  return {
    rows: a.rows + b.rows,
    peopleCreated: a.peopleCreated + b.peopleCreated,
    peopleUpdated: a.peopleUpdated + b.peopleUpdated,
    invitationsCreated: a.invitationsCreated + b.invitationsCreated,
    invitationsUpdated: a.invitationsUpdated + b.invitationsUpdated,
    withdrawnKept: a.withdrawnKept + b.withdrawnKept,
  };
}

/**
 * Commits validated rows in ONE transaction with set-based SQL (a handful of statements whatever the number
 * of rows): people are found or created (email, else name + organization) and updated with the fields the
 * file gives; invitations are created or updated. An empty cell never erases a stored value. Re-importing
 * the same file therefore changes nothing and duplicates nothing.
 */
export async function importAttendeeRows(db: Db, actor: Actor, eventId: string, rows: readonly ValidImportRow[]): Promise<ImportSummary> {
  if (rows.length === 0) return emptySummary();
  return db.transaction(async (tx) => {
    await assertEventAcceptsAttendees(tx, eventId);
    // A file's statements are big enough for PostgreSQL's JIT (the look-up of 5,000 names is estimated above
    // jit_above_cost), whose compilation (15–80 ms in EXPLAIN) costs more than the statement runs (≈ 25 ms).
    await tx.execute(sql`set local jit = off`);
    await lockDirectory(tx);
    const { personIds, created, updated } = await savePeople(
      tx,
      rows.map((r) => personValuesOf(r.row)),
    );
    const byPerson = new Map<string, InvitationMergeValues>();
    rows.forEach(({ row }, i) => {
      const personId = personIds[i]!;
      if (byPerson.has(personId)) return;
      byPerson.set(personId, {
        personId,
        role: row.role,
        groupLabel: row.groupLabel,
        plusOnes: row.plusOnes,
        dietaryNeeds: row.dietaryNeeds,
        accessNeeds: row.accessNeeds,
      });
    });
    const values = [...byPerson.values()];
    const inserted = await insertMissingInvitations(tx, eventId, values);
    const merged = await mergeIntoInvitations(
      tx,
      eventId,
      values.filter((v) => !inserted.has(v.personId)),
    );
    const summary: ImportSummary = {
      rows: rows.length,
      peopleCreated: created,
      peopleUpdated: updated,
      invitationsCreated: inserted.size,
      invitationsUpdated: merged.length,
      withdrawnKept: merged.filter((m) => m.withdrawn).length,
    };
    await recordAudit(tx, {
      actor,
      action: "invitation.import",
      entityType: "event",
      entityId: eventId,
      eventId,
      details: { ...summary, firstRow: rows[0]?.rowNumber ?? null, lastRow: rows[rows.length - 1]?.rowNumber ?? null },
    });
    return summary;
  });
}

/**
 * One request of a browser import: the rows as read from the file (the browser checked them; they are
 * checked again here). Valid rows are committed together; the others come back as errors.
 */
export async function importAttendeeChunk(
  db: Db,
  actor: Actor,
  eventId: string,
  rows: readonly RawImportRow[],
): Promise<{ summary: ImportSummary; errors: ImportRowError[] }> {
  const { valid, errors } = validateImportRows(rows);
  const summary = await importAttendeeRows(db, actor, eventId, valid);
  return { summary, errors };
}

/**
 * The import without JavaScript: the server reads the whole file (at most MAX_SERVER_IMPORT_ROWS rows) and
 * commits the valid rows chunk by chunk (SERVER_IMPORT_CHUNK_SIZE: such a file is one chunk), one transaction per
 * chunk.
 */
export async function importAttendeeCsv(
  db: Db,
  actor: Actor,
  eventId: string,
  text: string,
  options: { maxRows?: number; chunkSize?: number } = {},
): Promise<{ ok: false; error: string } | { ok: true; summary: ImportSummary; errors: ImportRowError[] }> {
  const read = readAttendeeCsv(text, { maxRows: options.maxRows ?? MAX_SERVER_IMPORT_ROWS });
  if (!read.ok) return read;
  const { valid, errors } = validateImportRows(read.rows);
  let summary = emptySummary();
  for (const part of chunk(valid, options.chunkSize ?? SERVER_IMPORT_CHUNK_SIZE))
    summary = addSummaries(summary, await importAttendeeRows(db, actor, eventId, part));
  return { ok: true, summary, errors };
}
