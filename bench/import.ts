/**
 * CSV import of ROWS rows through the app's own path (importAttendeeCsv: parse, validate, dedupe against the
 * directory, commit chunk by chunk) with DIRECTORY people already in the directory, against COPY of the same CSV
 * into a plain table, in the same run. Half the rows carry an email; the other half are people of the directory
 * named again without one (deduped by name + organization), so the name path is exercised at full size. Each of
 * `rounds` rounds imports a file of its own new people into an event of its own; the row gives the medians.
 */
import { sql, TransactionRollbackError } from "drizzle-orm";
import { createEvent, createManyInvitations, createUser } from "#db/factories";
import { importAttendeeCsv } from "~/services/attendee-import.server";
import { fmt, median, type Row, type Scratch } from "./support";

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function importBench(scratch: Scratch, o: { rows: number; directory: number; rounds: number }): Promise<Row[]> {
  const db = scratch.database.db;
  const user = await createUser(db, { name: "Bench" });
  const directoryEvent = await createEvent(db, user, { title: "Directory" });
  for (let from = 1; from <= o.directory; from += 25_000)
    await createManyInvitations(db, directoryEvent.id, Math.min(25_000, o.directory - from + 1), { from, tag: "dir" });
  await db.execute(sql`analyze`);
  // postgres.js answers an array of rows, PGlite an object with `rows`.
  type Known = { full_name: string; organization: string | null };
  const known: unknown = await db.execute(sql`select full_name, organization from people group by full_name, organization order by full_name, organization limit ${Math.floor(o.rows / 2)}`);
  const knownRows = (Array.isArray(known) ? known : ((known as { rows?: Known[] }).rows ?? [])) as Known[];

  const samples = { importMs: [] as number[], copyMs: [] as number[], floorMs: [] as number[] };
  let summary: unknown = null;
  for (let round = 0; round < o.rounds; round++) {
    // Each round a file of its own new people (the known half is the same): the same work every round.
    const lines = ["Họ và tên,Cơ quan,Email,Nhóm"];
    for (let i = 0; i < o.rows; i++) {
      const k = knownRows[i >> 1];
      if (i % 2 === 1 && k) lines.push([k.full_name, k.organization ?? "", "", `Bàn ${i % 50}`].map(quote).join(","));
      else lines.push([`Trần Thị Nhập ${round} ${i}`, "Sở Tài chính", `nhap${round}.${i}@example.vn`, `Bàn ${i % 50}`].map(quote).join(","));
    }
    const csv = lines.join("\n") + "\n";

    const event = await createEvent(db, user, { title: `Import target ${round + 1}` });
    const t0 = performance.now();
    const result = await importAttendeeCsv(db, user, event.id, csv, { maxRows: o.rows + 1 });
    samples.importMs.push(performance.now() - t0);
    if (!result.ok || result.errors.length > 0 || result.summary.rows !== o.rows) throw new Error(`import did not take every row: ${JSON.stringify(result)}`);
    summary = result.summary;

    const copyTable = `bench_copy_${round}`;
    const t1 = performance.now();
    await scratch.copyCsv(copyTable, ["full_name", "organization", "email", "group_label"], csv);
    samples.copyMs.push(performance.now() - t1);
  }
  // The floors after every import: each is rolled back, and its dead rows (no autovacuum here) would slow the next
  // round's import. They write into a directory larger by the imports' new people (10,000 a round at full size).
  for (let round = 0; round < o.rounds; round++) {
    const copyTable = `bench_copy_${round}`;
    // The floor of the app's own writes: the same new people and the same invitations written straight into the
    // app's tables (their indexes, foreign keys and triggers) by one INSERT … SELECT from the copied rows (the emails
    // prefixed: the import has taken them), without dedupe, then rolled back. No import can be faster than this.
    const floorEvent = await createEvent(db, user, { title: `Import floor ${round + 1}` });
    const t2 = performance.now();
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`
          with new_people as (
            insert into people (id, full_name, name_search, organization, email)
            select gen_random_uuid(), full_name, lower(full_name), organization, 'floor.' || email
            from ${sql.identifier(copyTable)} where email is not null
            returning id, name_search
          ), known as (
            select p.id, p.name_search from invitations i join people p on p.id = i.person_id
            where i.event_id = ${directoryEvent.id}::uuid
            limit (select count(*) from ${sql.identifier(copyTable)} where email is null)
          )
          insert into invitations (event_id, person_id, group_label, sort_given, sort_name)
          select ${floorEvent.id}::uuid, id, 'Bàn 1', split_part(name_search, ' ', -1), name_search
          from (select * from new_people union all select * from known) s
        `);
        tx.rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof TransactionRollbackError)) throw e;
      });
    samples.floorMs.push(performance.now() - t2);
  }
  const importMs = median(samples.importMs);
  const copyMs = median(samples.copyMs);
  const floorMs = median(samples.floorMs);
  const ratio = copyMs / importMs;
  return [
    {
      kind: scratch.kind,
      scenario: `CSV import of ${o.rows} rows, ${o.directory} people in the directory`,
      baseline: "COPY of the same rows into a plain table",
      measured: `${fmt(importMs / 1000)} s vs COPY ${fmt(copyMs / 1000)} s; the same rows written straight into the app's tables: ${fmt(floorMs / 1000)} s (COPY ${fmt(copyMs / floorMs)}× that)`,
      ratio,
      goal: "≥ 0.1",
      met: ratio >= 0.1,
      details: { importMs, copyMs, floorMs, floorRatio: copyMs / floorMs, samples, summary },
    },
  ];
}
