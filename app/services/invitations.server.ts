import { freeCompanionSeats } from "~/models/seating.server";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import type { AttendeeImportRow, AttendeeInput } from "~/domain/attendees/attendee.schema";
import { emailKey, matchPersonByKeys, nameOrgKey, nameOrgKeyOf, nameSearchOf, type DedupeKeys } from "~/domain/attendees/dedupe";
import { recordAudit } from "~/models/audit.server";
import { getEventOwner } from "~/models/events.server";
import {
  findInvitation,
  getInvitation,
  insertInvitation,
  markInvitationWithdrawn,
  updateInvitation,
  type Invitation,
  type InvitationWithPerson,
} from "~/models/invitations.server";
import {
  findPeopleByEmailOrName,
  findPersonIdByEmail,
  insertPeople,
  mergeIntoPeople,
  replacePerson,
  type Person,
  type PersonValues,
} from "~/models/people.server";
import { ServiceError } from "~/utils/errors";
import { emitWebhook } from "./webhooks.server";
import type { Actor } from "~/domain/access/permissions";


/** Adding someone who is already on the event's list: the route links to the existing invitation. */
export class AlreadyInvitedError extends ServiceError {
  constructor(
    readonly invitationId: string,
    readonly withdrawn: boolean,
  ) {
    super("conflict", withdrawn ? "attendees.errors.alreadyInvitedWithdrawn" : "attendees.errors.alreadyInvited");
    this.name = "AlreadyInvitedError";
  }
}

/**
 * Serialises writes that create people within a transaction: without an email there is no unique index to
 * stop two simultaneous imports from creating the same person twice.
 */
const DIRECTORY_LOCK = 7_240_511_093;
export async function lockDirectory(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${DIRECTORY_LOCK}::bigint)`);
}

/** New invitations and imports are refused on a cancelled (or missing) event. */
export async function assertEventAcceptsAttendees(db: Db, eventId: string): Promise<void> {
  const event = await getEventOwner(db, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  if (event.status === "cancelled") throw new ServiceError("conflict", "attendees.errors.eventCancelled");
}

/** A person's values from the form or an import row; in a merge, null means "keep what is stored". */
export function personValuesOf(input: AttendeeInput | AttendeeImportRow): PersonValues {
  return {
    honorific: input.honorific,
    fullName: input.fullName,
    nameSearch: nameSearchOf(input.fullName),
    positions: input.positions.length ? input.positions : null,
    organization: input.organization,
    email: emailKey(input.email),
    phone: input.phone,
    language: input.language,
    notes: input.notes,
  };
}

/**
 * Finds or creates each record's person in the directory (rules in app/domain/attendees/dedupe.ts), merging
 * the fields given into people found. Returns the person id of each record, in order. Call inside a
 * transaction after lockDirectory().
 */
export async function savePeople(
  tx: Db,
  records: readonly PersonValues[],
): Promise<{ personIds: string[]; created: number; updated: number }> {
  // Each record's keys once (its name is folded already: PersonValues.nameSearch).
  const keys: DedupeKeys[] = records.map((r) => ({ email: r.email, nameOrg: nameOrgKeyOf(r.nameSearch, r.organization) }));
  const emails = [...new Set(records.map((r) => r.email).filter((e): e is string => !!e))];
  const names = new Map<string, { nameSearch: string; organization: string | null }>();
  for (const r of records) {
    const key = `${r.nameSearch}\u0000${r.organization ?? ""}`;
    if (!names.has(key)) names.set(key, { nameSearch: r.nameSearch, organization: r.organization });
  }
  // One statement for the whole batch: the people with one of its emails, and those with one of its names and
  // (nearly: the database's coarser key) its organizations — not everyone with the same name.
  const candidates = await findPeopleByEmailOrName(tx, { emails, names: [...names.values()] });
  // Indexed once per batch (each candidate's keys computed once, lists appended in place).
  type Keyed = DedupeKeys & { candidate: (typeof candidates)[number] };
  const candidatesByNameOrg = new Map<string, Keyed[]>();
  const candidatesByEmail = new Map<string, Keyed>();
  for (const c of candidates) {
    const keyed: Keyed = { candidate: c, email: emailKey(c.email), nameOrg: nameOrgKey(c) };
    const list = candidatesByNameOrg.get(keyed.nameOrg);
    if (list) list.push(keyed);
    else candidatesByNameOrg.set(keyed.nameOrg, [keyed]);
    if (keyed.email && !candidatesByEmail.has(keyed.email)) candidatesByEmail.set(keyed.email, keyed);
  }

  const personIds: string[] = [];
  const merges = new Map<string, PersonValues & { id: string }>();
  const inserts: (PersonValues & { id: string })[] = [];
  records.forEach((record, i) => {
    // The rule over the record's own candidates: the one with its email (the oldest), then those with its name and
    // organization (the others could never match: a name match needs the organization too).
    const key = keys[i]!;
    const byEmail = key.email ? candidatesByEmail.get(key.email) : undefined;
    const sameNameOrg = candidatesByNameOrg.get(key.nameOrg) ?? [];
    const match = matchPersonByKeys(key, byEmail ? [byEmail, ...sameNameOrg] : sameNameOrg);
    if (match) {
      personIds.push(match.id);
      // Two records of one batch reaching the same person: the first one's values win.
      if (!merges.has(match.id)) merges.set(match.id, { ...record, id: match.id });
    } else {
      const id = randomUUID();
      personIds.push(id);
      inserts.push({ ...record, id });
    }
  });
  await mergeIntoPeople(tx, [...merges.values()]);
  const inserted = await insertPeople(tx, inserts);
  // A row whose email another transaction took meanwhile merged into that person: use its id.
  const idByEmail = new Map(inserted.filter((r) => r.email).map((r) => [emailKey(r.email)!, r.id]));
  const replaced = new Map<string, string>();
  for (const row of inserts) {
    const actual = row.email ? idByEmail.get(row.email) : undefined;
    if (actual && actual !== row.id) replaced.set(row.id, actual);
  }
  return {
    personIds: personIds.map((id) => replaced.get(id) ?? id),
    created: inserts.length - replaced.size,
    updated: merges.size + replaced.size,
  };
}

function invitationValuesOf(input: AttendeeInput) {
  return {
    role: input.role,
    groupLabel: input.groupLabel,
    plusOnes: input.plusOnes,
    dietaryNeeds: input.dietaryNeeds,
    accessNeeds: input.accessNeeds,
  };
}

/**
 * Adds one attendee by hand: finds the person in the directory (or creates them, filling in what the form
 * adds) and invites them. Someone already on the list is an AlreadyInvitedError, and nothing is written.
 */
export async function addAttendee(db: Db, actor: Actor, eventId: string, input: AttendeeInput): Promise<InvitationWithPerson> {
  const id = await db.transaction(async (tx) => {
    await assertEventAcceptsAttendees(tx, eventId);
    await lockDirectory(tx);
    const { personIds, created } = await savePeople(tx, [personValuesOf(input)]);
    const personId = personIds[0]!;
    const existing = await findInvitation(tx, eventId, personId);
    if (existing) throw new AlreadyInvitedError(existing.id, existing.withdrawnAt !== null);
    const invitationId = await insertInvitation(tx, eventId, personId, invitationValuesOf(input));
    await recordAudit(tx, {
      actor,
      action: "invitation.create",
      entityType: "invitation",
      entityId: invitationId,
      eventId,
      details: { fullName: input.fullName, personCreated: created === 1 },
    });
    return invitationId;
  });
  const invitation = await getInvitation(db, id);
  if (!invitation) throw new Error("created invitation not found");
  return invitation;
}

async function loadForEvent(db: Db, invitationId: string, eventId: string | undefined): Promise<InvitationWithPerson> {
  const invitation = await getInvitation(db, invitationId);
  if (!invitation || (eventId !== undefined && invitation.eventId !== eventId))
    throw new ServiceError("not_found", "attendees.errors.notFound");
  return invitation;
}

function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * Saves the edit form: every field of the person (shared by all their events: the form says so) and of this
 * invitation. An email that belongs to another person in the directory is a field error.
 */
export async function updateAttendee(
  db: Db,
  actor: Actor,
  invitationId: string,
  input: AttendeeInput,
  options: { eventId?: string } = {},
): Promise<InvitationWithPerson> {
  await db.transaction(async (tx) => {
    const current = await loadForEvent(tx, invitationId, options.eventId);
    const values = personValuesOf(input);
    if (values.email) {
      const owner = await findPersonIdByEmail(tx, values.email);
      if (owner && owner !== current.personId)
        throw new ServiceError("invalid", "form.fixErrors", { email: "attendees.errors.emailTaken" });
    }
    await replacePerson(tx, current.personId, values);
    await updateInvitation(tx, invitationId, invitationValuesOf(input));
    // A smaller allowance frees the seats of the companions past it (docs/decisions/028).
    const allowance = invitationValuesOf(input).plusOnes;
    if (allowance < current.plusOnes) await freeCompanionSeats(tx, invitationId, allowance);
    const before: Record<string, unknown> = {
      ...personSnapshot(current.person),
      role: current.role,
      groupLabel: current.groupLabel,
      plusOnes: current.plusOnes,
      dietaryNeeds: current.dietaryNeeds,
      accessNeeds: current.accessNeeds,
    };
    const after: Record<string, unknown> = {
      honorific: values.honorific,
      fullName: values.fullName,
      positions: values.positions ?? [],
      organization: values.organization,
      email: values.email,
      phone: values.phone,
      language: values.language,
      notes: values.notes,
      ...invitationValuesOf(input),
    };
    await recordAudit(tx, {
      actor,
      action: "invitation.update",
      entityType: "invitation",
      entityId: invitationId,
      eventId: current.eventId,
      details: { fullName: input.fullName, changed: changedKeys(before, after) },
    });
  });
  return loadForEvent(db, invitationId, options.eventId);
}

function personSnapshot(p: Person): Record<string, unknown> {
  return {
    honorific: p.honorific,
    fullName: p.fullName,
    positions: p.positions,
    organization: p.organization,
    email: p.email,
    phone: p.phone,
    language: p.language,
    notes: p.notes,
  };
}

/**
 * Withdraws an invitation: sets withdrawnAt and records it in the event's history, in one transaction (pass
 * a transaction as `db` to join a larger one). The person stays in the directory; the invitation stays on
 * the list, shown apart and not counted. Withdrawing twice is a conflict. Sending the CANCEL message is the
 * caller's business (the mail outbox hooks in here).
 * `options.eventId` makes an invitation of another event "not found" (routes pass the event of the URL).
 */
export async function withdrawInvitation(
  db: Db,
  actor: Actor,
  invitationId: string,
  options: { eventId?: string; at?: Date } = {},
): Promise<Invitation & { person: Person }> {
  return db.transaction(async (tx) => {
    const current = await loadForEvent(tx, invitationId, options.eventId);
    const row = await markInvitationWithdrawn(tx, invitationId, options.at ?? new Date());
    if (!row) throw new ServiceError("conflict", "attendees.errors.alreadyWithdrawn");
    await recordAudit(tx, {
      actor,
      action: "invitation.withdraw",
      entityType: "invitation",
      entityId: invitationId,
      eventId: row.eventId,
      details: { fullName: current.person.fullName, status: row.status },
    });
    await emitWebhook(tx, {
      type: "invitation.withdrawn",
      eventId: row.eventId,
      data: { invitationId, previousStatus: row.status, withdrawnAt: (row.withdrawnAt ?? new Date()).toISOString() },
      personalData: { guest: { name: current.person.fullName, email: current.person.email } },
    });
    return { ...row, person: current.person };
  });
}
