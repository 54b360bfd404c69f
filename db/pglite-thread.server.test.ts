import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { types, type PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getInviteePageByTokenHash } from "~/models/rsvp.server";
import { issueInvitationToken } from "~/services/invitation-links.server";
import { sha256 } from "~/utils/crypto.server";
import { newPGlite, openDatabase } from "./client.server";
import { createEvent, createInvitation, createUser } from "./factories";
import { PGliteThread } from "./pglite-thread.server";

const asText = (value: string) => value;
const drizzleConfig = {
  rowMode: "array" as const,
  parsers: { [types.TIMESTAMP]: asText, [types.TIMESTAMPTZ]: asText, [types.DATE]: asText, 1185: asText },
};

const setup = `
  create table things (id int primary key, name text not null unique, tags text[], data jsonb, at timestamptz, big bigint, price numeric, ok boolean, raw bytea);
  insert into things values
    (1, 'Nguyễn Hồng Chuyên', array['a','b'], '{"x": [1, 2]}', '2017-10-19 14:00:00+07', 9007199254740993, 12.50, true, '\\x00ff'),
    (2, 'O''Brien; drop table things; --', null, null, null, null, null, false, null);
`;

const things = pgTable("things", { id: integer("id").primaryKey(), name: text("name").notNull() });

describe("PGlite on a thread of its own", () => {
  let raw: PGlite;
  let thread: PGliteThread;

  beforeAll(async () => {
    raw = newPGlite();
    thread = new PGliteThread();
    await Promise.all([raw.waitReady, thread.waitReady]);
    await raw.exec(setup);
    await thread.exec(setup);
  });
  afterAll(async () => {
    await raw.close();
    await thread.close();
  });

  it("answers exactly as PGlite in this thread does: every type, both row modes, drizzle's parsers", async () => {
    const text = "select * from things where id = any($1::int[]) order by id";
    for (const options of [undefined, drizzleConfig, { rowMode: "object" as const }]) {
      const own = await raw.query(text, [[1, 2]], options);
      const across = await thread.query(text, [[1, 2]], options);
      expect(across.rows).toEqual(own.rows);
      expect(across.fields).toEqual(own.fields);
    }
    const at = new Date("2026-12-02T08:30:00.123Z");
    const write = "insert into things (id, name, data, at) values ($1, $2, $3, $4) returning id, data, at";
    const own = await raw.query(write, [3, "Ba", { a: [1, null] }, at]);
    const across = await thread.query(write, [3, "Ba", { a: [1, null] }, at]);
    expect(across.rows).toEqual(own.rows);
    expect(across.affectedRows).toBe(1);
    expect((await thread.exec("delete from things where id = 3; select count(*)::int as n from things"))[1]!.rows).toEqual([{ n: 2 }]);
    await raw.query("delete from things where id = 3");
  });

  it("gives an error's fields as PGlite gives them, and drizzle's error keeps them as its cause", async () => {
    const insert = "insert into things (id, name) values (9, 'Nguyễn Hồng Chuyên')";
    const own = (await raw.query(insert).catch((e: unknown) => e)) as Error;
    const error = (await thread.query(insert).catch((e: unknown) => e)) as Error & Record<string, unknown>;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(own.message);
    const { queryOptions: _, ...fields } = own as unknown as Record<string, unknown>;
    expect({ ...error }).toEqual(fields);
    expect(error).toMatchObject({ code: "23505", constraint: "things_name_key", detail: expect.stringContaining("Nguyễn Hồng Chuyên") });
    const db = drizzle({ client: thread as unknown as PGlite });
    const wrapped = (await db.insert(things).values({ id: 9, name: "Nguyễn Hồng Chuyên" }).catch((e: unknown) => e)) as { cause?: { code?: string } };
    expect(wrapped.cause?.code).toBe("23505");
  });

  it("runs drizzle's transactions there: committed when the callback resolves, rolled back when it throws, savepoints inside", async () => {
    const db = drizzle({ client: thread as unknown as PGlite });
    await db.transaction(async (tx) => {
      await tx.insert(things).values({ id: 10, name: "Mười" });
      await tx
        .transaction(async (inner) => {
          await inner.insert(things).values({ id: 11, name: "Mười một" });
          throw new Error("inner");
        })
        .catch(() => {});
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(things).values({ id: 12, name: "Mười hai" });
        throw new Error("outer");
      }),
    ).rejects.toThrow("outer");
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(things).values({ id: 13, name: "Mười ba" });
        tx.rollback();
      }),
    ).rejects.toThrow(/rollback/i);
    const ids = (await db.select({ id: things.id }).from(things).where(sql`${things.id} >= 10`)).map((r) => r.id);
    expect(ids).toEqual([10]);
    await db.delete(things).where(eq(things.id, 10));
  });

  it("keeps PGlite's order: a query outside an open transaction waits for its commit", async () => {
    const db = drizzle({ client: thread as unknown as PGlite });
    const seen: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.transaction(async (tx) => {
      await tx.insert(things).values({ id: 20, name: "Hai mươi" });
      await held;
      seen.push("commit");
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const outside = db.select({ id: things.id }).from(things).where(eq(things.id, 20)).then((rows) => {
      seen.push(`read ${rows.length}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([]);
    release();
    await Promise.all([transaction, outside]);
    expect(seen).toEqual(["commit", "read 1"]);
    await db.delete(things).where(eq(things.id, 20));
  });

  it("refuses what cannot cross, before anything runs, and says why", async () => {
    await expect(thread.query("select 1", [], { serializers: { 25: String } })).rejects.toThrow(/"serializers" cannot cross/);
    await expect(thread.query("select now()", [], { parsers: { [types.TIMESTAMPTZ]: (v: string) => new Date(v) } })).rejects.toThrow(
      /parser for type 1184 does more than return the text/,
    );
  });
});

describe("the server's database on its thread (openDatabase with thread: true)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "signet-thread-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("migrates, keeps what was written across a restart, and refuses queries once closed", async () => {
    const dataDir = path.join(dir, "pglite");
    const first = openDatabase({ dataDir, thread: true });
    await first.migrate();
    await first.db.execute(sql`insert into settings (key, value) values ('thread-test', 'còn đây')`);
    await first.close();
    await expect(first.ping()).rejects.toThrow(/closed/);

    const second = openDatabase({ dataDir, thread: true });
    const rows = (await second.db.execute(sql`select value from settings where key = 'thread-test'`)) as unknown as { rows: unknown[] };
    expect(rows.rows).toEqual([{ value: "còn đây" }]);
    await second.close();
  });

  it("serves the invitee page's row from its prepared statement, as PGlite in this thread does", async () => {
    const database = openDatabase({ dataDir: path.join(dir, "page"), thread: true });
    try {
      await database.migrate();
      const db = database.db;
      const thread = (db as unknown as { $client: PGliteThread }).$client;
      const user = await createUser(db);
      const { invitation } = await createInvitation(db, { eventId: (await createEvent(db, user, { title: "Lễ ký kết" })).id, status: "accepted" });
      const hash = sha256(await issueInvitationToken(db, invitation.id));
      expect((await getInviteePageByTokenHash(db, hash))?.invitation.id).toBe(invitation.id);
      const exec = vi.spyOn(thread, "exec");
      const query = vi.spyOn(thread, "query");
      expect((await getInviteePageByTokenHash(db, hash))?.person.id).toBe(invitation.personId);
      expect(exec.mock.calls.map(([text]) => text)).toEqual([expect.stringMatching(/^execute signet_invitee_page_by_token\(/)]);
      expect(query).not.toHaveBeenCalled();
      vi.restoreAllMocks();
    } finally {
      await database.close();
    }
  });

  it("reports a database that cannot start to every caller instead of leaving them waiting", async () => {
    const notADirectory = path.join(dir, "file");
    writeFileSync(notADirectory, "");
    const thread = new PGliteThread(notADirectory);
    const own = newPGlite(notADirectory);
    const expected = (await own.waitReady.catch((e: unknown) => e)) as { name: string; errno: number };
    // What PGlite's file system throws here is not an Error: it arrives as one, with its fields.
    expect(expected).toMatchObject({ name: "ErrnoError", errno: expect.any(Number) });
    const error = (await thread.waitReady.catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "ErrnoError", errno: expected.errno, message: `ErrnoError (errno ${expected.errno})` });
    await expect(thread.query("select 1")).rejects.toBe(error);
    await thread.close();
  });
});
