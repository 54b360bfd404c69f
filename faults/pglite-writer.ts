/**
 * Child process for faults/pglite-kill.fault.test.ts: opens a PGlite data dir the way the server does (openDatabase,
 * on a thread of its own, + migrate) and writes in a loop until it is killed. Each write is one transaction: a person
 * named "fault-<n>" and the settings row "fault_counter" set to n. After each commit it prints "ack <n>" on
 * stdout — an acknowledged write, which must survive a SIGKILL. Bounded: stops by itself after MAX_WRITES.
 *
 *   tsx faults/pglite-writer.ts <dataDir> <firstN>
 */
import { sql } from "drizzle-orm";
import { openDatabase } from "#db/client.server";
import { people, settings } from "#db/schema/index";

const MAX_WRITES = 20_000;
const [dataDir, first] = process.argv.slice(2);
if (!dataDir || !first) throw new Error("usage: pglite-writer.ts <dataDir> <firstN>");

const database = openDatabase({ dataDir, thread: true });
await database.migrate();
process.stdout.write("ready\n");
const start = Number(first);
for (let n = start; n < start + MAX_WRITES; n++) {
  await database.db.transaction(async (tx) => {
    await tx.insert(people).values({ fullName: `fault-${n}`, nameSearch: `fault-${n}`, notes: "x".repeat(200 + (n % 7) * 300) });
    await tx
      .insert(settings)
      .values({ key: "fault_counter", value: String(n) })
      .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } });
  });
  process.stdout.write(`ack ${n}\n`);
}
await database.close();
process.stdout.write("done\n");
