/** API tokens: scopes, one event, expiry, revocation by their owner only. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createUser } from "#db/factories";
import { testDatabase } from "#db/testing";
import { tokenRefusal } from "~/services/api-auth.server";
import { createApiToken, getApiTokenGrant, listApiTokens, revokeApiToken } from "./accounts.server";

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
