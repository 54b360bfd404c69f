import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ceremonyRoleKinds, documentKinds, sideKinds } from "../../app/domain/ceremony/types";
import { createdAt, id } from "./_columns";
import { events } from "./events";
import { organizations } from "./organizations";
import { dignitaries } from "./protocol";

/**
 * The structure of a ceremony: its sides (parties with their delegations, and the leaders who belong to no
 * party), the documents signed or reviewed, each person's ceremony roles and the unnamed attendance lines.
 */

export const sideKind = pgEnum("side_kind", sideKinds);

export const eventSides = pgTable(
  "event_sides",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    kind: sideKind("kind").notNull(),
    /** The party's organization; null for the leaders above the sides ("lãnh đạo Đảng, Nhà nước") or a party
     * typed without a directory entry (then the label names it). */
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "restrict" }),
    /** How the press names the delegation ("Về phía <label>"): "Bộ Công an", "tỉnh Thái Bình"; null = the organization. */
    label: text("label"),
    labelEn: text("label_en"),
    headDignitaryId: uuid("head_dignitary_id").references((): AnyPgColumn => dignitaries.id, { onDelete: "set null" }),
    /** BCP 47 language of the delegation ("vi", "lo", "km", "en"). */
    language: text("language").notNull().default("vi"),
    position: integer("position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("event_sides_event_idx").on(t.eventId, t.position),
    uniqueIndex("event_sides_organization_idx").on(t.eventId, t.organizationId),
    check(
      "event_sides_named",
      sql`${t.kind} = 'leaders' or ${t.organizationId} is not null or ${t.label} is not null`,
    ),
  ],
);

export const documentKind = pgEnum("document_kind", documentKinds);

export const eventDocuments = pgTable(
  "event_documents",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: documentKind("kind").notNull(),
    title: text("title").notNull(),
    titleEn: text("title_en"),
    periodStart: integer("period_start"),
    periodEnd: integer("period_end"),
    aims: text("aims"),
    originals: integer("originals"),
    /** Languages of the originals ("vi", "lo"). */
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    /** The side of the signing table (its own right or left) the first party signs on. */
    hostSide: text("host_side").notNull().default("left"),
    createdAt: createdAt(),
  },
  (t) => [index("event_documents_event_idx").on(t.eventId, t.position)],
);

export const documentParties = pgTable(
  "document_parties",
  {
    id: id(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => eventDocuments.id, { onDelete: "cascade" }),
    sideId: uuid("side_id")
      .notNull()
      .references(() => eventSides.id, { onDelete: "cascade" }),
    /** Signing order (0 = signs first). */
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("document_parties_side_idx").on(t.documentId, t.sideId)],
);

export const ceremonyRole = pgEnum("ceremony_role", ceremonyRoleKinds);

/** A person's roles at the ceremony (several allowed). A signatory signs for one party of one document. */
export const ceremonyRoles = pgTable(
  "ceremony_roles",
  {
    id: id(),
    dignitaryId: uuid("dignitary_id")
      .notNull()
      .references(() => dignitaries.id, { onDelete: "cascade" }),
    role: ceremonyRole("role").notNull(),
    documentPartyId: uuid("document_party_id").references(() => documentParties.id, { onDelete: "cascade" }),
    /** Among the signatories of one party: 0 = first. */
    position: integer("position").notNull().default(0),
  },
  (t) => [
    index("ceremony_roles_dignitary_idx").on(t.dignitaryId),
    index("ceremony_roles_party_idx").on(t.documentPartyId),
    uniqueIndex("ceremony_roles_unique_idx").on(t.dignitaryId, t.role, sql`coalesce(${t.documentPartyId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
    check("ceremony_roles_signatory_party", sql`(${t.role} = 'signatory') = (${t.documentPartyId} is not null)`),
  ],
);

/** Unnamed attendance ("cùng các đồng chí trong Ban Thường vụ Tỉnh ủy"), placed among the named people. */
export const attendanceLines = pgTable(
  "attendance_lines",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    textVi: text("text_vi").notNull(),
    textEn: text("text_en"),
    /** The side it belongs to (grouping "về phía …"); null = no side. */
    sideId: uuid("side_id").references(() => eventSides.id, { onDelete: "set null" }),
    /** The 1-based place it takes in the merged precedence order; null = after the named people of its side. */
    place: integer("place"),
    /** Order among the lines. */
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("attendance_lines_event_idx").on(t.eventId, t.position)],
);
