import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { testDatabase } from "#db/testing";
import { lease, leaseHolder, releaseLease, tryLease } from "./leases.server";

describe("leases", () => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
  });
  afterAll(() => database.close());

  it("goes to one holder at a time, is renewed by it, and is taken over only once it has run out", async () => {
    expect(await tryLease(db, "job", "a", 60_000)).toBe(true);
    expect(await tryLease(db, "job", "b", 60_000)).toBe(false);
    expect(await tryLease(db, "job", "a", 60_000)).toBe(true);
    expect(await leaseHolder(db, "job")).toBe("a");

    expect(await tryLease(db, "short", "a", 150)).toBe(true);
    expect(await tryLease(db, "short", "b", 150)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await leaseHolder(db, "short")).toBeNull();
    expect(await tryLease(db, "short", "b", 60_000)).toBe(true);
    expect(await tryLease(db, "short", "a", 60_000)).toBe(false);
  });

  it("given back, it is free at once; only its holder can give it back", async () => {
    expect(await tryLease(db, "stop", "a", 60_000)).toBe(true);
    await releaseLease(db, "stop", "b");
    expect(await leaseHolder(db, "stop")).toBe("a");
    await releaseLease(db, "stop", "a");
    expect(await tryLease(db, "stop", "b", 60_000)).toBe(true);
  });

  it("many contenders asking at the same moment: exactly one wins", async () => {
    const wins = await Promise.all(Array.from({ length: 8 }, (_, i) => tryLease(db, "race", `h${i}`, 60_000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it("lease(): remembers what the last acquire found and releases only when held", async () => {
    const mine = lease(db, "wrapped", "me", 60_000);
    const theirs = lease(db, "wrapped", "them", 60_000);
    expect(await mine.acquire()).toBe(true);
    expect(mine.held).toBe(true);
    expect(await theirs.acquire()).toBe(false);
    await theirs.release();
    expect(await leaseHolder(db, "wrapped")).toBe("me");
    await mine.release();
    expect(mine.held).toBe(false);
    expect(await theirs.acquire()).toBe(true);
  });
});
