import { sql, type SQL } from "drizzle-orm";
import { type AnyPgColumn, boolean, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { invitationRoles, invitationStatuses } from "../../app/domain/attendees/attendee.schema";
import { vietnameseFoldTable } from "../../app/domain/attendees/search";
import { localeEnum, users } from "./accounts";
import { createdAt, id, instant, updatedAt } from "./_columns";
import { events } from "./events";

/**
 * The organization as the directory's look-up for deduplication compares it: a coarse key the database computes
 * the same way on both sides of the comparison (whatever its locale), so that a chunk's candidates are found by
 * index probes of (name_search, key) instead of every person with the same name. NFC, lower case, every
 * Vietnamese letter and A–Z folded to a–z (the search's fold table), then everything but a–z and 0–9 dropped.
 * Two organizations that `organizationKey` (app/domain/attendees/dedupe.ts) calls equal have the same key here;
 * the few it joins that the rule keeps apart ("Sở Y tế" and "So Y te") are told apart in JavaScript by that rule.
 * The index and the look-up (models/people.server.ts) are built from this one function, so the planner matches them.
 */
export function organizationMatchKey(organization: SQL | AnyPgColumn): SQL {
  return sql`regexp_replace(translate(lower(normalize(coalesce(${organization}, ''), NFC)), ${sql.raw(`'${vietnameseFoldTable.from}'`)}, ${sql.raw(`'${vietnameseFoldTable.to}'`)}), '[^a-z0-9]+', '', 'g')`;
}

/** The people directory, shared by all events. Deduplicated by email, else by folded name + organization. */
export const people = pgTable(
  "people",
  {
    id: id(),
    honorific: text("honorific"),
    fullName: text("full_name").notNull(),
    /** The full name folded for diacritic-insensitive search (app/domain/text/search.ts). */
    nameSearch: text("name_search").notNull(),
    /** Positions in order, e.g. ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"]. */
    positions: text("positions").array().notNull().default(sql`'{}'::text[]`),
    organization: text("organization"),
    /**
     * The organization folded like nameSearch, kept by the database (translate() over the Vietnamese letters,
     * app/domain/attendees/search.ts): the search reads it through a trigram index instead of every row.
     */
    organizationSearch: text("organization_search").generatedAlwaysAs(
      sql`lower(translate("organization", ${sql.raw(`'${vietnameseFoldTable.from}'`)}, ${sql.raw(`'${vietnameseFoldTable.to}'`)}))`,
    ),
    email: text("email"),
    phone: text("phone"),
    language: localeEnum("language").notNull().default("vi"),
    notes: text("notes"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("people_email_lower_idx").on(sql`lower(${t.email})`).where(sql`${t.email} is not null`),
    // The look-up of people with the same name and organization (deduplication, `organizationMatchKey` above).
    index("people_name_organization_key_idx").on(t.nameSearch, organizationMatchKey(t.organization)),
    // Vietnamese lists sort by given name (the last word): this keeps the first page of 100,000 fast (bench/).
    index("people_given_name_idx").on(sql`split_part(${t.nameSearch}, ' ', -1)`, t.nameSearch),
    // The search ("%chuyen%", "%so giao duc%"): a substring of the folded name, organization or email, through
    // pg_trgm (decision 019). Below three letters a trigram index cannot narrow, and the planner reads the table.
    index("people_name_search_trgm_idx").using("gin", sql`${t.nameSearch} gin_trgm_ops`),
    index("people_organization_search_trgm_idx").using("gin", sql`${t.organizationSearch} gin_trgm_ops`),
    index("people_email_trgm_idx").using("gin", sql`lower(${t.email}) gin_trgm_ops`),
  ],
);

export const invitationRole = pgEnum("invitation_role", invitationRoles);
export const invitationStatus = pgEnum("invitation_status", invitationStatuses);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    role: invitationRole("role").notNull().default("guest"),
    groupLabel: text("group_label"),
    /** Companions allowed by the organizer (0–20); the invitee says who actually comes (companionNames). */
    plusOnes: integer("plus_ones").notNull().default(0),
    /**
     * The companions who actually come, named by the invitee (at most plusOnes): null = not said yet (counted
     * as none), [] = nobody comes along. docs/decisions/028-delegates-and-companions.md.
     */
    companionNames: text("companion_names").array(),
    status: invitationStatus("status").notNull().default("not_sent"),
    respondedAt: instant("responded_at"),
    comment: text("comment"),
    dietaryNeeds: text("dietary_needs"),
    accessNeeds: text("access_needs"),
    /** Set when the invitation is withdrawn: its links stop working and a CANCEL is sent. */
    withdrawnAt: instant("withdrawn_at"),
    /** A deputy's invitation: the invitation of the person they stand in for ("thay mặt"), withdrawn as delegated. */
    deputyForInvitationId: uuid("deputy_for_invitation_id").references((): AnyPgColumn => invitations.id, { onDelete: "set null" }),
    /**
     * The calendar-reply token (128 random bits, lower-case hex): the local part of the ORGANIZER / Reply-To
     * address `rsvp+<token>@INBOUND_DOMAIN`. Not the personal link token: mail servers see this one, and it
     * only lets a calendar REPLY for this invitation's ATTENDEE through (docs/decisions/027-calendar-replies.md).
     */
    replyToken: text("reply_token")
      .notNull()
      .default(sql`replace(gen_random_uuid()::text, '-', '')`),
    /** A delivery status notification said mail to `bouncedEmail` failed: nothing more goes there until it is edited. */
    bouncedAt: instant("bounced_at"),
    bounceReason: text("bounce_reason"),
    bouncedEmail: text("bounced_email"),
    /**
     * The list's name order, copied from the person by triggers (migration 0021, kept on every insert, change of
     * person and change of the person's name): the given name (last word of people.name_search), then
     * people.name_search. On the invitation so that a page of the list is a walk of one index of the event
     * (keyset paging, docs/decisions/019-speed.md). Written by the app in one place only: the import's insert
     * (insertMissingInvitations) reads them from the person in the same statement, and the insert trigger skips a
     * row that arrives with them (migration 0025); an UPDATE of them is always recomputed from the person.
     */
    sortGiven: text("sort_given").notNull().default(""),
    sortName: text("sort_name").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("invitations_event_person_idx").on(t.eventId, t.personId),
    index("invitations_event_name_order_idx").on(t.eventId, t.sortGiven, t.sortName, t.id),
    index("invitations_event_bounced_idx").on(t.eventId).where(sql`${t.bouncedAt} is not null`),
    index("invitations_event_status_idx").on(t.eventId, t.status),
    // The list filtered by a status, in name order: a walk of the event's active rows of that status only (migration
    // 0023), where the name-order index would read and skip the rows of every other status.
    index("invitations_event_status_name_order_idx")
      .on(t.eventId, t.status, t.sortGiven, t.sortName, t.id)
      .where(sql`${t.withdrawnAt} is null`),
    index("invitations_event_role_idx").on(t.eventId, t.role),
    index("invitations_event_group_idx").on(t.eventId, t.groupLabel),
    index("invitations_person_idx").on(t.personId),
    uniqueIndex("invitations_reply_token_idx").on(t.replyToken),
    index("invitations_bounced_email_idx").on(sql`lower(${t.bouncedEmail})`).where(sql`${t.bouncedAt} is not null`),
  ],
);

/**
 * An event's invitations by status, kept by statement triggers on invitations (migration 0021) in the same
 * transaction as every insert, update and delete: the attendee list reads one row instead of counting the event.
 * Active ones by status; withdrawn ones (any status) apart.
 */
export const invitationCounts = pgTable("invitation_counts", {
  eventId: uuid("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  notSent: integer("not_sent").notNull().default(0),
  sent: integer("sent").notNull().default(0),
  accepted: integer("accepted").notNull().default(0),
  declined: integer("declined").notNull().default(0),
  tentative: integer("tentative").notNull().default(0),
  withdrawn: integer("withdrawn").notNull().default(0),
});

/**
 * The group/table labels in use on each event, with how many of its invitations (withdrawn ones included) carry
 * each, kept by statement triggers on invitations (migration 0023) like invitation_counts: the list's group filter
 * reads an event's labels here instead of probing the event's rows once per label. A label is gone when its last
 * invitation leaves it.
 */
export const invitationGroups = pgTable(
  "invitation_groups",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    groupLabel: text("group_label").notNull(),
    invitations: integer("invitations").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.groupLabel] })],
);

export const deputySource = pgEnum("deputy_source", ["web", "mail"]);
export const deputyProposalStatus = pgEnum("deputy_proposal_status", ["pending", "accepted", "refused"]);

/**
 * An invitee names a deputy to go in their place (on their page, or DELEGATED-TO in a mailed reply); the organizer
 * accepts (a new invitation for the deputy, the original withdrawn as delegated) or refuses. At most one pending
 * proposal per invitation. docs/decisions/028-delegates-and-companions.md.
 */
export const deputyProposals = pgTable(
  "deputy_proposals",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    invitationId: uuid("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    honorific: text("honorific"),
    fullName: text("full_name").notNull(),
    positions: text("positions").array().notNull().default(sql`'{}'::text[]`),
    organization: text("organization"),
    email: text("email"),
    /** The invitee's words to the organizer. */
    note: text("note"),
    source: deputySource("source").notNull(),
    status: deputyProposalStatus("status").notNull().default("pending"),
    decidedAt: instant("decided_at"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    /** Why the organizer refused, told to the invitee. */
    refusalReason: text("refusal_reason"),
    /** The deputy's own invitation, once accepted. */
    deputyInvitationId: uuid("deputy_invitation_id").references(() => invitations.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("deputy_proposals_pending_idx").on(t.invitationId).where(sql`${t.status} = 'pending'`),
    index("deputy_proposals_event_idx").on(t.eventId, t.status),
    // The invitee page reads the invitation's latest proposal on every view (migration 0026): without it, a scan of
    // every proposal of every event.
    index("deputy_proposals_invitation_idx").on(t.invitationId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);

/**
 * The reply ledger: every answer an invitation received, from the invitee's page ("web") or by email (a calendar
 * REPLY through the SMTP listener or the IMAP poller). `applied` marks the answers that set the invitation's
 * status; the others were older (SEQUENCE below the event's, an earlier DTSTAMP, a web answer given later) and are
 * kept to show the conflict. Rules in app/domain/inbound/ledger.ts.
 */
export const invitationReplies = pgTable(
  "invitation_replies",
  {
    id: id(),
    invitationId: uuid("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    /** "web" | "email". */
    source: text("source").notNull(),
    /** "smtp" | "imap" for email, null for web. */
    channel: text("channel"),
    /** ACCEPTED | DECLINED | TENTATIVE | DELEGATED. */
    partstat: text("partstat").notNull(),
    sequence: integer("sequence").notNull().default(0),
    /** The reply's DTSTAMP (email), the moment of the click (web): the time the answers are reconciled by. */
    answeredAt: instant("answered_at").notNull(),
    receivedAt: instant("received_at").notNull().defaultNow(),
    comment: text("comment"),
    /** X-NUM-GUESTS of the reply (Google Calendar), when stated. */
    guests: integer("guests"),
    /** DELEGATED-TO of a PARTSTAT=DELEGATED reply. */
    delegatedTo: text("delegated_to"),
    /** "outlook" | "google" | "apple" | "other", from PRODID. */
    client: text("client"),
    messageId: text("message_id"),
    /** "applied" | "stale_sequence" | "older_dtstamp" | "superseded" | "delegated". */
    outcome: text("outcome").notNull(),
    applied: boolean("applied").notNull().default(false),
  },
  (t) => [index("invitation_replies_invitation_idx").on(t.invitationId, t.answeredAt)],
);

/**
 * Every message the inbound channels took (SMTP listener, IMAP poller), once: the Message-ID is unique, so the
 * same reply fetched twice, or sent to two of our addresses, is handled once.
 */
export const inboundMessages = pgTable(
  "inbound_messages",
  {
    id: id(),
    messageId: text("message_id").notNull().unique(),
    /** "smtp" | "imap". */
    channel: text("channel").notNull(),
    /** "reply" | "bounce" | "other". */
    kind: text("kind").notNull(),
    /** What became of it, e.g. "applied", "no_invitation", "uid_mismatch" (app/services/inbound-mail.server.ts). */
    outcome: text("outcome").notNull(),
    invitationId: uuid("invitation_id").references(() => invitations.id, { onDelete: "set null" }),
    fromAddress: text("from_address"),
    subject: text("subject"),
    receivedAt: instant("received_at").notNull().defaultNow(),
  },
  (t) => [index("inbound_messages_received_idx").on(t.receivedAt)],
);

/**
 * Personal link tokens (≥128 bits), stored only as SHA-256. One per send, all valid until the invitation is
 * withdrawn, so a link in an earlier email keeps working after an update.
 */
export const invitationTokens = pgTable(
  "invitation_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    invitationId: uuid("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("invitation_tokens_invitation_idx").on(t.invitationId)],
);

/** At most one check-in per invitation: the primary key makes a second, simultaneous one fail. */
export const checkIns = pgTable("check_ins", {
  invitationId: uuid("invitation_id")
    .primaryKey()
    .references(() => invitations.id, { onDelete: "cascade" }),
  at: instant("at").notNull().defaultNow(),
  byUserId: uuid("by_user_id").references(() => users.id, { onDelete: "set null" }),
  byName: text("by_name"),
});

/** A staff member's secret calendar feed (webcal:). */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    revokedAt: instant("revoked_at"),
  },
  (t) => [index("calendar_feeds_user_idx").on(t.userId)],
);

export const reminderStatus = pgEnum("reminder_status", ["scheduled", "done", "cancelled"]);

/** "Remind those who have not answered", at a set time (e.g. three days before). */
export const scheduledReminders = pgTable(
  "scheduled_reminders",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    sendAt: instant("send_at").notNull(),
    status: reminderStatus("status").notNull().default("scheduled"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    doneAt: instant("done_at"),
  },
  (t) => [index("scheduled_reminders_due_idx").on(t.status, t.sendAt)],
);


