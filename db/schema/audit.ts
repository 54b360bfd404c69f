import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { id, instant } from "./_columns";

/** Who did what to which record, and when. Never updated, never deleted with the record. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    at: instant("at").notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    /** The event the record belongs to, if any (no foreign key: the log outlives a deleted draft). */
    eventId: uuid("event_id"),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_event_idx").on(t.eventId, t.at), index("audit_log_at_idx").on(t.at)],
);
