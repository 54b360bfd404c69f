/**
 * CSV import of ROWS rows through the app's own path (importAttendeeCsv: parse, validate, dedupe against the
 * directory, commit chunk by chunk) with DIRECTORY people already in the directory, against COPY of the same CSV
 * into a plain table, in the same run. Half the rows carry an email; the other half are people of the directory
 * named again without one (deduped by name + organization), so the name path is exercised at full size.
 */
import { sql } from "drizzle-orm";
import { createEvent, createManyInvitations, createUser } from "#db/factories";
import { importAttendeeCsv } from "~/services/attendee-import.server";
import { fmt, type Row, type Scratch } from "./support";

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function importBench(scratch: Scratch, o: { rows: number; directory: number }): Promise<Row[]> {
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

  const lines = ["Họ và tên,Cơ quan,Email,Nhóm"];
  for (let i = 0; i < o.rows; i++) {
    const k = knownRows[i >> 1];
    if (i % 2 === 1 && k) lines.push([k.full_name, k.organization ?? "", "", `Bàn ${i % 50}`].map(quote).join(","));
    else lines.push([`Trần Thị Nhập ${i}`, "Sở Tài chính", `nhap${i}@example.vn`, `Bàn ${i % 50}`].map(quote).join(","));
  }
  const csv = lines.join("\n") + "\n";

  const event = await createEvent(db, user, { title: "Import target" });
  const t0 = performance.now();
  const result = await importAttendeeCsv(db, user, event.id, csv, { maxRows: o.rows + 1 });
  const importMs = performance.now() - t0;
  if (!result.ok || result.errors.length > 0 || result.summary.rows !== o.rows) throw new Error(`import did not take every row: ${JSON.stringify(result)}`);

  const t1 = performance.now();
  await scratch.copyCsv("bench_copy", ["full_name", "organization", "email", "group_label"], csv);
  const copyMs = performance.now() - t1;
  const ratio = copyMs / importMs;
  return [
    {
      kind: scratch.kind,
      scenario: `CSV import of ${o.rows} rows, ${o.directory} people in the directory`,
      baseline: "COPY of the same rows into a plain table",
      measured: `${fmt(importMs / 1000)} s vs COPY ${fmt(copyMs / 1000)} s`,
      ratio,
      goal: "≥ 0.1",
      met: ratio >= 0.1,
      details: { importMs, copyMs, summary: result.summary },
    },
  ];
}
