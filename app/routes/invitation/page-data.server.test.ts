import { PGlite } from "@electric-sql/pglite";
import type { AppLoadContext } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";
import jsQR from "jsqr";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createInvitation, createOrganization, createUser } from "#db/factories";
import { agendaItems, deputyProposals, events, invitations } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { getInviteeInvitation, getInviteePageByTokenHash } from "~/models/rsvp.server";
import { issueInvitationToken } from "~/services/invitation-links.server";
import { respondToInvitation } from "~/services/rsvp.server";
import { sha256 } from "~/utils/crypto.server";
import { doorTicketFor } from "~/services/check-in.server";
import { CALENDAR_SERVICES } from "./calendar-services";
import { invitationCalendarLink, invitationPageData, invitationQrImage } from "./page-data.server";

/** The text a QR code in SVG reads as (drawn at 300 dpi, read by jsQR as a camera would). */
async function decodeQr(svg: string): Promise<string | null> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 300 }).flatten({ background: "#ffffff" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data ?? null;
}

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
});
afterAll(() => database.close());

// The page keeps what depends on the event alone (phrased dates, agenda times, calendar entry) per the event's text:
// an edit must be on the very next request, as an answer is.
describe("the invitee page's data", () => {
  let context: AppLoadContext;
  let actor: { id: string; name: string };
  const startsAt = new Date("2031-04-10T07:00:00Z"); // 14:00 in Hà Nội
  const endsAt = new Date("2031-04-10T09:00:00Z");

  beforeAll(async () => {
    context = { db, appUrl: "http://localhost:3000", secureCookies: false, cookieSecrets: ["test-secret-0123456789abcdef"] } as unknown as AppLoadContext;
    const user = await createUser(db);
    actor = { id: user.id, name: user.name };
  });

  async function setup() {
    const event = await createEvent(db, actor, { title: "Lễ ký kết chương trình phối hợp", startsAt, endsAt, venueName: "Hội trường A" });
    const { invitation } = await createInvitation(db, { eventId: event.id, person: { honorific: "Bà", fullName: "Nguyễn Thị Hồng" } });
    const token = await issueInvitationToken(db, invitation.id);
    return { event, invitation, token };
  }

  it("shows an edited event, its agenda and an answer on the next request", async () => {
    const { event, invitation, token } = await setup();
    const first = await invitationPageData(context, token);
    expect(first).toMatchObject({
      name: "Bà Nguyễn Thị Hồng",
      invitation: { status: "sent", respondedAtText: null },
      event: { title: "Lễ ký kết chương trình phối hợp", venue: "Hội trường A", when: { vi: expect.stringContaining("14:00") } },
      agenda: [],
      deputy: null,
      onBehalfOf: null,
      qr: null,
    });
    expect(decodeURIComponent((await invitationCalendarLink(context, token, "google"))!)).toContain("Lễ ký kết chương trình phối hợp");
    // No code to show yet: no picture either.
    expect(await invitationQrImage(context, token)).toBeNull();

    await db
      .update(events)
      .set({ title: "Lễ ký kết (dời giờ)", startsAt: new Date("2031-04-10T08:00:00Z"), venueName: "Hội trường B" })
      .where(eq(events.id, event.id));
    await db.insert(agendaItems).values({ eventId: event.id, position: 1, startsAt: new Date("2031-04-10T08:00:00Z"), durationMinutes: 15, title: "Khai mạc", kind: "opening" });
    await respondToInvitation(db, { invitationId: invitation.id, intent: "accept", comment: null });

    const second = await invitationPageData(context, token);
    expect(second).toMatchObject({
      invitation: { status: "accepted", respondedAtText: { vi: expect.any(String), en: expect.any(String) } },
      event: { title: "Lễ ký kết (dời giờ)", venue: "Hội trường B", when: { vi: expect.stringContaining("15:00") } },
      agenda: [{ title: "Khai mạc", time: "15:00 – 15:15" }],
      qr: expect.stringMatching(/^\/invitation\/qr\.svg\?v=[0-9a-f]{16}$/),
    });
    // The page names the picture by its version; the picture is the invitation's door ticket as a QR code.
    const qr = await invitationQrImage(context, token);
    expect(second!.qr).toBe(`/invitation/qr.svg?v=${qr!.version}`);
    expect(qr!.svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(await decodeQr(qr!.svg)).toBe(await doorTicketFor(db, invitation.id, event.id));
    // The calendar links are made on the click, with the edited event and the personal link.
    for (const service of CALENDAR_SERVICES) {
      const link = decodeURIComponent((await invitationCalendarLink(context, token, service))!);
      expect(link).toContain("Lễ ký kết (dời giờ)");
      expect(link).toContain("Khai mạc");
      expect(link).toContain(`/i/${token}`);
    }
    expect(await invitationCalendarLink(context, token, "google")).toMatch(/^https:\/\/calendar\.google\.com\/calendar\/render\?/);
    expect(await invitationCalendarLink(context, token, "outlook")).toMatch(/^https:\/\/outlook\.live\.com\//);
    expect(await invitationCalendarLink(context, token, "office365")).toMatch(/^https:\/\/outlook\.office\.com\//);

    // Declined: the page shows no code, and its address draws none.
    await respondToInvitation(db, { invitationId: invitation.id, intent: "decline", comment: null });
    expect((await invitationPageData(context, token))?.qr).toBeNull();
    expect(await invitationQrImage(context, token)).toBeNull();
  });

  it("shows the latest deputy proposal, and whom a deputy comes for", async () => {
    const { event, invitation, token } = await setup();
    await db.insert(deputyProposals).values([
      { eventId: event.id, invitationId: invitation.id, source: "web" as const, fullName: "Trần Văn Cũ", status: "refused" as const, refusalReason: "Không phù hợp", createdAt: new Date("2031-03-01T00:00:00Z") },
      { eventId: event.id, invitationId: invitation.id, source: "web" as const, honorific: "Ông", fullName: "Phạm Văn Phó", createdAt: new Date("2031-03-02T00:00:00Z") },
    ]);
    expect((await invitationPageData(context, token))?.deputy).toEqual({ status: "pending", name: "Ông Phạm Văn Phó", reason: null });

    const { invitation: deputy } = await createInvitation(db, { eventId: event.id, person: { honorific: "Ông", fullName: "Phạm Văn Phó" } });
    await db.update(invitations).set({ deputyForInvitationId: invitation.id }).where(eq(invitations.id, deputy.id));
    const page = await invitationPageData(context, await issueInvitationToken(db, deputy.id));
    expect(page).toMatchObject({ onBehalfOf: "bà Nguyễn Thị Hồng", invitation: { isDeputy: true }, deputy: null });
  });

  it("opens nothing for an unknown, malformed or withdrawn link", async () => {
    const { invitation, token } = await setup();
    await respondToInvitation(db, { invitationId: invitation.id, intent: "accept", comment: null });
    expect(await invitationQrImage(context, token)).not.toBeNull();
    for (const dead of ["x".repeat(43), "not a token"]) {
      expect(await invitationPageData(context, dead)).toBeNull();
      expect(await invitationQrImage(context, dead)).toBeNull();
      expect(await invitationCalendarLink(context, dead, "google")).toBeNull();
    }
    await db.update(invitations).set({ withdrawnAt: new Date() }).where(eq(invitations.id, invitation.id));
    expect(await invitationPageData(context, token)).toBeNull();
    expect(await invitationQrImage(context, token)).toBeNull();
    expect(await invitationCalendarLink(context, token, "outlook")).toBeNull();
  });
});

describe("getInviteePageByTokenHash", () => {
  // On PGlite the row comes from a statement prepared once and mapped by hand: it must be drizzle's row, to the type.
  it("reads the same invitation, person, event and host as getInviteeInvitation, with and without a host", async () => {
    const user = await createUser(db);
    const host = await createOrganization(db, { nameVi: "Sở Ngoại vụ", nameEn: "Department of Foreign Affairs" });
    for (const hostOrganizationId of [host.id, null]) {
      const event = await createEvent(db, { id: user.id, name: user.name }, { title: "Hội nghị", hostOrganizationId });
      const { invitation } = await createInvitation(db, { eventId: event.id, status: "accepted", plusOnes: 1 });
      await db.update(invitations).set({ respondedAt: new Date("2031-01-02T03:04:05.678Z"), companionNames: ["Lê Văn A"] }).where(eq(invitations.id, invitation.id));
      const token = await issueInvitationToken(db, invitation.id);
      for (let i = 0; i < 2; i++) {
        const row = await getInviteePageByTokenHash(db, sha256(token));
        const { agenda, proposal, ...rest } = row!;
        expect(rest).toStrictEqual(await getInviteeInvitation(db, invitation.id));
        expect(rest.invitation.respondedAt).toEqual(new Date("2031-01-02T03:04:05.678Z"));
        expect(rest.host).toStrictEqual(hostOrganizationId ? { nameVi: "Sở Ngoại vụ", nameEn: "Department of Foreign Affairs" } : null);
        expect([agenda, proposal]).toEqual([[], null]);
      }
    }
    expect(await getInviteePageByTokenHash(db, sha256("unknown"))).toBeNull();
    expect(await getInviteePageByTokenHash(db, "'; select 1; --")).toBeNull();
    // And on PGlite those rows did come from the prepared statement (its fallback, drizzle's select, would pass too).
    const client = (db as unknown as { $client?: unknown }).$client;
    if (client instanceof PGlite) {
      const prepared = await client.query(`select 1 from pg_prepared_statements where name = 'signet_invitee_page_by_token'`);
      expect(prepared.rows).toHaveLength(1);
      // The fast path answers through exec (EXECUTE); drizzle's fallback through query: a failed EXECUTE or row mapping
      // would send this read to query.
      const { invitation } = await createInvitation(db, { eventId: (await createEvent(db, await createUser(db), {})).id });
      const hash = sha256(await issueInvitationToken(db, invitation.id));
      const query = vi.spyOn(client, "query");
      const exec = vi.spyOn(client, "exec");
      try {
        expect((await getInviteePageByTokenHash(db, hash))?.invitation.id).toBe(invitation.id);
        expect(exec.mock.calls.map(([text]) => String(text))).toEqual([expect.stringMatching(/^execute signet_invitee_page_by_token\(/)]);
        expect(query).not.toHaveBeenCalled();
      } finally {
        query.mockRestore();
        exec.mockRestore();
      }
    }
  });

  it("reads timestamps to the millisecond, whatever their precision, and a deputy's principal", async () => {
    const user = await createUser(db);
    const event = await createEvent(db, { id: user.id, name: user.name }, { title: "Hội nghị có khách đại diện" });
    const { invitation } = await createInvitation(db, { eventId: event.id, status: "accepted" });
    const { invitation: deputy } = await createInvitation(db, { eventId: event.id });
    await db.update(invitations).set({ companionNames: ["Lê Văn A", 'Trần "B", {C}', ""], deputyForInvitationId: invitation.id }).where(eq(invitations.id, deputy.id));
    await db.execute(sql`update invitations set responded_at = '2031-01-02 03:04:05.678912+07' where id = ${deputy.id}`);
    const row = await getInviteePageByTokenHash(db, sha256(await issueInvitationToken(db, deputy.id)));
    const { agenda, proposal, ...rest } = row!;
    expect(rest).toStrictEqual(await getInviteeInvitation(db, deputy.id));
    expect(rest.invitation).toMatchObject({ respondedAt: new Date("2031-01-01T20:04:05.678Z"), companionNames: ["Lê Văn A", 'Trần "B", {C}', ""], deputyForInvitationId: invitation.id });
    expect([agenda, proposal]).toEqual([[], null]);
  });

  it("still answers when the prepared statement is gone (deallocated, or stale after a migration)", async () => {
    const user = await createUser(db);
    const event = await createEvent(db, { id: user.id, name: user.name }, { title: "Hội nghị lần hai" });
    const { invitation } = await createInvitation(db, { eventId: event.id, status: "sent" });
    const token = await issueInvitationToken(db, invitation.id);
    expect((await getInviteePageByTokenHash(db, sha256(token)))?.invitation.id).toBe(invitation.id);
    await db.execute(sql`deallocate all`);
    for (let i = 0; i < 2; i++) expect((await getInviteePageByTokenHash(db, sha256(token)))?.invitation.id).toBe(invitation.id);
  });
});
