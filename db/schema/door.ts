import { index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { instant } from "./_columns";
import { events } from "./events";
import { invitations } from "./invitations";

/**
 * What the server made of one scan uploaded by a door device (docs/decisions/022-offline-door.md):
 * `pending` while it is being applied, then `checked_in` (this scan made the check-in), `duplicate` (the guest
 * was already checked in — by another device or earlier — staff see it), or `refused` (withdrawn, unknown code …).
 */
export const doorScanOutcomeEnum = pgEnum("door_scan_outcome", ["pending", "checked_in", "duplicate", "refused"]);

/**
 * Scans uploaded by the offline door app, one row per scan nonce (generated on the device): a repeated upload of
 * the same nonce is answered from this row and never applied twice. Also the log of duplicates and refusals.
 */
export const doorScans = pgTable(
  "door_scans",
  {
    nonce: uuid("nonce").primaryKey(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    invitationId: uuid("invitation_id").references(() => invitations.id, { onDelete: "cascade" }),
    /** A random id the device chose for itself, to tell two phones apart in the log. */
    deviceId: text("device_id").notNull(),
    /** The device's clock when the guest was scanned. */
    scannedAt: instant("scanned_at").notNull(),
    receivedAt: instant("received_at").notNull().defaultNow(),
    byUserId: uuid("by_user_id").references(() => users.id, { onDelete: "set null" }),
    byName: text("by_name"),
    outcome: doorScanOutcomeEnum("outcome").notNull(),
    /** For `refused`: withdrawn, otherEvent, eventCancelled, notFound, unknownCode. */
    reason: text("reason"),
    /** For `duplicate`: the check-in that stood. */
    firstAt: instant("first_at"),
    firstByName: text("first_by_name"),
  },
  (t) => [index("door_scans_event_outcome_idx").on(t.eventId, t.outcome)],
);
