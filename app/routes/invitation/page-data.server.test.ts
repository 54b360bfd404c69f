import type { AppLoadContext } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createInvitation, createOrganization, createUser } from "#db/factories";
import { agendaItems, deputyProposals, events, invitations } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { getInviteeInvitation, getInviteePageByTokenHash } from "~/models/rsvp.server";
import { issueInvitationToken } from "~/services/invitation-links.server";
import { respondToInvitation } from "~/services/rsvp.server";
import { sha256 } from "~/utils/crypto.server";
import { invitationPageData } from "./page-data.server";

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
      invitation: { status: "sent", respondedAt: null, respondedAtText: null },
      event: { title: "Lễ ký kết chương trình phối hợp", venue: "Hội trường A", when: { vi: expect.stringContaining("14:00") } },
      agenda: [],
      deputy: null,
      onBehalfOf: null,
      qr: null,
    });
    expect(decodeURIComponent(first!.calendar.google)).toContain("Lễ ký kết chương trình phối hợp");

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
      qr: expect.stringMatching(/^data:image\/svg\+xml;base64,/),
    });
    const google = decodeURIComponent(second!.calendar.google);
    expect(google).toContain("Lễ ký kết (dời giờ)");
    expect(google).toContain("Khai mạc");
    expect(google).toContain(`/i/${token}`);
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
    expect(await invitationPageData(context, "x".repeat(43))).toBeNull();
    expect(await invitationPageData(context, "not a token")).toBeNull();
    await db.update(invitations).set({ withdrawnAt: new Date() }).where(eq(invitations.id, invitation.id));
    expect(await invitationPageData(context, token)).toBeNull();
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
