import { PGlite } from "@electric-sql/pglite";
import { and, eq, is, isNull, sql, SQL, type Column } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { auditLog, events, invitationTokens, invitations, organizations, people } from "#db/schema/index";
import { eventColumns, invitationColumns, organizationColumns, personColumns, pickColumns } from "./columns";

/** The columns of the invitee's page (invitation, person, event, host). */
function getInviteeSelection() {
  return {
    invitation: pickColumns(invitationColumns, ["id", "eventId", "role", "status", "respondedAt", "comment", "plusOnes", "companionNames", "deputyForInvitationId", "withdrawnAt"]),
    person: pickColumns(personColumns, ["id", "honorific", "fullName", "email", "language"]),
    event: pickColumns(eventColumns, ["id", "title", "titleEn", "kind", "status", "startsAt", "endsAt", "startPrecision", "timeZone", "venueName", "venueNameEn", "venueAddress", "venueRoom", "description", "calendarUid", "calendarSequence", "cancelledAt"]),
    // Who invites: the host organization (null when the event names none).
    host: pickColumns(organizationColumns, ["nameVi", "nameEn"]),
  };
}

/** Everything the invitee's own page shows, in one row. */
export async function getInviteeInvitation(db: Db, invitationId: string) {
  const [row] = await db
    .select(getInviteeSelection())
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .innerJoin(events, eq(events.id, invitations.eventId))
    .leftJoin(organizations, eq(organizations.id, events.hostOrganizationId))
    .where(eq(invitations.id, invitationId))
    .limit(1);
  return row ?? null;
}

export type InviteeInvitation = NonNullable<Awaited<ReturnType<typeof getInviteeInvitation>>>;

/** An agenda item as the invitee's page reads it: start (epoch ms), length, title (issue 12: read with the page). */
export interface InviteeAgendaRow {
  startsAt: number;
  durationMinutes: number;
  title: string;
}

/** The latest deputy proposal of an invitation, as the invitee's page shows it. */
export interface InviteeProposalRow {
  status: "pending" | "accepted" | "refused";
  honorific: string | null;
  fullName: string;
  refusalReason: string | null;
}

const fromJson = <T>(value: unknown): T | null => (value === null || value === undefined ? null : (JSON.parse(String(value)) as T));

function inviteePageSelection() {
  return {
    ...getInviteeSelection(),
    // The same order as listAgenda (position, id). JSON as text: both drivers hand it back the same way.
    agenda: sql<string>`(select coalesce(json_agg(json_build_object('startsAt', (extract(epoch from a.starts_at) * 1000)::float8, 'durationMinutes', a.duration_minutes, 'title', a.title) order by a.position, a.id), '[]'::json)::text from agenda_items a where a.event_id = ${events.id})`,
    // The latest proposal, as latestProposalOf orders them (created_at desc, id desc).
    proposal: sql<string | null>`(select json_build_object('status', d.status, 'honorific', d.honorific, 'fullName', d.full_name, 'refusalReason', d.refusal_reason)::text from deputy_proposals d where d.invitation_id = ${invitations.id} order by d.created_at desc, d.id desc limit 1)`,
  };
}

// The token hash is the primary key: at most one row, no LIMIT (and so one parameter only).
function buildInviteePageByToken(db: Db, tokenHash: string | ReturnType<typeof sql.placeholder>) {
  return db
    .select(inviteePageSelection())
    .from(invitationTokens)
    .innerJoin(invitations, eq(invitations.id, invitationTokens.invitationId))
    .innerJoin(people, eq(people.id, invitations.personId))
    .innerJoin(events, eq(events.id, invitations.eventId))
    .leftJoin(organizations, eq(organizations.id, events.hostOrganizationId))
    .where(eq(invitationTokens.tokenHash, tokenHash));
}

type InviteePageRow = Awaited<ReturnType<typeof buildInviteePageByToken>>[number];

const inviteePageQueries = new WeakMap<Db, { execute: (values: { tokenHash: string }) => Promise<InviteePageRow[]> }>();

/**
 * PGlite plans every statement anew (its driver sends unnamed ones): ≈ 0.9 ms of planning for this query, more than
 * twice its execution, on the one thread that serves every request. There the statement is PREPAREd once in PGlite's
 * single session and EXECUTEd with the hash written in — a SHA-256 in hex, checked to be only that — as a simple query
 * (one message, where query() sends five), and the rows are mapped as drizzle maps them. PostgreSQL needs none of
 * this: postgres.js prepares its statements per connection.
 *
 * The row comes back as one JSON array (json_build_array over the query's columns), not 36 columns: PGlite's
 * JavaScript reads each column's description and value byte by byte (≈ 0.5 ms for this row, issue 12), where one
 * text column and JSON.parse take a few microseconds. Its values are what drizzle's columns map from: text, numbers,
 * arrays, and timestamps in ISO 8601 (which Date reads as it reads PostgreSQL's own text).
 */
const pglitePrepared = new WeakMap<object, Promise<boolean>>();
type PgliteClient = Pick<PGlite, "query" | "exec">;
/** PGlite in this thread, or the server's PGlite in its own (db/pglite-thread.server.ts, which carries this mark). */
const isPglite = (client: unknown): client is PgliteClient =>
  client instanceof PGlite || (typeof client === "object" && client !== null && Symbol.for("signet.pglite-thread") in client);
const PGLITE_STATEMENT = "signet_invitee_page_by_token";
const HEX_SHA256 = /^[0-9a-f]{64}$/;
// As drizzle's PGlite driver reads them (drizzle-orm/pglite/session.js): dates, times and their arrays as text, for
// the columns to map themselves.
// json_build_array takes at most 100 arguments (FUNC_MAX_ARGS).
const JSON_ARRAY_MAX = 100;

async function pglitePageRows(db: Db, client: PgliteClient, tokenHash: string): Promise<InviteePageRow[] | null> {
  if (!HEX_SHA256.test(tokenHash)) return null;
  let ready = pglitePrepared.get(client);
  if (!ready) {
    const query = buildInviteePageByToken(db, sql.placeholder("tokenHash")).toSQL();
    const names = pageFields().map((_, i) => `c${i}`).join(", ");
    // One parameter, the hash: anything else in the statement would not be given to EXECUTE.
    ready =
      query.params.length === 1 && pageFields().length <= JSON_ARRAY_MAX
        ? client.query(`prepare ${PGLITE_STATEMENT}(text) as select json_build_array(${names})::text from (${query.sql}) as page(${names})`).then(
            () => true,
            () => false,
          )
        : Promise.resolve(false);
    pglitePrepared.set(client, ready);
  }
  if (!(await ready)) return null;
  try {
    const [result] = await client.exec(`execute ${PGLITE_STATEMENT}('${tokenHash}')`, { rowMode: "array" });
    return (result?.rows ?? []).map((row) => mapPageRow(JSON.parse(String((row as unknown[])[0])) as unknown[]));
  } catch {
    // The statement is gone or stale (DEALLOCATE, a migration that changed a column under it): drizzle's path from
    // now on, which plans each time but cannot go stale.
    pglitePrepared.set(client, Promise.resolve(false));
    return null;
  }
}

/** The selection's fields in its order: [group, name, column] for a table's column, [key] for an SQL one. */
type PageField = [key: string, name?: string, column?: Column];
let pageFieldList: PageField[] | undefined;
function pageFields(): PageField[] {
  pageFieldList ??= Object.entries(inviteePageSelection()).flatMap(([key, field]): PageField[] =>
    is(field, SQL) ? [[key]] : Object.entries(field as Record<string, Column>).map(([name, column]): PageField => [key, name, column]),
  );
  return pageFieldList;
}

/**
 * A row of the statement (columns in the selection's order) as drizzle's select gives it: each column through its
 * own mapping (timestamps to Date), the host null when the event names none (left join: all its columns null).
 */
function mapPageRow(row: unknown[]): InviteePageRow {
  const out: Record<string, unknown> = {};
  const fields = pageFields();
  for (let i = 0; i < fields.length; i++) {
    const [key, name, column] = fields[i]!;
    const value = row[i] ?? null;
    if (!name || !column) {
      out[key] = value;
      continue;
    }
    const group = (out[key] ??= {}) as Record<string, unknown>;
    group[name] = value === null ? null : column.mapFromDriverValue(value);
  }
  const host = out.host as Record<string, unknown>;
  if (Object.values(host).every((v) => v === null)) out.host = null;
  return out as InviteePageRow;
}

/**
 * The invitee's page in one round trip (issue 12): what a token hash opens — invitation, person, event, host — with the
 * event's agenda and the latest deputy proposal. A deputy's principal is read apart (getInviteeInvitation), for
 * deputies only: in this query it would make every page plan two more tables.
 * Whether the link still opens (withdrawn, expired) is the caller's rule (invitation-links.server.ts).
 */
export async function getInviteePageByTokenHash(db: Db, tokenHash: string) {
  const client = (db as unknown as { $client?: unknown }).$client;
  let rows = isPglite(client) ? await pglitePageRows(db, client, tokenHash) : null;
  if (!rows) {
    let query = inviteePageQueries.get(db);
    if (!query) {
      query = buildInviteePageByToken(db, sql.placeholder("tokenHash")).prepare("invitee_page_by_token");
      inviteePageQueries.set(db, query);
    }
    rows = await query.execute({ tokenHash });
  }
  const [row] = rows;
  if (!row) return null;
  const { agenda, proposal, ...rest } = row;
  return { ...rest, agenda: fromJson<InviteeAgendaRow[]>(agenda) ?? [], proposal: fromJson<InviteeProposalRow>(proposal) };
}

/** Writes the answer unless the invitation was withdrawn meanwhile; returns whether a row changed. */
export async function setInvitationAnswer(
  db: Db,
  invitationId: string,
  answer: {
    status: "accepted" | "declined" | "tentative";
    respondedAt: Date;
    comment: string | null;
  },
): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({
      status: answer.status,
      respondedAt: answer.respondedAt,
      comment: answer.comment,
      updatedAt: answer.respondedAt,
    })
    .where(and(eq(invitations.id, invitationId), isNull(invitations.withdrawnAt)))
    .returning(pickColumns(invitationColumns, ["id"]));
  return rows.length > 0;
}

/**
 * An audit row written by an invitee: no account (actor_id null), their name as actor_name.
 * recordAudit (audit.server.ts) takes a staff account as actor, so it cannot express this.
 */
export async function recordInviteeAudit(
  db: Db,
  entry: { actorName: string; action: string; invitationId: string; eventId: string; details: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditLog).values({
    actorId: null,
    actorName: entry.actorName,
    action: entry.action,
    entityType: "invitation",
    entityId: entry.invitationId,
    eventId: entry.eventId,
    details: entry.details,
  });
}
