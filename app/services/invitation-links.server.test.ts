import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createInvitation, createUser } from "#db/factories";
import { invitations, invitationTokens } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { sha256 } from "~/utils/crypto.server";
import { ServiceError } from "~/utils/errors";
import { cancelEvent } from "./events.server";
import { LINK_VALID_AFTER_END_MS, invitationUrl, issueInvitationToken, regenerateInvitationLink, resolveInvitationToken } from "./invitation-links.server";
import { listAudit } from "~/models/audit.server";

describe("invitation links", () => {
  let database: Database;
  let db: Db;
  let actor: { id: string; name: string };
  const startsAt = new Date("2031-04-10T01:30:00Z");
  const endsAt = new Date("2031-04-10T03:00:00Z");

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db);
    actor = { id: user.id, name: user.name };
  });
  afterAll(() => database.close());

  async function setup() {
    const event = await createEvent(db, actor, { startsAt, endsAt });
    const { invitation } = await createInvitation(db, { eventId: event.id });
    return { event, invitation };
  }

  it("issues 256-bit base64url tokens and stores only their SHA-256", async () => {
    const { invitation } = await setup();
    const token = await issueInvitationToken(db, invitation.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const rows = await db.select().from(invitationTokens).where(eq(invitationTokens.invitationId, invitation.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("resolves a token to its invitation and event", async () => {
    const { event, invitation } = await setup();
    const token = await issueInvitationToken(db, invitation.id);
    expect(await resolveInvitationToken(db, token, new Date("2031-01-01T00:00:00Z"))).toEqual({
      invitationId: invitation.id,
      eventId: event.id,
    });
  });

  it("keeps every issued token valid: a link in an older email still works", async () => {
    const { invitation } = await setup();
    const first = await issueInvitationToken(db, invitation.id);
    const second = await issueInvitationToken(db, invitation.id);
    expect(first).not.toBe(second);
    const now = new Date("2031-01-01T00:00:00Z");
    expect((await resolveInvitationToken(db, first, now))?.invitationId).toBe(invitation.id);
    expect((await resolveInvitationToken(db, second, now))?.invitationId).toBe(invitation.id);
  });

  it("returns null for unknown and malformed tokens", async () => {
    const now = new Date("2031-01-01T00:00:00Z");
    expect(await resolveInvitationToken(db, "A".repeat(43), now)).toBeNull();
    expect(await resolveInvitationToken(db, "", now)).toBeNull();
    expect(await resolveInvitationToken(db, "short", now)).toBeNull();
    expect(await resolveInvitationToken(db, "x".repeat(500), now)).toBeNull();
    expect(await resolveInvitationToken(db, "has spaces and / slashes and more than twenty-two", now)).toBeNull();
  });

  it("returns null for every token of a withdrawn invitation", async () => {
    const { invitation } = await setup();
    const a = await issueInvitationToken(db, invitation.id);
    const b = await issueInvitationToken(db, invitation.id);
    await db.update(invitations).set({ withdrawnAt: new Date() }).where(eq(invitations.id, invitation.id));
    const now = new Date("2031-01-01T00:00:00Z");
    expect(await resolveInvitationToken(db, a, now)).toBeNull();
    expect(await resolveInvitationToken(db, b, now)).toBeNull();
  });

  it("expires 30 days after the event has ended, to the millisecond", async () => {
    const { invitation } = await setup();
    const token = await issueInvitationToken(db, invitation.id);
    const lastValid = new Date(endsAt.getTime() + LINK_VALID_AFTER_END_MS);
    expect(LINK_VALID_AFTER_END_MS).toBe(30 * 24 * 3600 * 1000);
    expect(await resolveInvitationToken(db, token, endsAt)).not.toBeNull();
    expect(await resolveInvitationToken(db, token, lastValid)).not.toBeNull();
    expect(await resolveInvitationToken(db, token, new Date(lastValid.getTime() + 1))).toBeNull();
  });

  it("keeps working for a cancelled event, so the invitee can read that it was cancelled", async () => {
    const event = await createEvent(db, actor, { startsAt: new Date(Date.now() + 86400_000), endsAt: new Date(Date.now() + 90000_000) });
    const { invitation } = await createInvitation(db, { eventId: event.id });
    const token = await issueInvitationToken(db, invitation.id);
    await cancelEvent(db, actor, event.id);
    expect((await resolveInvitationToken(db, token))?.invitationId).toBe(invitation.id);
  });

  it("refuses to issue a token for an invitation that does not exist", async () => {
    await expect(issueInvitationToken(db, "00000000-0000-4000-8000-000000000000")).rejects.toThrow(ServiceError);
  });

  it("builds the personal URL", () => {
    expect(invitationUrl("https://signet.example.org", "abc_DEF-123")).toBe("https://signet.example.org/i/abc_DEF-123");
    expect(invitationUrl("http://localhost:3000/", "t")).toBe("http://localhost:3000/i/t");
  });
  it("regenerates the link: every earlier token stops working, the new one works; audited; refused when withdrawn", async () => {
    const { event, invitation } = await setup();
    const first = await issueInvitationToken(db, invitation.id);
    const second = await issueInvitationToken(db, invitation.id);
    const now = new Date("2031-04-01T00:00:00Z");
    const fresh = await regenerateInvitationLink(db, actor, invitation.id, { eventId: event.id });
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await resolveInvitationToken(db, first, now)).toBeNull();
    expect(await resolveInvitationToken(db, second, now)).toBeNull();
    expect(await resolveInvitationToken(db, fresh, now)).toEqual({ invitationId: invitation.id, eventId: event.id });
    expect((await listAudit(db)).find((a) => a.entityId === invitation.id && a.action === "invitation.link")).toMatchObject({
      details: { revoked: 2 },
    });

    const other = await createEvent(db, actor, { startsAt, endsAt });
    await expect(regenerateInvitationLink(db, actor, invitation.id, { eventId: other.id })).rejects.toMatchObject({ code: "not_found" });
    await db.update(invitations).set({ withdrawnAt: now }).where(eq(invitations.id, invitation.id));
    await expect(regenerateInvitationLink(db, actor, invitation.id, { eventId: event.id })).rejects.toMatchObject({
      code: "conflict",
      message: "attendees.errors.withdrawnNoLink",
    });
    // Nothing was revoked by the refusal.
    await db.update(invitations).set({ withdrawnAt: null }).where(eq(invitations.id, invitation.id));
    expect(await resolveInvitationToken(db, fresh, now)).not.toBeNull();
  });
});
