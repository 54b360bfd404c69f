import { date, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { updatedAt } from "./_columns";
import { users } from "./accounts";
import { events } from "./events";

/**
 * What the organiser types once for an event's invitation letters (Giấy mời): the signing authority, the signer,
 * the symbol after "GM", the place and the date of issue. The print view, the PDF and the .docx are prefilled
 * from it (a value in the URL query still wins, so an old bookmark shows what it showed). Empty text = not set.
 */
export const letterSettings = pgTable("letter_settings", {
  eventId: uuid("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  /** "TM", "KT" or "" (the head signs). */
  authority: text("authority").notNull().default(""),
  onBehalfOf: text("on_behalf_of").notNull().default(""),
  position: text("position").notNull().default(""),
  signerName: text("signer_name").notNull().default(""),
  symbol: text("symbol").notNull().default(""),
  place: text("place").notNull().default(""),
  /** The date of issue; null = dots for the clerk. */
  issuedOn: date("issued_on", { mode: "string" }),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});
