/** API tokens: scopes, one event, expiry, revocation by their owner only. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { sql } from "drizzle-orm";
import { createEvent, createUser } from "#db/factories";
import { apiTokens } from "#db/schema/index";
import { statementCacheStatsOf } from "#db/pglite-statements.server";
import { testDatabase, testDriver } from "#db/testing";
import { addEventMember } from "~/models/events.server";
import { tokenRefusal } from "~/services/api-auth.server";
import { createApiToken, getApiTokenGrant, getApiTokenGrantOnEvent, listApiTokens, revokeApiToken } from "./accounts.server";

const EVENT = "0b7a6d55-8d3c-4f1e-9a52-2f4b8e6c1d90";
const req = (method: string, path: string) => new Request(`http://signet.test${path}`, { method });

describe("API tokens", () => {
  let database: Database;
  let db: Db;
  let user: { id: string; name: string };

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const u = await createUser(db, { role: "organizer" });
    user = { id: u.id, name: u.name };
  });
  afterAll(() => database.close());

  it("keeps read+write, every event and no expiry by default", async () => {
    const token = await createApiToken(db, user.id, "default");
    const found = await getApiTokenGrant(db, token);
    expect(found?.grant).toMatchObject({ scopes: ["read", "write"], eventId: null });
    expect(tokenRefusal(found!.grant, req("POST", "/api/v1/events"))).toBeNull();
  });

  it("refuses an expired token, and accepts it until then", async () => {
    const token = await createApiToken(db, user.id, "short", { expiresAt: new Date("2031-01-01T00:00:00Z") });
    expect(await getApiTokenGrant(db, token, new Date("2030-12-31T23:59:59Z"))).not.toBeNull();
    expect(await getApiTokenGrant(db, token, new Date("2031-01-01T00:00:00Z"))).toBeNull();
  });

  it("limits by scope: read is GET/HEAD, write is the rest", () => {
    const read = { scopes: ["read"], eventId: null };
    expect(tokenRefusal(read, req("GET", "/api/v1/events"))).toBeNull();
    expect(tokenRefusal(read, req("HEAD", "/api/v1/events"))).toBeNull();
    expect(tokenRefusal(read, req("PATCH", "/api/v1/events/x"))).toMatch(/"write" scope/);
    expect(tokenRefusal({ scopes: ["write"], eventId: null }, req("GET", "/api/v1/events"))).toMatch(/"read" scope/);
  });

  it("limits a token of one event to that event's paths", () => {
    const grant = { scopes: ["read", "write"], eventId: EVENT };
    expect(tokenRefusal(grant, req("GET", `/api/v1/events/${EVENT}`))).toBeNull();
    expect(tokenRefusal(grant, req("POST", `/api/v1/events/${EVENT}/check-ins`))).toBeNull();
    expect(tokenRefusal(grant, req("GET", "/api/v1/events"))).toMatch(/only reaches/);
    expect(tokenRefusal(grant, req("GET", `/api/v1/events/${EVENT}0`))).toMatch(/only reaches/);
    expect(tokenRefusal(grant, req("GET", "/api/v1/webhooks"))).toMatch(/only reaches/);
  });

  it("reads the token with the event and the account's role on its team in one go, by the same rules", async () => {
    const owner = await createUser(db, { role: "organizer" });
    const member = await createUser(db, { role: "viewer" });
    const event = await createEvent(db, owner, {});
    await addEventMember(db, event.id, member.id, "communications");
    const at = new Date("2030-06-01T08:00:00Z");
    const token = await createApiToken(db, member.id, "door", { eventId: event.id, expiresAt: new Date("2031-01-01T00:00:00Z") });
    const found = await getApiTokenGrantOnEvent(db, token, event.id, at);
    expect(found).toMatchObject({
      user: { id: member.id },
      grant: { scopes: ["read", "write"], eventId: event.id },
      standing: { event: { id: event.id, createdBy: owner.id, status: event.status }, memberRole: "communications" },
    });
    expect(found).toEqual({ ...(await getApiTokenGrant(db, token, at)), standing: found!.standing });
    // Its last use noted as getApiTokenGrant notes it (once a minute).
    const lastUsed = async () => (await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(sql`${apiTokens.id} = ${found!.grant.id}`))[0]?.at;
    expect(await lastUsed()).toEqual(at);
    await getApiTokenGrantOnEvent(db, token, event.id, new Date(at.getTime() + 30_000));
    expect(await lastUsed()).toEqual(at);
    const later = new Date(at.getTime() + 61_000);
    await getApiTokenGrantOnEvent(db, token, event.id, later);
    expect(await lastUsed()).toEqual(later);

    // No such event: the token still opens, the event is null (the caller answers 404); not a member: no role.
    expect((await getApiTokenGrantOnEvent(db, token, EVENT, at))?.standing).toEqual({ event: null, memberRole: null });
    const stranger = await createUser(db, { role: "organizer" });
    const strangerToken = await createApiToken(db, stranger.id, "elsewhere");
    expect((await getApiTokenGrantOnEvent(db, strangerToken, event.id, at))?.standing).toMatchObject({ event: { id: event.id }, memberRole: null });
    // Expired, unknown, malformed: null, as getApiTokenGrant.
    expect(await getApiTokenGrantOnEvent(db, token, event.id, new Date("2031-01-01T00:00:00Z"))).toBeNull();
    expect(await getApiTokenGrantOnEvent(db, "sgt_unknown", event.id, at)).toBeNull();
    expect(await getApiTokenGrantOnEvent(db, "not-a-token", event.id, at)).toBeNull();
    // A revoked token: null.
    await revokeApiToken(db, member, found!.grant.id);
    expect(await getApiTokenGrantOnEvent(db, token, event.id, at)).toBeNull();
  });

  it.runIf(testDriver() === "pglite")("on PGlite, prepares the statement once and answers the same after it is dropped", async () => {
    const u = await createUser(db, { role: "organizer" });
    const event = await createEvent(db, u, {});
    const token = await createApiToken(db, u.id, "prepared");
    const first = await getApiTokenGrantOnEvent(db, token, event.id);
    // The second read runs the statement the first one prepared (db/pglite-statements.server.ts): no new one.
    const stats = statementCacheStatsOf((db as unknown as { $client: unknown }).$client)!;
    const before = { ...stats };
    expect(await getApiTokenGrantOnEvent(db, token, event.id)).toEqual(first);
    expect(stats.prepared - before.prepared).toBe(0);
    expect(stats.executed - before.executed).toBeGreaterThan(0);
    // Every prepared statement dropped under it: prepared again, the same answer.
    await db.execute(sql`deallocate all`);
    expect(await getApiTokenGrantOnEvent(db, token, event.id)).toEqual(first);
    expect(stats.prepared - before.prepared).toBeGreaterThan(0);
    expect(await getApiTokenGrantOnEvent(db, token, event.id)).toEqual(first);
  });

  it("lists the owner's tokens with last use, and revokes only the owner's own", async () => {
    const token = await createApiToken(db, user.id, "to revoke", { scopes: ["read"] });
    await getApiTokenGrant(db, token, new Date());
    const row = (await listApiTokens(db, user.id)).find((t) => t.name === "to revoke");
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
    const other = await createUser(db, { role: "viewer" });
    expect(await revokeApiToken(db, { id: other.id, name: other.name }, row!.id)).toBe(false);
    expect(await getApiTokenGrant(db, token)).not.toBeNull();
    expect(await revokeApiToken(db, user, row!.id)).toBe(true);
    expect(await getApiTokenGrant(db, token)).toBeNull();
    expect(await revokeApiToken(db, user, row!.id)).toBe(false);
  });
});
