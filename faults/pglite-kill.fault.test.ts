/**
 * Fault: the process is killed with SIGKILL while PGlite writes. The next start must open the data directory
 * intact, with every write that was acknowledged (committed and reported) before the kill.
 * The writer is a child process (faults/pglite-writer.ts); two rounds kill it at different moments.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { killChildren, migratedPgliteDir, spawnChild, sleep, waitFor } from "./support";
import { newPGlite } from "#db/client.server";

const ROUNDS = 2;
const ACKS_BEFORE_KILL = 100;

describe("SIGKILL while PGlite writes", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "signet-faults-pglite-"));
  const dataDir = path.join(dir, "pglite");
  afterAll(() => {
    killChildren();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reopens intact with every acknowledged write, round after round", async () => {
    // Migrated beforehand (the writer still runs the migrations, as the server does: nothing to apply).
    await (await migratedPgliteDir(dataDir)).close();
    let next = 1;
    for (let round = 0; round < ROUNDS; round++) {
      const writer = spawnChild([path.join("faults", "pglite-writer.ts"), dataDir, String(next)]);
      const acked = () => [...writer.output().matchAll(/^ack (\d+)$/gm)].map((m) => Number(m[1]));
      // Wait until it is writing for real, then kill it a little later each round (somewhere mid-transaction).
      await waitFor(`round ${round}: the writer's first acknowledged writes`, () => {
        if (writer.process.exitCode !== null) throw new Error(`the writer exited:\n${writer.output()}`);
        return acked().length >= ACKS_BEFORE_KILL ? true : undefined;
      }, { timeoutMs: 120_000, intervalMs: 20 });
      await sleep(37 * (round + 1));
      writer.process.kill("SIGKILL");
      expect(await writer.exited).toBe("SIGKILL");
      const acknowledged = acked();
      const last = Math.max(...acknowledged);

      const pglite = newPGlite(dataDir);
      try {
        await pglite.waitReady;
        const rows = await pglite.query<{ n: number }>(
          "select substring(full_name from 7)::int as n from people where full_name like 'fault-%' order by 1",
        );
        const stored = rows.rows.map((r) => r.n);
        const counter = await pglite.query<{ value: string }>("select value from settings where key = 'fault_counter'");
        // Every acknowledged write is there; at most the one in flight at the kill went further.
        expect(stored.filter((n) => n <= last)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
        expect(stored.length - last).toBeLessThanOrEqual(1);
        // Transactions are whole: the counter and the rows were committed together.
        expect(Number(counter.rows[0]?.value)).toBe(stored.length);
        // The primary-key index agrees with the table, and the database takes new writes.
        const total = (await pglite.query<{ n: number }>("select count(*)::int as n from people")).rows[0]?.n;
        await pglite.exec("set enable_seqscan = off");
        const byIndex = await pglite.query<{ n: number }>("select count(*)::int as n from people where id is not null");
        expect(byIndex.rows[0]?.n).toBe(total);
        await pglite.exec("reset enable_seqscan");
        await pglite.query("insert into settings (key, value) values ('fault_check', 'ok') on conflict (key) do update set value = 'ok'");
        next = stored.length + 1;
      } finally {
        await pglite.close();
      }
    }
    expect(next).toBeGreaterThan(ROUNDS * ACKS_BEFORE_KILL);
  });
});
