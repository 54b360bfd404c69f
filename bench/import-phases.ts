/**
 * Where the import's time goes: the bench's data (bench/import.ts), then the phases of importAttendeeCsv timed on
 * their own (parse, validate, commit chunk by chunk) against COPY of the same file. Not part of `npm run bench`:
 * `IMPORT_KIND=pglite,postgres TEST_DATABASE_URL=… npx tsx bench/import-phases.ts` (IMPORT_ROWS, IMPORT_DIRECTORY,
 * IMPORT_CHUNK to change the sizes). A function that sets `globalThis.__importPhases[name]` (a temporary timer in
 * savePeople, say) has its total printed too.
 */
import { sql } from "drizzle-orm";
import { createEvent, createManyInvitations, createUser } from "#db/factories";
import { chunk, readAttendeeCsv, SERVER_IMPORT_CHUNK_SIZE, validateImportRows } from "~/domain/attendees/import";
import { importAttendeeRows } from "~/services/attendee-import.server";
import { scratchDatabase, type Kind } from "./support";

const ROWS = Number(process.env.IMPORT_ROWS ?? 20_000);
const DIRECTORY = Number(process.env.IMPORT_DIRECTORY ?? 100_000);
const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function main(kind: Kind) {
  const scratch = await scratchDatabase(kind, "import_phases");
  try {
    const db = scratch.database.db;
    const user = await createUser(db, { name: "Bench" });
    const directoryEvent = await createEvent(db, user, { title: "Directory" });
    for (let from = 1; from <= DIRECTORY; from += 25_000)
      await createManyInvitations(db, directoryEvent.id, Math.min(25_000, DIRECTORY - from + 1), { from, tag: "dir" });
    await db.execute(sql`analyze`);
    type Known = { full_name: string; organization: string | null };
    const known: unknown = await db.execute(sql`select full_name, organization from people group by full_name, organization order by full_name, organization limit ${Math.floor(ROWS / 2)}`);
    const knownRows = (Array.isArray(known) ? known : ((known as { rows?: Known[] }).rows ?? [])) as Known[];
    const lines = ["Họ và tên,Cơ quan,Email,Nhóm"];
    for (let i = 0; i < ROWS; i++) {
      const k = knownRows[i >> 1];
      if (i % 2 === 1 && k) lines.push([k.full_name, k.organization ?? "", "", `Bàn ${i % 50}`].map(quote).join(","));
      else lines.push([`Trần Thị Nhập ${i}`, "Sở Tài chính", `nhap${i}@example.vn`, `Bàn ${i % 50}`].map(quote).join(","));
    }
    const csv = lines.join("\n") + "\n";
    const event = await createEvent(db, user, { title: "Import target" });

    const t: Record<string, number> = {};
    const time = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
      const s = performance.now();
      const r = await f();
      t[name] = (t[name] ?? 0) + performance.now() - s;
      return r;
    };
    const read = await time("parse", () => readAttendeeCsv(csv, { maxRows: ROWS + 1 }));
    if (!read.ok) throw new Error(read.error);
    const { valid, errors } = await time("validate", () => validateImportRows(read.rows));
    if (errors.length) throw new Error(JSON.stringify(errors.slice(0, 3)));
    const size = Number(process.env.IMPORT_CHUNK ?? SERVER_IMPORT_CHUNK_SIZE);
    const phases = (globalThis as { __importPhases?: Record<string, number> }).__importPhases = {};
    for (const part of chunk(valid, size)) await time("commit", () => importAttendeeRows(db, user, event.id, part));
    const total = Object.values(t).reduce((a, b) => a + b, 0);
    const s0 = performance.now();
    await scratch.copyCsv("bench_copy", ["full_name", "organization", "email", "group_label"], csv);
    const copy = performance.now() - s0;
    console.log(kind, JSON.stringify({ ...Object.fromEntries(Object.entries({ ...t, ...phases } as Record<string, number>).map(([k, v]) => [k, Math.round(v)])), total: Math.round(total), copy: Math.round(copy), ratio: +(copy / total).toFixed(3) }));
  } finally {
    await scratch.close().catch(() => {});
    await scratch.drop();
  }
}

for (const kind of (process.env.IMPORT_KIND ?? "pglite,postgres").split(",") as Kind[]) await main(kind);
