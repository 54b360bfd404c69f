import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { pressLanguages, pressStatuses, pressVersionKinds } from "../../app/domain/press/types";
import { users } from "./accounts";
import { createdAt, id, instant, updatedAt } from "./_columns";
import { events } from "./events";

export const pressLanguage = pgEnum("press_language", pressLanguages);
export const pressStatus = pgEnum("press_status", pressStatuses);

/**
 * A press summary of an event in one language (an event may have several: a report and a follow-up, or a
 * fresh draft after the first was published): drafted by Signet from the event's data, edited by people,
 * taken through review and published at /press/<slug>.
 */
export const pressSummaries = pgTable(
  "press_summaries",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    language: pressLanguage("language").notNull(),
    /** The public address /press/<slug>; unique across languages and events. */
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    /** Markdown. Photos are placed with ![caption](photo:<photoId>). */
    body: text("body").notNull(),
    /** The byline (the author's name as printed). */
    byline: text("byline"),
    status: pressStatus("status").notNull().default("draft"),
    /** Raised by every save: a save that names an older version is a conflict. */
    version: integer("version").notNull().default(1),
    /**
     * The last text Signet generated (title + body), the common ancestor for a three-way merge when the draft is
     * regenerated from updated data: human edits since then are kept.
     */
    generatedTitle: text("generated_title").notNull(),
    generatedBody: text("generated_body").notNull(),
    /** Where each generated sentence came from (the drafter's explanation). */
    sources: jsonb("sources").notNull().default([]),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    submittedBy: uuid("submitted_by").references(() => users.id, { onDelete: "set null" }),
    submittedAt: instant("submitted_at"),
    approvedBy: uuid("approved_by").references(() => users.id, { onDelete: "set null" }),
    approvedAt: instant("approved_at"),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: instant("published_at"),
    viewCount: integer("view_count").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("press_summaries_event_idx").on(t.eventId, t.createdAt),
    uniqueIndex("press_summaries_slug_idx").on(t.slug),
    index("press_summaries_published_idx").on(t.status, t.publishedAt),
  ],
);

export const pressVersionKind = pgEnum("press_version_kind", pressVersionKinds);

/** Every saved state of a summary, for the history and its diffs. */
export const pressSummaryVersions = pgTable(
  "press_summary_versions",
  {
    id: id(),
    summaryId: uuid("summary_id")
      .notNull()
      .references(() => pressSummaries.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    kind: pressVersionKind("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    byline: text("byline"),
    status: pressStatus("status").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    /** A short note: the transition made, or what regeneration changed. */
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("press_summary_versions_idx").on(t.summaryId, t.version)],
);

/** Reviewers' comments on a summary. */
export const pressComments = pgTable(
  "press_comments",
  {
    id: id(),
    summaryId: uuid("summary_id")
      .notNull()
      .references(() => pressSummaries.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** The version the comment was written against. */
    version: integer("version").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("press_comments_summary_idx").on(t.summaryId, t.createdAt)],
);

/**
 * The press rules of one event (a row only once someone changed them; no row = the defaults).
 * requireSecondApprover: four-eyes — whoever submitted a summary or last changed its text may not approve it.
 */
export const pressEventSettings = pgTable("press_event_settings", {
  eventId: uuid("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  requireSecondApprover: boolean("require_second_approver").notNull().default(false),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});
