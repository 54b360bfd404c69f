import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createManyInvitations, createUser } from "#db/factories";
import { testDatabase } from "#db/testing";
import { findPeopleByEmailOrName, rowsOf } from "./people.server";
import { countEventInvitations, listEventGroups, listEventInvitations, type ListCursor } from "./invitations.server";

/**
 * The attendee list's queries, EXPLAINed on the database they run on (PGlite and PostgreSQL projects), at a few
 * thousand rows after ANALYZE and with sequential scans priced out: no Seq Scan of invitations or people where an
 * index should bound the work, and the indexes named below used — the search's look-up of matching people in the
 * directory included: a substring of three letters or more is found through the trigram indexes (migration 0022).
 */

interface Captured {
  text: string;
  params: unknown[];
}

/** Records the SQL the models send, through drizzle's logger (both drivers read it when a query is prepared). */
function capture(db: Db): { take: () => Captured[] } {
  const session = (db as unknown as { session: { logger: { logQuery: (text: string, params: unknown[]) => void } } }).session;
  let queries: Captured[] = [];
  session.logger = { logQuery: (text, params) => void queries.push({ text, params }) };
  return {
    take: () => {
      const out = queries;
      queries = [];
      return out;
    },
  };
}

function withParams(text: string, params: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const m of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, m.index)));
    chunks.push(sql`${params[Number(m[1]) - 1]}`);
    last = m.index + m[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

describe("the attendee list's query plans", () => {
  let database: Database;
  let db: Db;
  let recorder: ReturnType<typeof capture>;
  let big: string;
  let small: string;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db);
    big = (await createEvent(db, { id: user.id, name: user.name })).id;
    small = (await createEvent(db, { id: user.id, name: user.name })).id;
    await createManyInvitations(db, big, 4000, { tag: "plans-big", withdrawnEvery: 40 });
    await createManyInvitations(db, small, 200, { tag: "plans-small", withdrawnEvery: 40 });
    await db.execute(sql`update invitations set bounced_at = now(), bounced_email = 'x@example.vn' where event_id = ${big}::uuid and plus_ones = 2 and role = 'press'`);
    await db.execute(sql`analyze`);
    recorder = capture(db);
  }, 240_000);
  afterAll(() => database.close());

  /** Plans of every query `run` sends (after it ran), as text. */
  async function plans(run: () => Promise<unknown>): Promise<{ text: string; plan: string }[]> {
    recorder.take();
    await run();
    const queries = recorder.take().filter((q) => /^\s*(select|with)/i.test(q.text));
    expect(queries.length).toBeGreaterThan(0);
    const out: { text: string; plan: string }[] = [];
    for (const q of queries) {
      // With sequential scans priced out, a Seq Scan left in the plan means no index can serve that access: at a
      // few thousand rows a scan is the cheaper choice for both planners, at 100,000 it is not (bench/).
      const plan = await db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const result = await tx.execute(sql`explain ${withParams(q.text, q.params)}`);
        return rowsOf<Record<string, string>>(result)
          .map((r) => Object.values(r)[0])
          .join("\n");
      });
      out.push({ text: q.text, plan });
    }
    recorder.take(); // the EXPLAINs themselves
    return out;
  }

  async function expectIndexed(run: () => Promise<unknown>, mustUse: RegExp[] = []) {
    const got = await plans(run);
    for (const { text, plan } of got) {
      expect(plan, `${text}\n${plan}`).not.toMatch(/Seq Scan on (invitations|people)\b/);
    }
    const all = got.map((g) => g.plan).join("\n");
    for (const index of mustUse) expect(all, all).toMatch(index);
  }

  it("pages by name along the name-order index, the first page and a deep one, filtered by status or not", async () => {
    for (const eventId of [big, small]) {
      await expectIndexed(() => listEventInvitations(db, eventId, { limit: 50 }), [/invitations_event_name_order_idx/]);
      // With a status: along that status's rows only (the partial status-and-name index), not the whole event's.
      await expectIndexed(() => listEventInvitations(db, eventId, { limit: 50, status: "accepted" }), [/invitations_event_status_name_order_idx/]);
    }
    const before = await listEventInvitations(db, big, { limit: 1, offset: 3700 });
    const cursor: ListCursor = { direction: "next", key: before.lastKey! };
    // The cursor is a bound of the index walk (not a filter after walking to it).
    const seek = /Index Cond: .*ROW\(invitations\.sort_given, invitations\.sort_name, invitations\.id\) [<>] ROW|Index Cond: .*ROW\(sort_given, sort_name, id\) [<>] ROW/;
    await expectIndexed(() => listEventInvitations(db, big, { limit: 50, cursor }), [/invitations_event_name_order_idx/, seek]);
    await expectIndexed(() => listEventInvitations(db, big, { limit: 50, cursor: { ...cursor, direction: "previous" } }), [
      /invitations_event_name_order_idx/,
      seek,
    ]);
  });

  it("finds a search's people through the trigram indexes, then their rows of the event by (event_id, person_id)", async () => {
    for (const eventId of [big, small]) {
      await expectIndexed(() => listEventInvitations(db, eventId, { limit: 50, status: "accepted", q: "nguyen van" }), [
        // The email's branch may read the partial email index instead at this size (cheaper for both planners here).
        /people_name_search_trgm_idx/,
        /people_organization_search_trgm_idx/,
        /invitations_(event_)?person_idx/,
      ]);
      // Without the email (a reader who may not see it): name and organization only.
      await expectIndexed(() => listEventInvitations(db, eventId, { limit: 50, q: "so giao duc", searchEmail: false }), [
        /people_name_search_trgm_idx/,
        /people_organization_search_trgm_idx/,
      ]);
    }
  });

  it("reads the counts from the kept row and the bounces from the event's bounced rows; the groups from the kept labels", async () => {
    await expectIndexed(() => countEventInvitations(db, big), [/on invitation_counts/, /invitations_(event_bounced|bounced_email)_idx/]);
    // The event's kept labels (invitation_groups, by its primary key), not its rows.
    await expectIndexed(() => listEventGroups(db, big), [/invitation_groups_event_id_group_label_pk/]);
    const groups = (await plans(() => listEventGroups(db, big))).map((g) => g.plan).join("\n");
    expect(groups, groups).not.toMatch(/on invitations\b/);
  });

  it("finds an import's people by email and by (name, organization key) through their indexes, each organization's key computed once", async () => {
    const names = rowsOf<{ name_search: string; organization: string | null }>(
      await db.execute(sql`select name_search, organization from people order by name_search limit 60`),
    ).map((r) => ({ nameSearch: r.name_search, organization: r.organization }));
    const run = () => findPeopleByEmailOrName(db, { emails: ["khach1.plans-big@example.vn", "nobody@example.vn"], names: [...names, { nameSearch: "nguoi moi", organization: null }] });
    await expectIndexed(run, [/people_email_lower_idx/, /people_name_organization_key_idx/]);
    // The probe compares the index's key with the organization's, computed in its own subquery (once per
    // organization); pulled up into the join, the key's expression would be computed again for every probe.
    const plan = (await plans(run)).map((g) => g.plan).join("\n");
    expect(plan, plan).toMatch(/Index Cond: .*= o\.match_key\)\)/);
    expect(plan, plan).not.toMatch(/Index Cond: .*NORMALIZE\(COALESCE\((k|o)\.organization/);
  });

  it("finds an invitation's latest deputy proposal (the invitee page, on every view) through its own index, unsorted", async () => {
    const [row] = rowsOf<{ id: string }>(await db.execute(sql`select id from invitations where event_id = ${big}::uuid limit 1`));
    // The invitee page's look-up (app/models/rsvp.server.ts), EXPLAINed with sequential scans priced out.
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const result = await tx.execute(
        sql`explain select d.status from deputy_proposals d where d.invitation_id = ${row!.id}::uuid order by d.created_at desc, d.id desc limit 1`,
      );
      return rowsOf<Record<string, string>>(result)
        .map((r) => Object.values(r)[0])
        .join("\n");
    });
    expect(plan, plan).toMatch(/deputy_proposals_invitation_idx/);
    expect(plan, plan).not.toMatch(/Sort|Seq Scan/);
  });
});
