import { pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./_columns";

/**
 * Leases for work that one app instance at a time must do, when several share the database
 * (docs/decisions/029-scaling.md): "scheduler" — the scheduled reminders and the daily retention run. The holder
 * renews its lease before it runs out; another instance takes it over only once it has expired.
 */
export const leases = pgTable("leases", {
  name: text("name").primaryKey(),
  /** "<host>:<pid>:<random>" of the instance holding it. */
  holder: text("holder").notNull(),
  expiresAt: instant("expires_at").notNull(),
});
