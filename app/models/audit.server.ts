import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { auditLog } from "#db/schema/index";
import type { Actor } from "~/domain/access/permissions";
import { auditLogColumns } from "./columns";

export interface AuditEntry {
  actor: Actor | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  eventId?: string | null;
  details?: Record<string, unknown> | null;
}

/** The audit row an entry is written as (recordAudit, or a statement that writes it beside its change). */
export function auditValues(entry: AuditEntry) {
  return {
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.name ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    eventId: entry.eventId ?? null,
    details: entry.details ?? null,
  } satisfies typeof auditLog.$inferInsert;
}
export type AuditValues = ReturnType<typeof auditValues>;

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(auditValues(entry));
}

export async function listAudit(db: Db, options: { eventId?: string; before?: Date; limit?: number } = {}) {
  const conditions = [];
  if (options.eventId) conditions.push(eq(auditLog.eventId, options.eventId));
  if (options.before) conditions.push(lt(auditLog.at, options.before));
  return db
    .select(auditLogColumns)
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(options.limit ?? 100);
}
