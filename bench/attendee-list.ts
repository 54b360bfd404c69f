/**
 * The attendee list's queries at BIG invitations against the same at SMALL (1,000), in one run, after ANALYZE
 * (the server runs ANALYZE at start on PGlite; PostgreSQL has autovacuum): default page, status filter, status +
 * search, deep page, counts, groups. And the SMALL default page against a plain indexed query of the same event.
 */
import { sql } from "drizzle-orm";
import { createEvent, createManyInvitations, createUser } from "#db/factories";
import {
  countEventInvitations,
  listEventGroups,
  listEventInvitations,
  type InvitationListOptions,
  type ListCursor,
} from "~/models/invitations.server";
import { medianTimes } from "./timing";
import { fmt, type Row, type Scratch } from "./support";

const PAGE = 50;

export async function attendeeListBench(scratch: Scratch, o: { big: number; small: number; runs: number }): Promise<Row[]> {
  const db = scratch.database.db;
  const user = await createUser(db, { name: "Bench" });
  const small = await createEvent(db, user, { title: "Bench baseline" });
  const big = await createEvent(db, user, { title: "Bench big" });
  await createManyInvitations(db, small.id, o.small, { tag: "small", withdrawnEvery: 40 });
  for (let from = 1; from <= o.big; from += 25_000)
    await createManyInvitations(db, big.id, Math.min(25_000, o.big - from + 1), { from, tag: "big", withdrawnEvery: 40 });
  await db.execute(sql`analyze`);
  // The deep page is a keyset page: the cursor of the row ≈ 96 % in, as the pager's "next" link carries it (found
  // once, untimed, by offset).
  const deepCursor = new Map<string, ListCursor>();
  for (const [eventId, size] of [[small.id, o.small], [big.id, o.big]] as const) {
    const before = await listEventInvitations(db, eventId, { limit: 1, offset: Math.max(0, Math.floor((size * 0.96) / PAGE) * PAGE - PAGE - 1) });
    deepCursor.set(eventId, { direction: "next", key: before.lastKey ?? [] });
  }

  const list = (options: (size: number) => InvitationListOptions) => (eventId: string, size: number) =>
    listEventInvitations(db, eventId, options(size));
  const cases: { name: string; run: (eventId: string, size: number) => Promise<unknown> }[] = [
    { name: "default page (by name) + total", run: list(() => ({ limit: PAGE })) },
    { name: "status filter", run: list(() => ({ limit: PAGE, status: "accepted" })) },
    { name: "status + search", run: list(() => ({ limit: PAGE, status: "accepted", q: "nguyen van" })) },
    {
      name: "deep page (≈ 96 % in)",
      run: (eventId) => listEventInvitations(db, eventId, { limit: PAGE, cursor: deepCursor.get(eventId) ?? null }),
    },
    { name: "counts by status", run: (eventId) => countEventInvitations(db, eventId) },
    { name: "groups for the filter", run: (eventId) => listEventGroups(db, eventId) },
  ];
  const rows: Row[] = [];
  const label = `${(o.big / 1000).toFixed(0)}k vs ${(o.small / 1000).toFixed(0)}k`;
  for (const c of cases) {
    const [smallMs, bigMs] = await medianTimes(() => c.run(small.id, o.small), () => c.run(big.id, o.big), o.runs);
    rows.push({
      kind: scratch.kind,
      scenario: `attendee list ${label}: ${c.name}`,
      baseline: `the same at ${o.small}`,
      measured: `${fmt(bigMs, 1)} vs ${fmt(smallMs, 1)} ms`,
      ratio: bigMs / smallMs,
      goal: "≤ 1.3",
      met: bigMs / smallMs <= 1.3,
    });
  }
  const [plainMs, pageMs] = await medianTimes(
    () => db.execute(sql`select id, status, group_label from invitations where event_id = ${small.id} and withdrawn_at is null order by id limit ${PAGE}`),
    () => listEventInvitations(db, small.id, { limit: PAGE }),
    o.runs,
  );
  rows.push({
    kind: scratch.kind,
    scenario: `attendee list: the ${o.small} default page`,
    baseline: "a plain indexed query (50 rows of the event)",
    measured: `${fmt(pageMs, 1)} vs ${fmt(plainMs, 1)} ms`,
    ratio: pageMs / plainMs,
    goal: "≤ 2",
    met: pageMs / plainMs <= 2,
  });
  return rows;
}
