import {
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { memberRoles } from "../../app/domain/access/permissions";
import { eventKinds, eventStatuses } from "../../app/domain/events/event.schema";
import { users } from "./accounts";
import { createdAt, id, instant, updatedAt } from "./_columns";
import { organizations } from "./organizations";

export const eventKind = pgEnum("event_kind", eventKinds);
export const eventStatus = pgEnum("event_status", eventStatuses);
export const memberRole = pgEnum("event_member_role", memberRoles);

export const events = pgTable(
  "events",
  {
    id: id(),
    title: text("title").notNull(),
    /** The English title the organiser gave; English outputs fall back to the Vietnamese, marked. */
    titleEn: text("title_en"),
    /** The title folded for diacritic-insensitive search (app/domain/text/search.ts). */
    titleSearch: text("title_search").notNull(),
    kind: eventKind("kind").notNull(),
    status: eventStatus("status").notNull().default("draft"),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    timeZone: text("time_zone").notNull().default("Asia/Ho_Chi_Minh"),
    venueName: text("venue_name"),
    /** The venue's English name; English outputs fall back to the glossary, else the Vietnamese, marked. */
    venueNameEn: text("venue_name_en"),
    venueAddress: text("venue_address"),
    venueRoom: text("venue_room"),
    description: text("description"),
    /** "time": startsAt is an exact time; "date": only the date is known (the time of day is not stated). */
    startPrecision: text("start_precision").$type<"time" | "date">().notNull().default("time"),
    /** "kỷ niệm 70 năm Ngày thành lập …" — the draft writes "Nhân dịp …". */
    occasion: text("occasion"),
    occasionEn: text("occasion_en"),
    /** "hội nghị xúc tiến đầu tư tỉnh Thái Bình" — the draft writes "Trong khuôn khổ …". */
    context: text("context"),
    contextEn: text("context_en"),
    hostOrganizationId: uuid("host_organization_id").references(() => organizations.id, { onDelete: "restrict" }),
    capacity: integer("capacity"),
    /** Among dignitaries of equal rank: "guests" first (courtesy, default) or "hosts". */
    precedenceEqualsFirst: text("precedence_equals_first").notNull().default("guests"),
    /** Stable iCalendar UID for every calendar file of this event. */
    calendarUid: text("calendar_uid").notNull(),
    /** iCalendar SEQUENCE: raised when the time, venue or title changes and when the event is cancelled. */
    calendarSequence: integer("calendar_sequence").notNull().default(0),
    /** Optimistic-concurrency counter: bumped on every change. */
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    cancelledAt: instant("cancelled_at"),
  },
  (t) => [
    index("events_starts_at_idx").on(t.startsAt, t.id),
    index("events_status_idx").on(t.status),
  ],
);

export const eventMembers = pgTable(
  "event_members",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index("event_members_user_idx").on(t.userId)],
);
