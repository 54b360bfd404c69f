import { types, type PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { newPGlite } from "./client.server";
import { statementCacheStatsOf, withStatementCache } from "./pglite-statements.server";

// drizzle's PGlite driver reads dates and times as text (drizzle-orm/pglite/session.js): the same options here.
const asText = (value: string) => value;
const drizzleConfig = {
  rowMode: "array" as const,
  parsers: { [types.TIMESTAMP]: asText, [types.TIMESTAMPTZ]: asText, [types.DATE]: asText, 1185: asText },
};

const cachedStatements = async (raw: PGlite) =>
  (await raw.query<{ n: number }>(`select count(*)::int as n from pg_prepared_statements where name like 'signet_cached_%'`)).rows[0]!.n;

describe("PGlite's statement cache", () => {
  let raw: PGlite;
  let client: PGlite;

  beforeAll(async () => {
    raw = newPGlite();
    await raw.waitReady;
    client = withStatementCache(raw, 4);
    await raw.exec(`
      create table things (id int primary key, name text not null, tags text[], data jsonb, at timestamptz, big bigint, price numeric, ok boolean);
      insert into things values
        (1, 'Nguyễn Hồng Chuyên', array['a','b'], '{"x": [1, 2]}', '2017-10-19 14:00:00+07', 9007199254740993, 12.50, true),
        (2, 'O''Brien; drop table things; --', null, null, null, null, null, false);
    `);
  });
  afterAll(async () => {
    await raw.close();
  });

  it("answers exactly as PGlite's own query does: every type, both row modes, drizzle's parsers", async () => {
    const text = "select * from things where id = any($1::int[]) order by id";
    for (const options of [undefined, drizzleConfig, { rowMode: "object" as const }]) {
      const own = await raw.query(text, [[1, 2]], options);
      const cached = await client.query(text, [[1, 2]], options);
      expect(cached.rows).toEqual(own.rows);
      expect(cached.fields).toEqual(own.fields);
      expect(cached.affectedRows).toEqual(own.affectedRows);
    }
    // A value is bound, never written into the text: a quote, a semicolon and a comment are only a name.
    const evil = "O'Brien; drop table things; --";
    expect((await client.query<{ id: number }>("select id from things where name = $1", [evil])).rows).toEqual([{ id: 2 }]);
  });

  it("serializes parameters as PGlite does (dates, JSON, arrays, null) and reports what a write did", async () => {
    const at = new Date("2026-12-02T08:30:00.123Z");
    const write = await client.query(
      "insert into things (id, name, tags, data, at) values ($1, $2, $3, $4, $5) returning id, tags, data, at",
      [3, "Ba", ["x", "y z"], { ký: "kết" }, at],
      drizzleConfig,
    );
    expect(write.affectedRows).toBe(1);
    expect(write.rows).toEqual([[3, ["x", "y z"], { ký: "kết" }, "2026-12-02 08:30:00.123+00"]]);
    const nulls = await client.query("update things set tags = $1, data = $2 where id = $3", [null, undefined, 3]);
    expect(nulls.affectedRows).toBe(1);
    expect((await client.query("select tags, data from things where id = 3")).rows).toEqual([{ tags: null, data: null }]);
    await client.query("delete from things where id = $1", [3]);
  });

  it("prepares a text once, then runs it in one call to the database", async () => {
    const text = "select name from things where id = $1";
    await client.query(text, [1]);
    const stats = statementCacheStatsOf(client)!;
    const prepared = stats.prepared;
    const calls = vi.spyOn(raw as unknown as { execProtocolStream: () => unknown }, "execProtocolStream");
    try {
      for (const id of [1, 2, 1]) await client.query(text, [id]);
      expect(calls).toHaveBeenCalledTimes(3);
      expect(stats.prepared).toBe(prepared);
    } finally {
      calls.mockRestore();
    }
  });

  it("throws the database's own error, with the query attached, and goes on working after it", async () => {
    const text = "insert into things (id, name) values ($1, $2)";
    const error = await client.query(text, [1, "again"]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "23505", constraint: "things_pkey", query: text, params: [1, "again"] });
    expect((await client.query(text, [4, "Bốn"])).affectedRows).toBe(1);
    const syntax = await client.query("select nope from things where id = $1", [1]).catch((e: unknown) => e);
    expect(syntax).toMatchObject({ code: "42703" });
    await client.query("delete from things where id = $1", [4]);
  });

  it("runs within a transaction, and a rollback undoes it", async () => {
    await expect(
      client.transaction(async (tx) => {
        await tx.query("insert into things (id, name) values ($1, $2)", [5, "Năm"]);
        expect((await tx.query("select count(*)::int as n from things where id = $1", [5])).rows).toEqual([{ n: 1 }]);
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect((await client.query("select count(*)::int as n from things where id = $1", [5])).rows).toEqual([{ n: 0 }]);
    // A query from outside waits for the transaction, as PGlite's own does: it runs after the rollback, not in it.
    let outside: Promise<{ rows: unknown[] }> | undefined;
    await client.transaction(async (tx) => {
      await tx.query("insert into things (id, name) values ($1, $2)", [6, "Sáu"]);
      outside = client.query("select count(*)::int as n from things where id = $1", [6]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await tx.rollback();
    });
    expect((await outside!).rows).toEqual([{ n: 0 }]);
    await client.query("delete from things where id = $1", [6]);
  });

  it("prepares again when the statement is dropped or its columns change under it", async () => {
    const text = "select * from things where id = $1";
    expect(Object.keys((await client.query<Record<string, unknown>>(text, [1])).rows[0]!)).not.toContain("added");
    await raw.exec("alter table things add column added text default 'new'");
    expect((await client.query<Record<string, unknown>>(text, [1])).rows[0]).toMatchObject({ id: 1, added: "new" });
    await raw.exec("deallocate all");
    expect((await client.query<Record<string, unknown>>(text, [2])).rows[0]).toMatchObject({ id: 2, added: "new" });
    await raw.exec("alter table things drop column added");
  });

  it("keeps at most its bound, closing the least recently used", async () => {
    for (let i = 0; i < 10; i++) await client.query(`select id, ${i} as n from things where id = $1`, [1]);
    // Evicted statements are closed on the next call.
    await client.query("select 1 as one where $1::int = 1", [1]);
    expect(await cachedStatements(raw)).toBeLessThanOrEqual(4);
    expect(statementCacheStatsOf(client)!.closed).toBeGreaterThan(0);
  });

  it("leaves other statements to PGlite's own path", async () => {
    const stats = statementCacheStatsOf(client)!;
    const { prepared, executed } = stats;
    await client.query("create temporary table scratch (n int)");
    await client.query("set statement_timeout = 0");
    expect([stats.prepared, stats.executed]).toEqual([prepared, executed]);
    // And the raw client, given anything without the members it needs, is returned as it is.
    const bare = { query: () => null } as unknown as PGlite;
    expect(withStatementCache(bare)).toBe(bare);
  });
});
