import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "#db/client.server";
import {
  agendaItems,
  attendanceLines,
  ceremonyRoles,
  dignitaries,
  documentParties,
  eventDocuments,
  eventSides,
  organizations,
} from "#db/schema/index";
import type {
  CeremonyDocument,
  CeremonyRole,
  CeremonySide,
  DocumentKind,
  GroupAttendanceLine,
  SideKind,
} from "~/domain/ceremony/types";
import { agendaItemColumns, attendanceLineColumns, ceremonyRoleColumns, documentPartyColumns, eventDocumentColumns, eventSideColumns, organizationColumns, pickColumns } from "./columns";

/** Sides, documents, ceremony roles and attendance lines of events: queries only. */

const parent = alias(organizations, "parent_organization");

export interface SideRow extends CeremonySide {
  eventId: string;
  organizationShortName: string | null;
}

export async function listSides(db: Db, eventIds: string[]): Promise<SideRow[]> {
  if (eventIds.length === 0) return [];
  const rows = await db
    .select({
      ...pickColumns(eventSideColumns, ["id", "eventId", "kind"]),
      labelVi: eventSideColumns.label,
      labelEn: eventSideColumns.labelEn,
      headPersonId: eventSideColumns.headDignitaryId,
      language: eventSideColumns.language,
      order: eventSideColumns.position,
      organizationId: organizationColumns.id,
      ...pickColumns(organizationColumns, ["nameVi", "nameEn", "shortName"]),
      foreign: organizations.foreign,
      parentNameVi: parent.nameVi,
      parentNameEn: parent.nameEn,
    })
    .from(eventSides)
    .leftJoin(organizations, eq(organizations.id, eventSides.organizationId))
    .leftJoin(parent, eq(parent.id, organizations.parentId))
    .where(inArray(eventSides.eventId, eventIds))
    .orderBy(asc(eventSides.position), asc(eventSides.createdAt), asc(eventSides.id));
  return rows.map((r) => ({
    id: r.id,
    eventId: r.eventId,
    kind: r.kind,
    labelVi: r.labelVi,
    labelEn: r.labelEn,
    headPersonId: r.headPersonId,
    language: r.language,
    order: r.order,
    organizationShortName: r.shortName,
    organization:
      r.organizationId && r.nameVi !== null
        ? {
            id: r.organizationId,
            nameVi: r.nameVi,
            nameEn: r.nameEn,
            parentNameVi: r.parentNameVi,
            parentNameEn: r.parentNameEn,
            foreign: r.foreign ?? false,
          }
        : null,
  }));
}

export interface SideValues {
  kind: SideKind;
  organizationId: string | null;
  labelVi: string | null;
  labelEn: string | null;
  headPersonId: string | null;
  language: string;
  order: number;
}

function sideColumns(v: SideValues) {
  return {
    kind: v.kind,
    organizationId: v.organizationId,
    label: v.labelVi,
    labelEn: v.labelEn,
    headDignitaryId: v.headPersonId,
    language: v.language,
    position: v.order,
  };
}

export async function insertSide(db: Db, eventId: string, values: SideValues): Promise<string> {
  const [row] = await db
    .insert(eventSides)
    .values({ eventId, ...sideColumns(values) })
    .returning(pickColumns(eventSideColumns, ["id"]));
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function updateSide(db: Db, eventId: string, id: string, values: SideValues): Promise<void> {
  await db
    .update(eventSides)
    .set(sideColumns(values))
    .where(and(eq(eventSides.eventId, eventId), eq(eventSides.id, id)));
}

/** Gives sides new positions (their order in the ceremony). */
export async function setSidePositions(db: Db, eventId: string, positions: { id: string; position: number }[]): Promise<void> {
  for (const p of positions)
    await db
      .update(eventSides)
      .set({ position: p.position })
      .where(and(eq(eventSides.eventId, eventId), eq(eventSides.id, p.id)));
}

export async function deleteSides(db: Db, eventId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.delete(eventSides).where(and(eq(eventSides.eventId, eventId), inArray(eventSides.id, ids)));
}

export async function nextSideOrder(db: Db, eventId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${eventSides.position}), -1)::int + 1` })
    .from(eventSides)
    .where(eq(eventSides.eventId, eventId));
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------------
// Documents

export interface DocumentRow extends CeremonyDocument {
  eventId: string;
  titleEn: string | null;
  hostSide: "right" | "left";
  /** The party rows (document_parties.id) by side id. */
  partyIds: Record<string, string>;
}

export async function listDocuments(db: Db, eventIds: string[]): Promise<DocumentRow[]> {
  if (eventIds.length === 0) return [];
  const [docs, parties] = await Promise.all([
    db
      .select()
      .from(eventDocuments)
      .where(inArray(eventDocuments.eventId, eventIds))
      .orderBy(asc(eventDocuments.position), asc(eventDocuments.createdAt), asc(eventDocuments.id)),
    db
      .select(documentPartyColumns)
      .from(documentParties)
      .innerJoin(eventDocuments, eq(eventDocuments.id, documentParties.documentId))
      .where(inArray(eventDocuments.eventId, eventIds))
      .orderBy(asc(documentParties.position), asc(documentParties.id)),
  ]);
  return docs.map((d) => {
    const own = parties.filter((p) => p.documentId === d.id);
    return {
      id: d.id,
      eventId: d.eventId,
      kind: d.kind,
      title: d.title,
      titleEn: d.titleEn,
      partySideIds: own.map((p) => p.sideId),
      partyIds: Object.fromEntries(own.map((p) => [p.sideId, p.id])),
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      aims: d.aims,
      originals: d.originals,
      languages: d.languages,
      order: d.position,
      hostSide: d.hostSide === "left" ? "left" : "right",
    };
  });
}

export interface DocumentValues {
  kind: DocumentKind;
  title: string;
  titleEn: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  aims: string | null;
  originals: number | null;
  languages: string[];
  order: number;
  hostSide?: "right" | "left";
}

function documentColumns(v: DocumentValues) {
  return {
    kind: v.kind,
    title: v.title,
    titleEn: v.titleEn,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    aims: v.aims,
    originals: v.originals,
    languages: v.languages,
    position: v.order,
    ...(v.hostSide ? { hostSide: v.hostSide } : {}),
  };
}

export async function insertDocument(db: Db, eventId: string, values: DocumentValues): Promise<string> {
  const [row] = await db
    .insert(eventDocuments)
    .values({ eventId, ...documentColumns(values) })
    .returning(eventDocumentColumns);
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function updateDocument(db: Db, eventId: string, id: string, values: DocumentValues): Promise<void> {
  await db
    .update(eventDocuments)
    .set(documentColumns(values))
    .where(and(eq(eventDocuments.eventId, eventId), eq(eventDocuments.id, id)));
}

export async function setDocumentSigning(
  db: Db,
  documentId: string,
  values: { originals: number | null; hostSide: "right" | "left" },
): Promise<void> {
  await db.update(eventDocuments).set(values).where(eq(eventDocuments.id, documentId));
}

export async function deleteDocuments(db: Db, eventId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.delete(eventDocuments).where(and(eq(eventDocuments.eventId, eventId), inArray(eventDocuments.id, ids)));
}

/**
 * Sets a document's parties in order. Parties that stay keep their row (and so their signatories); parties
 * that go take their signatories with them.
 */
export async function setDocumentParties(db: Db, documentId: string, sideIds: string[]): Promise<void> {
  const existing = await db
    .select(pickColumns(documentPartyColumns, ["id", "sideId"]))
    .from(documentParties)
    .where(eq(documentParties.documentId, documentId));
  const gone = existing.filter((p) => !sideIds.includes(p.sideId)).map((p) => p.id);
  if (gone.length) await db.delete(documentParties).where(inArray(documentParties.id, gone));
  for (const [position, sideId] of sideIds.entries()) {
    await db
      .insert(documentParties)
      .values({ documentId, sideId, position })
      .onConflictDoUpdate({ target: [documentParties.documentId, documentParties.sideId], set: { position } });
  }
}

// ---------------------------------------------------------------------------------------------------
// Ceremony roles

export interface RoleRow {
  dignitaryId: string;
  role: CeremonyRole;
  /** Among the signatories of one party: 0 = first. */
  position: number;
}

/** Every role of the event's dignitaries, in the roles' order, a person's signatures by document order. */
export async function listRoles(db: Db, eventId: string): Promise<RoleRow[]> {
  const rows = await db
    .select({
      ...ceremonyRoleColumns,
      ...pickColumns(documentPartyColumns, ["documentId", "sideId"]),
    })
    .from(ceremonyRoles)
    .innerJoin(dignitaries, eq(dignitaries.id, ceremonyRoles.dignitaryId))
    .leftJoin(documentParties, eq(documentParties.id, ceremonyRoles.documentPartyId))
    .leftJoin(eventDocuments, eq(eventDocuments.id, documentParties.documentId))
    .where(eq(dignitaries.eventId, eventId))
    // The roles' own order (chair, co-chair, witness, signatory, speaker, attendee), signatures by document.
    .orderBy(asc(ceremonyRoles.role), asc(eventDocuments.position), asc(ceremonyRoles.position), asc(ceremonyRoles.id));
  return rows.flatMap((r): RoleRow[] => {
    if (r.role === "signatory") {
      if (!r.documentId || !r.sideId) return [];
      return [{ dignitaryId: r.dignitaryId, position: r.position, role: { kind: "signatory", documentId: r.documentId, sideId: r.sideId } }];
    }
    return [{ dignitaryId: r.dignitaryId, position: r.position, role: { kind: r.role } }];
  });
}

/** Replaces a person's roles; signatory roles name their party row. */
export async function replaceRoles(
  db: Db,
  dignitaryId: string,
  roles: { role: CeremonyRole["kind"]; documentPartyId: string | null; position: number }[],
): Promise<void> {
  await db.delete(ceremonyRoles).where(eq(ceremonyRoles.dignitaryId, dignitaryId));
  if (roles.length) await db.insert(ceremonyRoles).values(roles.map((r) => ({ dignitaryId, ...r })));
}

/** Replaces the signatories of one party (in order). */
export async function replacePartySignatories(db: Db, documentPartyId: string, dignitaryIds: string[]): Promise<void> {
  await db.delete(ceremonyRoles).where(eq(ceremonyRoles.documentPartyId, documentPartyId));
  if (dignitaryIds.length)
    await db
      .insert(ceremonyRoles)
      .values(dignitaryIds.map((dignitaryId, position) => ({ dignitaryId, role: "signatory" as const, documentPartyId, position })));
}

// ---------------------------------------------------------------------------------------------------
// Attendance lines

export interface AttendanceLineRow extends GroupAttendanceLine {
  eventId: string;
}

export async function listAttendanceLines(db: Db, eventIds: string[]): Promise<AttendanceLineRow[]> {
  if (eventIds.length === 0) return [];
  return db
    .select({
      ...pickColumns(attendanceLineColumns, ["id", "eventId", "textVi", "textEn", "sideId", "place"]),
      order: attendanceLineColumns.position,
    })
    .from(attendanceLines)
    .where(inArray(attendanceLines.eventId, eventIds))
    .orderBy(asc(attendanceLines.position), asc(attendanceLines.createdAt), asc(attendanceLines.id));
}

export type AttendanceLineValues = Omit<GroupAttendanceLine, "id">;

export async function insertAttendanceLine(db: Db, eventId: string, v: AttendanceLineValues): Promise<string> {
  const [row] = await db
    .insert(attendanceLines)
    .values({ eventId, textVi: v.textVi, textEn: v.textEn, sideId: v.sideId, place: v.place, position: v.order })
    .returning(pickColumns(attendanceLineColumns, ["id"]));
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function updateAttendanceLine(db: Db, eventId: string, id: string, v: AttendanceLineValues): Promise<boolean> {
  const rows = await db
    .update(attendanceLines)
    .set({ textVi: v.textVi, textEn: v.textEn, sideId: v.sideId, place: v.place, position: v.order })
    .where(and(eq(attendanceLines.eventId, eventId), eq(attendanceLines.id, id)))
    .returning(pickColumns(attendanceLineColumns, ["id"]));
  return rows.length > 0;
}

export async function deleteAttendanceLine(db: Db, eventId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(attendanceLines)
    .where(and(eq(attendanceLines.eventId, eventId), eq(attendanceLines.id, id)))
    .returning(pickColumns(attendanceLineColumns, ["id"]));
  return rows.length > 0;
}

export async function nextAttendanceLineOrder(db: Db, eventId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${attendanceLines.position}), -1)::int + 1` })
    .from(attendanceLines)
    .where(eq(attendanceLines.eventId, eventId));
  return row?.n ?? 0;
}

/** Sets the dignitary's side (must be a side of the same event; checked by the service). */
export async function setDignitarySide(db: Db, dignitaryId: string, sideId: string | null): Promise<void> {
  await db.update(dignitaries).set({ sideId, updatedAt: new Date() }).where(eq(dignitaries.id, dignitaryId));
}

/** A signing item's document and a proceeding's subject (who acts, when no one is named). */
export async function setAgendaItemCeremony(
  db: Db,
  eventId: string,
  itemId: string,
  values: { subject: string | null; subjectEn: string | null; documentId: string | null },
): Promise<boolean> {
  const rows = await db
    .update(agendaItems)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(agendaItems.eventId, eventId), eq(agendaItems.id, itemId)))
    .returning(pickColumns(agendaItemColumns, ["id"]));
  return rows.length > 0;
}
