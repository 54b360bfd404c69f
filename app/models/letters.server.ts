/** Queries for the invitation letter (Giấy mời): the event with its host and the host's parent, the invitees. */
import { and, asc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "#db/client.server";
import { events, invitations, letterSettings, organizations, people } from "#db/schema/index";
import type { LetterSettings } from "~/domain/letter/letter-settings.schema";
import { eventColumns, invitationColumns, letterSettingColumns, personColumns, pickColumns } from "./columns";

export interface LetterEventRow {
  id: string;
  title: string;
  titleEn: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  startPrecision: "time" | "date";
  venueName: string | null;
  venueNameEn: string | null;
  venueRoom: string | null;
  venueAddress: string | null;
  host: { nameVi: string; nameEn: string | null; shortName: string | null } | null;
  parent: { nameVi: string; nameEn: string | null; shortName: string | null } | null;
}

export async function getLetterEvent(db: Db, eventId: string): Promise<LetterEventRow | null> {
  const host = alias(organizations, "host");
  const parent = alias(organizations, "host_parent");
  const [row] = await db
    .select({
      ...pickColumns(eventColumns, ["id", "title", "titleEn", "startsAt", "endsAt", "timeZone", "startPrecision", "venueName", "venueNameEn", "venueRoom", "venueAddress"]),
      hostNameVi: host.nameVi,
      hostNameEn: host.nameEn,
      hostShortName: host.shortName,
      parentNameVi: parent.nameVi,
      parentNameEn: parent.nameEn,
      parentShortName: parent.shortName,
    })
    .from(events)
    .leftJoin(host, eq(host.id, events.hostOrganizationId))
    .leftJoin(parent, eq(parent.id, host.parentId))
    .where(eq(events.id, eventId));
  if (!row) return null;
  const { hostNameVi, hostNameEn, hostShortName, parentNameVi, parentNameEn, parentShortName, ...event } = row;
  return {
    ...event,
    host: hostNameVi ? { nameVi: hostNameVi, nameEn: hostNameEn, shortName: hostShortName } : null,
    parent: parentNameVi ? { nameVi: parentNameVi, nameEn: parentNameEn, shortName: parentShortName } : null,
  };
}

/** The invitees a letter can be addressed to: names and positions only (no contact details). */
export interface LetterInviteeRow {
  id: string;
  honorific: string | null;
  name: string;
  positions: string[];
  organization: string | null;
  language: "vi" | "en";
}

export function listLetterInvitees(db: Db, eventId: string): Promise<LetterInviteeRow[]> {
  return db
    .select({
      id: invitationColumns.id,
      honorific: personColumns.honorific,
      name: personColumns.fullName,
      ...pickColumns(personColumns, ["positions", "organization", "language"]),
    })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(and(eq(invitations.eventId, eventId), isNull(invitations.withdrawnAt)))
    .orderBy(asc(people.nameSearch), asc(invitations.id));
}

/** The letter settings saved for an event (empty strings where nothing was typed), or null when none were saved. */
export async function getLetterSettings(db: Db, eventId: string): Promise<LetterSettings | null> {
  const [row] = await db
    .select(letterSettingColumns)
    .from(letterSettings)
    .where(eq(letterSettings.eventId, eventId));
  if (!row) return null;
  const authority = row.authority === "TM" || row.authority === "KT" ? row.authority : "";
  return { ...row, authority, issuedOn: row.issuedOn ?? "" };
}

export async function upsertLetterSettings(db: Db, eventId: string, userId: string, s: LetterSettings): Promise<void> {
  const values = { ...s, issuedOn: s.issuedOn || null, updatedBy: userId, updatedAt: new Date() };
  await db
    .insert(letterSettings)
    .values({ eventId, ...values })
    .onConflictDoUpdate({ target: letterSettings.eventId, set: values });
}
