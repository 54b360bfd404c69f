import { type AnyPgColumn, boolean, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { agendaKinds } from "../../app/domain/agenda/agenda";
import { seatingModes, tableKinds, tableSides } from "../../app/domain/protocol/seating.schema";
import { users } from "./accounts";
import { createdAt, id, instant, updatedAt } from "./_columns";
import { eventDocuments, eventSides } from "./ceremony";
import { events } from "./events";
import { invitations } from "./invitations";

/**
 * A dignitary at one event. Name, honorific and positions are a snapshot taken for this event (a report of
 * 2017 must keep the positions held in 2017 even after the directory changes).
 */
export const dignitaries = pgTable(
  "dignitaries",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    invitationId: uuid("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    honorific: text("honorific"),
    name: text("name").notNull(),
    positions: text("positions").array().notNull().default(sql`'{}'::text[]`),
    organization: text("organization"),
    /** For grouping in the press: "Về phía Bộ …", "Về phía tỉnh …". */
    delegation: text("delegation"),
    /** The side (party or leaders' group) the person belongs to; null = none. */
    sideId: uuid("side_id").references((): AnyPgColumn => eventSides.id, { onDelete: "set null" }),
    arrivalAt: instant("arrival_at"),
    escortUserId: uuid("escort_user_id").references(() => users.id, { onDelete: "set null" }),
    notes: text("notes"),
    /** Hand-set order (1 = first); null = the proposal from the position table decides. */
    manualPlace: integer("manual_place"),
    /** Overrides of the generated forms of address; null = generated. */
    fullAddressOverride: text("full_address_override"),
    shortAddressOverride: text("short_address_override"),
    englishAddressOverride: text("english_address_override"),
    /** The order in which dignitaries were entered (tie-break for unknown positions). */
    entryOrder: integer("entry_order").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("dignitaries_invitation_idx").on(t.invitationId), index("dignitaries_event_idx").on(t.eventId)],
);

export const agendaKind = pgEnum("agenda_kind", agendaKinds);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    startsAt: instant("starts_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    title: text("title").notNull(),
    /** The item's English title (English MC script, programme, calendar); null = the Vietnamese, marked. */
    titleEn: text("title_en"),
    kind: agendaKind("kind").notNull().default("other"),
    responsibleUserId: uuid("responsible_user_id").references(() => users.id, { onDelete: "set null" }),
    speakerInvitationId: uuid("speaker_invitation_id").references(() => invitations.id, { onDelete: "set null" }),
    place: text("place"),
    notes: text("notes"),
    /** A speech's key points, one per line: they feed the press summary. */
    keyPoints: text("key_points"),
    /** Proceedings without a named speaker: who acts ("Hai bên", "Lãnh đạo hai huyện"). */
    subject: text("subject"),
    subjectEn: text("subject_en"),
    /** A signing item: the document signed. */
    documentId: uuid("document_id").references((): AnyPgColumn => eventDocuments.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("agenda_items_event_idx").on(t.eventId, t.position)],
);

/** The MC script as edited by a person (null rows = generated). */
export const mcScripts = pgTable("mc_scripts", {
  eventId: uuid("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  body: text("body").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});

export const seatingTableKind = pgEnum("seating_table_kind", tableKinds);
export const seatingMode = pgEnum("seating_mode", seatingModes);
export const tableSide = pgEnum("table_side", tableSides);

export const seatingTables = pgTable(
  "seating_tables",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: seatingTableKind("kind").notNull(),
    seatCount: integer("seat_count").notNull(),
    mode: seatingMode("mode").notNull().default("centre-out"),
    /** Centre-out: where #2 sits, from the table's own point of view. */
    secondTo: tableSide("second_to").notNull().default("right"),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("seating_tables_event_idx").on(t.eventId, t.position)],
);

export const seats = pgTable(
  "seats",
  {
    tableId: uuid("table_id")
      .notNull()
      .references(() => seatingTables.id, { onDelete: "cascade" }),
    /** 0 = the audience's leftmost seat. */
    seatIndex: integer("seat_index").notNull(),
    invitationId: uuid("invitation_id").references(() => invitations.id, { onDelete: "set null" }),
    /** 0 = the invitee; 1…n = the n-th companion they named (invitations.companion_names). See docs/decisions/028. */
    companionIndex: integer("companion_index").notNull().default(0),
    reserved: boolean("reserved").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.tableId, t.seatIndex] }), index("seats_invitation_idx").on(t.invitationId)],
);
