/**
 * The ceremony's structure: sides, documents, each person's side and roles, the signatories of each party and the
 * unnamed attendance lines. Every change locks the event row, refuses a cancelled event and is audited.
 * loadCeremony gives the outputs (press, MC script, seating, place cards) the contract of app/domain/ceremony.
 */
import type { Db } from "#db/client.server";
import type {
  AttendanceLineInput,
  DocumentFormInput,
  PersonCeremonyInput,
  SideInput,
} from "~/domain/ceremony/ceremony.schema";
import type {
  CeremonyDocument,
  CeremonyOccasion,
  CeremonyPerson,
  CeremonyProceeding,
  CeremonyRole,
  GroupAttendanceLine,
  TimePrecision,
} from "~/domain/ceremony/types";
import { keyPointsFromText } from "~/domain/agenda/agenda-item.schema";
import { listAgenda } from "~/models/agenda.server";
import { recordAudit } from "~/models/audit.server";
import {
  deleteAttendanceLine,
  deleteDocuments,
  deleteSides,
  type DocumentRow,
  insertAttendanceLine,
  insertDocument,
  insertSide,
  listAttendanceLines,
  listDocuments,
  listRoles,
  listSides,
  nextAttendanceLineOrder,
  nextSideOrder,
  replacePartySignatories,
  replaceRoles,
  setAgendaItemCeremony,
  setDignitarySide,
  setDocumentParties,
  setSidePositions,
  type SideRow,
  updateAttendanceLine,
  updateDocument,
  updateSide,
} from "~/models/ceremony.server";
import { listDignitaryRows, lockProtocolEvent } from "~/models/dignitaries.server";
import { getEventDetail } from "~/models/events.server";
import { findExistingOrganizationIds } from "~/models/organizations.server";
import { ServiceError } from "~/utils/errors";
import type { Actor } from "~/domain/access/permissions";

export interface CeremonyView {
  eventId: string;
  precision: TimePrecision;
  occasion: CeremonyOccasion;
  sides: SideRow[];
  documents: (CeremonyDocument & { titleEn: string | null; hostSide: "right" | "left" })[];
  /** Every dignitary (withdrawn ones left out), in entry order, with side and roles. */
  people: CeremonyPerson[];
  lines: GroupAttendanceLine[];
  proceedings: CeremonyProceeding[];
}

export async function loadCeremony(db: Db, eventId: string): Promise<CeremonyView> {
  const event = await getEventDetail(db, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  const [documents, roles, dignitaries, lines, agenda] = await Promise.all([
    listDocuments(db, [eventId]),
    listRoles(db, eventId),
    listDignitaryRows(db, eventId),
    listAttendanceLines(db, [eventId]),
    listAgenda(db, eventId),
  ]);
  return {
    eventId,
    precision: event.startPrecision,
    occasion: { occasionVi: event.occasion, occasionEn: event.occasionEn, contextVi: event.context, contextEn: event.contextEn },
    sides: event.sides,
    documents: documents.map(({ partyIds: _p, eventId: _e, ...d }) => d),
    people: dignitaries.map((d) => ({
      id: d.id,
      sideId: d.sideId,
      roles: roles.filter((r) => r.dignitaryId === d.id).map((r) => r.role),
    })),
    lines: lines.map(({ eventId: _e, ...l }) => l),
    proceedings: agenda.flatMap((item): CeremonyProceeding[] => {
      const keyPoints = keyPointsFromText(item.keyPoints);
      if (item.speakerInvitationId || !item.subject || keyPoints.length === 0) return [];
      return [{ agendaItemId: item.id, subjectVi: item.subject, subjectEn: item.subjectEn, keyPoints }];
    }),
  };
}

async function lockEvent(tx: Db, eventId: string) {
  const event = await lockProtocolEvent(tx, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  if (event.status === "cancelled") throw new ServiceError("conflict", "protocol.errors.cancelled");
  return event;
}

function invalid(fields: Record<string, string>): never {
  throw new ServiceError("invalid", "form.fixErrors", fields);
}

// ---------------------------------------------------------------------------------------------------
// Sides

async function checkSide(tx: Db, eventId: string, input: SideInput, sideId: string | null, sides: SideRow[]) {
  const fields: Record<string, string> = {};
  if (input.organizationId) {
    const known = await findExistingOrganizationIds(tx, [input.organizationId]);
    if (!known.has(input.organizationId)) fields.organizationId = "errors.unknownOrganization";
    else if (sides.some((s) => s.id !== sideId && s.organization?.id === input.organizationId))
      fields.organizationId = "ceremony.errors.sideTwice";
  }
  if (input.kind === "leaders" && sides.some((s) => s.id !== sideId && s.kind === "leaders"))
    fields.kind = "ceremony.errors.oneLeadersGroup";
  if (input.headPersonId) {
    const people = await listDignitaryRows(tx, eventId);
    const head = people.find((p) => p.id === input.headPersonId);
    if (!head) fields.headPersonId = "ceremony.errors.unknownPerson";
    else if (sideId && head.sideId !== sideId) fields.headPersonId = "ceremony.errors.headNotOfSide";
  }
  if (Object.keys(fields).length) invalid(fields);
}

/** Adds a side (sideId null) or changes one. */
export async function saveSide(db: Db, actor: Actor, eventId: string, sideId: string | null, input: SideInput): Promise<string> {
  return db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const sides = await listSides(tx, [eventId]);
    const current = sideId ? sides.find((s) => s.id === sideId) : undefined;
    if (sideId && !current) throw new ServiceError("not_found", "errors.notFound.body");
    if (!sideId && input.headPersonId) invalid({ headPersonId: "ceremony.errors.headNotOfSide" });
    await checkSide(tx, eventId, input, sideId, sides);
    const values = { ...input, order: current ? current.order : await nextSideOrder(tx, eventId) };
    const id = current ? current.id : await insertSide(tx, eventId, values);
    if (current) await updateSide(tx, eventId, current.id, values);
    await recordAudit(tx, {
      actor,
      action: current ? "ceremony.side.update" : "ceremony.side.create",
      entityType: "event",
      entityId: eventId,
      eventId,
      details: { sideId: id, kind: input.kind, organizationId: input.organizationId, label: input.labelVi },
    });
    return id;
  });
}

/**
 * Moves a side one place up or down in the ceremony's order of sides (the order the draft groups the delegations
 * in and the documents list their parties by default). Moving the first up or the last down changes nothing.
 */
export async function moveSide(db: Db, actor: Actor, eventId: string, sideId: string, direction: "up" | "down"): Promise<void> {
  await db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const sides = await listSides(tx, [eventId]);
    const index = sides.findIndex((s) => s.id === sideId);
    if (index < 0) throw new ServiceError("not_found", "errors.notFound.body");
    const other = sides[direction === "up" ? index - 1 : index + 1];
    if (!other) return;
    // Renumber all, then swap the two: positions stay distinct even if older rows shared one.
    const order = sides.map((s) => s.id);
    order[index] = other.id;
    order[sides.indexOf(other)] = sideId;
    await setSidePositions(tx, eventId, order.map((id, position) => ({ id, position })));
    await recordAudit(tx, { actor, action: "ceremony.side.move", entityType: "event", entityId: eventId, eventId, details: { sideId, direction } });
  });
}

/** Removes a side: its parties in documents go with their signatories; its people keep no side. */
export async function removeSide(db: Db, actor: Actor, eventId: string, sideId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const sides = await listSides(tx, [eventId]);
    if (!sides.some((s) => s.id === sideId)) throw new ServiceError("not_found", "errors.notFound.body");
    await deleteSides(tx, eventId, [sideId]);
    await recordAudit(tx, { actor, action: "ceremony.side.delete", entityType: "event", entityId: eventId, eventId, details: { sideId } });
  });
}

// ---------------------------------------------------------------------------------------------------
// Documents

/** Adds a document (documentId null) or changes one; parties that stay keep their signatories. */
export async function saveDocument(
  db: Db,
  actor: Actor,
  eventId: string,
  documentId: string | null,
  input: DocumentFormInput,
): Promise<string> {
  return db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const [sides, documents] = await Promise.all([listSides(tx, [eventId]), listDocuments(tx, [eventId])]);
    const current = documentId ? documents.find((d) => d.id === documentId) : undefined;
    if (documentId && !current) throw new ServiceError("not_found", "errors.notFound.body");
    if (input.partySideIds.some((id) => !sides.some((s) => s.id === id)))
      invalid({ partySideIds: "ceremony.errors.unknownSide" });
    if (input.partySideIds.some((id) => sides.find((s) => s.id === id)?.kind === "leaders"))
      invalid({ partySideIds: "ceremony.errors.leadersNotParty" });
    const values = {
      kind: input.kind,
      title: input.title,
      titleEn: input.titleEn,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      aims: input.aims,
      originals: input.originals,
      languages: input.languages,
      order: current ? current.order : documents.length,
    };
    const id = current ? current.id : await insertDocument(tx, eventId, values);
    if (current) await updateDocument(tx, eventId, id, values);
    await setDocumentParties(tx, id, input.partySideIds);
    await recordAudit(tx, {
      actor,
      action: current ? "ceremony.document.update" : "ceremony.document.create",
      entityType: "event",
      entityId: eventId,
      eventId,
      details: { documentId: id, title: input.title },
    });
    return id;
  });
}

export async function removeDocument(db: Db, actor: Actor, eventId: string, documentId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const documents = await listDocuments(tx, [eventId]);
    if (!documents.some((d) => d.id === documentId)) throw new ServiceError("not_found", "errors.notFound.body");
    await deleteDocuments(tx, eventId, [documentId]);
    await recordAudit(tx, { actor, action: "ceremony.document.delete", entityType: "event", entityId: eventId, eventId, details: { documentId } });
  });
}

// ---------------------------------------------------------------------------------------------------
// People: side and roles; signatories per party

function partyRowOf(documents: DocumentRow[], documentId: string, sideId: string): string | null {
  return documents.find((d) => d.id === documentId)?.partyIds[sideId] ?? null;
}

/**
 * Sets a person's side and roles (all of them: what is not listed goes). A signatory role names a document of the
 * event and one of its parties; a person signs at most once per document.
 */
export async function setPersonCeremony(
  db: Db,
  actor: Actor,
  eventId: string,
  dignitaryId: string,
  input: Partial<PersonCeremonyInput>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const [people, sides, documents, roles] = await Promise.all([
      listDignitaryRows(tx, eventId),
      listSides(tx, [eventId]),
      listDocuments(tx, [eventId]),
      listRoles(tx, eventId),
    ]);
    const person = people.find((p) => p.id === dignitaryId);
    if (!person) throw new ServiceError("not_found", "errors.notFound.body");
    const fields: Record<string, string> = {};
    if (input.sideId && !sides.some((s) => s.id === input.sideId)) fields.sideId = "ceremony.errors.unknownSide";
    const signed = new Set<string>();
    (input.roles ?? []).forEach((r, i) => {
      if (r.kind !== "signatory") return;
      if (!partyRowOf(documents, r.documentId, r.sideId)) fields[`roles.${i}`] = "ceremony.errors.notAParty";
      else if (signed.has(r.documentId)) fields[`roles.${i}`] = "ceremony.errors.signsTwice";
      signed.add(r.documentId);
    });
    if (Object.keys(fields).length) invalid(fields);
    if (input.sideId !== undefined && input.sideId !== person.sideId) await setDignitarySide(tx, dignitaryId, input.sideId);
    if (input.roles !== undefined) {
      const own = roles.filter((r) => r.dignitaryId === dignitaryId);
      const seen = new Set<string>();
      const rows = input.roles.flatMap((r): { role: CeremonyRole["kind"]; documentPartyId: string | null; position: number }[] => {
        const key = r.kind === "signatory" ? `${r.documentId}:${r.sideId}` : r.kind;
        if (seen.has(key)) return [];
        seen.add(key);
        if (r.kind !== "signatory") return [{ role: r.kind, documentPartyId: null, position: 0 }];
        // A signatory already listed for this party keeps their place among its signatories; a new one goes last.
        const before = own.find((o) => o.role.kind === "signatory" && o.role.documentId === r.documentId && o.role.sideId === r.sideId);
        const others = roles.filter(
          (o) => o.dignitaryId !== dignitaryId && o.role.kind === "signatory" && o.role.documentId === r.documentId && o.role.sideId === r.sideId,
        );
        const position = before ? before.position : Math.max(-1, ...others.map((o) => o.position)) + 1;
        return [{ role: "signatory", documentPartyId: partyRowOf(documents, r.documentId, r.sideId), position }];
      });
      await replaceRoles(tx, dignitaryId, rows);
    }
    await recordAudit(tx, {
      actor,
      action: "ceremony.person",
      entityType: "dignitary",
      entityId: dignitaryId,
      eventId,
      details: { sideId: input.sideId, roles: input.roles?.map(roleLabel) },
    });
  });
}

function roleLabel(r: CeremonyRole): string {
  return r.kind === "signatory" ? `signatory:${r.documentId}:${r.sideId}` : r.kind;
}

/** Sets who signs document X for party Y, in order (each a dignitary of the event, signing that document once). */
export async function setPartySignatories(
  db: Db,
  actor: Actor,
  eventId: string,
  documentId: string,
  sideId: string,
  dignitaryIds: string[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const [people, documents, roles] = await Promise.all([
      listDignitaryRows(tx, eventId),
      listDocuments(tx, [eventId]),
      listRoles(tx, eventId),
    ]);
    const partyId = partyRowOf(documents, documentId, sideId);
    if (!partyId) throw new ServiceError("not_found", "errors.notFound.body");
    const fields: Record<string, string> = {};
    dignitaryIds.forEach((id, i) => {
      if (!people.some((p) => p.id === id)) fields[`signatoryIds.${i}`] = "protocol.errors.signatoryUnknown";
      else if (
        dignitaryIds.indexOf(id) !== i ||
        roles.some((r) => r.dignitaryId === id && r.role.kind === "signatory" && r.role.documentId === documentId && r.role.sideId !== sideId)
      )
        fields[`signatoryIds.${i}`] = "ceremony.errors.signsTwice";
    });
    if (Object.keys(fields).length) invalid(fields);
    await replacePartySignatories(tx, partyId, dignitaryIds);
    await recordAudit(tx, {
      actor,
      action: "ceremony.signatories",
      entityType: "event",
      entityId: eventId,
      eventId,
      details: { documentId, sideId, signatoryIds: dignitaryIds },
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Attendance lines

async function checkLine(tx: Db, eventId: string, input: AttendanceLineInput) {
  if (input.sideId && !(await listSides(tx, [eventId])).some((s) => s.id === input.sideId))
    invalid({ sideId: "ceremony.errors.unknownSide" });
}

export async function addAttendanceLine(db: Db, actor: Actor, eventId: string, input: AttendanceLineInput): Promise<string> {
  return db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    await checkLine(tx, eventId, input);
    const id = await insertAttendanceLine(tx, eventId, { ...input, order: await nextAttendanceLineOrder(tx, eventId) });
    await recordAudit(tx, { actor, action: "ceremony.line.create", entityType: "event", entityId: eventId, eventId, details: { text: input.textVi } });
    return id;
  });
}

export async function changeAttendanceLine(db: Db, actor: Actor, eventId: string, lineId: string, input: AttendanceLineInput): Promise<void> {
  await db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    await checkLine(tx, eventId, input);
    const current = (await listAttendanceLines(tx, [eventId])).find((l) => l.id === lineId);
    if (!current) throw new ServiceError("not_found", "errors.notFound.body");
    await updateAttendanceLine(tx, eventId, lineId, { ...input, order: current.order });
    await recordAudit(tx, { actor, action: "ceremony.line.update", entityType: "event", entityId: eventId, eventId, details: { text: input.textVi } });
  });
}

export async function removeAttendanceLine(db: Db, actor: Actor, eventId: string, lineId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    if (!(await deleteAttendanceLine(tx, eventId, lineId))) throw new ServiceError("not_found", "errors.notFound.body");
    await recordAudit(tx, { actor, action: "ceremony.line.delete", entityType: "event", entityId: eventId, eventId, details: { lineId } });
  });
}

// ---------------------------------------------------------------------------------------------------
// Agenda items: the document a signing item signs, the subject of a proceeding without a speaker

export interface AgendaItemCeremonyInput {
  subject: string | null;
  subjectEn: string | null;
  documentId: string | null;
}

export async function setAgendaItemDetails(
  db: Db,
  actor: Actor,
  eventId: string,
  itemId: string,
  input: AgendaItemCeremonyInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    if (input.documentId && !(await listDocuments(tx, [eventId])).some((d) => d.id === input.documentId))
      invalid({ documentId: "ceremony.errors.unknownDocument" });
    if (!(await setAgendaItemCeremony(tx, eventId, itemId, input))) throw new ServiceError("not_found", "errors.notFound.body");
    await recordAudit(tx, {
      actor,
      action: "ceremony.agendaItem",
      entityType: "agenda_item",
      entityId: itemId,
      eventId,
      details: { ...input },
    });
  });
}
