import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { buildDignitaryInput, buildEventInput, createInvitation, createOrganization } from "#db/factories";
import { ceremonyRoles, deputyProposals, invitations, people } from "#db/schema/index";
import { expectServiceError, testDatabaseWithActor } from "#db/testing";
import { countAttendance } from "~/models/check-in.server";
import { eraseEventInvitationNeeds } from "~/models/privacy.server";
import { acceptDeputy, proposeDeputy, refuseDeputy, pendingDeputyProposals, setCompanions } from "./delegation.server";
import { createDignitary, loadPrecedence } from "./dignitaries.server";
import { createEvent } from "./events.server";
import type { Actor } from "~/domain/access/permissions";
import { issueInvitationToken, resolveDelegatedToken, resolveInvitationToken } from "./invitation-links.server";
import { messagesOf, testMailSettings as settings, tokenCount } from "../../server/testing/mail-test-support.server";
import { createTable, loadSeating, proposeSeating } from "./seating.server";

const startsAt = new Date("2031-04-10T07:00:00Z");
const endsAt = new Date("2031-04-10T09:00:00Z");
const now = new Date("2031-04-01T03:00:00Z");

const dignitary = (name: string, positions: string[], side: "host" | "guest", email: string | null = null) =>
  buildDignitaryInput(name, positions, side, { email });

describe("deputies and companions", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;

  beforeAll(async () => ({ database, db, actor } = await testDatabaseWithActor({ name: "Cán bộ tổ chức" })));
  afterAll(() => database.close());

  async function ceremony() {
    const host = await createOrganization(db, { nameVi: `Ban Tuyên giáo ${Math.random().toString(36).slice(2, 7)}` });
    const event = await createEvent(db, actor, buildEventInput({ kind: "signing_ceremony", hostOrganizationId: host.id, startsAt, endsAt, status: "scheduled" }));
    const truongBan = await createDignitary(db, actor, event.id, dignitary("Nguyễn Hồng Chuyên", ["Trưởng ban Tuyên giáo Tỉnh ủy"], "host"));
    const giamDoc = await createDignitary(
      db,
      actor,
      event.id,
      dignitary("Trần Văn Giám", ["Giám đốc Sở Giáo dục và Đào tạo"], "guest", `giam-${Math.random().toString(36).slice(2, 8)}@so.test`),
    );
    const phoBan = await createDignitary(db, actor, event.id, dignitary("Lê Phó Ban", ["Phó Trưởng ban Tuyên giáo Tỉnh ủy"], "host"));
    // The principal has been invited and said yes: their calendar holds the entry.
    await db.update(invitations).set({ status: "accepted", respondedAt: now }).where(eq(invitations.id, giamDoc.invitationId));
    return { event, truongBan, giamDoc, phoBan };
  }

  const deputy = (email: string | null = `pho-${Math.random().toString(36).slice(2, 8)}@so.test`) => ({
    honorific: "Bà",
    name: "Phạm Thị Phó",
    position: "Phó Giám đốc Sở Giáo dục và Đào tạo",
    organization: "Sở Giáo dục và Đào tạo",
    email,
    note: "Đồng chí Giám đốc đi công tác.",
  });

  it("records one pending proposal per invitation, validated like the page's form, and replaces it", async () => {
    const { event, giamDoc } = await ceremony();
    const bad = await expectServiceError(proposeDeputy(db, { invitationId: giamDoc.invitationId, deputy: { name: "  ", email: "không phải email" }, source: "mail" }, now), "invalid");
    expect(bad.fields).toMatchObject({ fullName: "errors.required", email: "errors.email" });

    const own = await db.select({ email: people.email }).from(people).innerJoin(invitations, eq(invitations.personId, people.id)).where(eq(invitations.id, giamDoc.invitationId));
    const self = await expectServiceError(proposeDeputy(db, { invitationId: giamDoc.invitationId, deputy: { name: "Ai Đó", email: own[0]!.email!.toUpperCase() }, source: "web" }, now), "invalid");
    expect(self.fields).toEqual({ email: "delegation.errors.self" });

    const first = await proposeDeputy(db, { invitationId: giamDoc.invitationId, deputy: { ...deputy(), name: "Người Thứ Nhất" }, source: "web" }, now);
    expect(first).toMatchObject({ replaced: false, proposal: { status: "pending", source: "web", fullName: "Người Thứ Nhất" } });
    const second = await proposeDeputy(db, { invitationId: giamDoc.invitationId, deputy: deputy(), source: "mail" }, now);
    expect(second).toMatchObject({ replaced: true, proposal: { id: first.proposal.id, fullName: "Phạm Thị Phó", positions: ["Phó Giám đốc Sở Giáo dục và Đào tạo"], source: "mail" } });
    const queue = await pendingDeputyProposals(db, event.id);
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ fullName: "Phạm Thị Phó", principal: { fullName: "Trần Văn Giám" } });
  });

  it("refuses a proposal once the event has started or for a withdrawn invitation", async () => {
    const { giamDoc } = await ceremony();
    await expectServiceError(proposeDeputy(db, { invitationId: giamDoc.invitationId, deputy: deputy(), source: "web" }, new Date(startsAt.getTime() + 60_000)), "conflict", "rsvp.closed.started");
    await db.update(invitations).set({ withdrawnAt: now }).where(eq(invitations.id, giamDoc.invitationId));
    await expectServiceError(proposeDeputy(db, { invitationId: giamDoc.invitationId, deputy: deputy(), source: "mail" }, now), "conflict", "rsvp.closed.withdrawn");
  });

  it("accepting: the deputy's own invitation, link and mail; the original's CANCEL; precedence by the deputy's own position; seat and roles handed over", async () => {
    const { event, truongBan, giamDoc, phoBan } = await ceremony();
    await createTable(db, actor, event.id, { name: "Đoàn chủ tịch", kind: "presidium", seatCount: 3, mode: "centre-out", secondTo: "right" });
    await proposeSeating(db, actor, event.id);
    await db.insert(ceremonyRoles).values({ dignitaryId: giamDoc.id, role: "speaker" });
    const before = await loadPrecedence(db, event.id);
    expect(before.dignitaries.map((d) => d.name)).toEqual(["Nguyễn Hồng Chuyên", "Trần Văn Giám", "Lê Phó Ban"]);
    const seatBefore = (await loadSeating(db, event.id)).tables[0]!.seats.find((s) => s.invitationId === giamDoc.invitationId)!.index;

    await db.update(invitations).set({ plusOnes: 2 }).where(eq(invitations.id, giamDoc.invitationId));
    await setCompanions(db, { invitationId: giamDoc.invitationId, names: ["Thư Ký", "Lái Xe"] }, now);
    const principalToken = await issueInvitationToken(db, giamDoc.invitationId);
    expect(await resolveDelegatedToken(db, principalToken, now)).toBeNull();
    const { proposal } = await proposeDeputy(db, { invitationId: giamDoc.invitationId, deputy: deputy(), source: "web" }, now);
    const accepted = await acceptDeputy(db, actor, { eventId: event.id, proposalId: proposal.id }, { settings, now });
    expect(accepted).toMatchObject({ invitationMail: "queued", cancelMail: "queued", seatsHandedOver: 1, dignitary: true });

    // The original: withdrawn (links stop), not counted; the deputy: accepted, standing in for them.
    const [original] = await db.select().from(invitations).where(eq(invitations.id, giamDoc.invitationId));
    expect(original!.withdrawnAt).toEqual(now);
    const [mine] = await db.select().from(invitations).where(eq(invitations.id, accepted.deputyInvitationId));
    expect(mine).toMatchObject({ status: "accepted", deputyForInvitationId: giamDoc.invitationId, role: "dignitary", plusOnes: 2, companionNames: ["Thư Ký", "Lái Xe"] });
    // Counted: the deputy (the only one who accepted: the principal is withdrawn) and the companions who now come with them.
    expect(await countAttendance(db, event.id)).toMatchObject({ accepted: 1, companions: 2, expected: 3 });
    expect(await tokenCount(db, accepted.deputyInvitationId)).toBe(1);

    // Precedence: the deputy ranks by their own position (Phó Giám đốc Sở, 175), after the Phó Trưởng ban (170), in the principal's side.
    const after = await loadPrecedence(db, event.id);
    expect(after.dignitaries.map((d) => d.name)).toEqual(["Nguyễn Hồng Chuyên", "Lê Phó Ban", "Phạm Thị Phó"]);
    const standIn = after.dignitaries.find((d) => d.name === "Phạm Thị Phó")!;
    expect(standIn.sideId).toBe(giamDoc.sideId);
    expect(standIn.positions).toEqual(["Phó Giám đốc Sở Giáo dục và Đào tạo"]);
    expect(await db.select({ id: ceremonyRoles.id }).from(ceremonyRoles).where(eq(ceremonyRoles.dignitaryId, standIn.id))).toHaveLength(1);

    // Seating: the deputy holds the seat the principal held, named as standing in for them.
    const seating = await loadSeating(db, event.id);
    expect(seating.tables[0]!.seats[seatBefore]!.invitationId).toBe(accepted.deputyInvitationId);
    expect(seating.standsInFor[accepted.deputyInvitationId]).toBe("ông Trần Văn Giám");
    expect(seating.unavailableSeated).toEqual([]);
    // A new proposal seats by the recomputed order: the deputy third, the Phó Trưởng ban second.
    await proposeSeating(db, actor, event.id);
    const reseated = await loadSeating(db, event.id);
    const order = [1, 0, 2].map((i) => reseated.tables[0]!.seats[i]!.invitationId);
    expect(order).toEqual([truongBan.invitationId, phoBan.invitationId, accepted.deputyInvitationId]);

    // Mails: the deputy's REQUEST with a personal link, the original's CANCEL of the same UID, one SEQUENCE up.
    const mails = await messagesOf(db, event.id);
    const toDeputy = mails.find((m) => m.invitationId === accepted.deputyInvitationId)!;
    const toOriginal = mails.find((m) => m.invitationId === giamDoc.invitationId)!;
    expect(toDeputy).toMatchObject({ kind: "invitation", icsMethod: "REQUEST" });
    expect(toDeputy.text).toContain("https://signet.example/i/");
    const token = /\/i\/([A-Za-z0-9_-]+)/.exec(toDeputy.text)![1]!;
    expect(await resolveInvitationToken(db, token, now)).toEqual({ invitationId: accepted.deputyInvitationId, eventId: event.id });
    // The director's old link no longer opens the invitation, and says to whom it was handed.
    expect(await resolveInvitationToken(db, principalToken, now)).toBeNull();
    expect(await resolveDelegatedToken(db, principalToken, now)).toEqual({ deputy: "bà Phạm Thị Phó" });
    expect(await resolveDelegatedToken(db, principalToken, new Date(endsAt.getTime() + 31 * 24 * 3600 * 1000))).toBeNull();
    expect(await resolveDelegatedToken(db, token, now)).toBeNull();
    expect(toOriginal).toMatchObject({ kind: "cancellation", icsMethod: "CANCEL", subject: `Đã nhận người đi thay: ${event.title}` });
    expect(toOriginal.text).toContain("Bà Phạm Thị Phó thay mặt quý vị");
    const cancel = new ICAL.Component(ICAL.parse(toOriginal.icsContent!));
    const request = new ICAL.Component(ICAL.parse(toDeputy.icsContent!));
    expect(cancel.getFirstPropertyValue("method")).toBe("CANCEL");
    const vCancel = cancel.getFirstSubcomponent("vevent")!;
    const vRequest = request.getFirstSubcomponent("vevent")!;
    expect(vCancel.getFirstPropertyValue("uid")).toBe(vRequest.getFirstPropertyValue("uid"));
    expect(Number(vCancel.getFirstPropertyValue("sequence"))).toBe(Number(vRequest.getFirstPropertyValue("sequence")) + 1);

    // Decided once: a second click is a conflict, and nothing more is queued.
    await expectServiceError(acceptDeputy(db, actor, { eventId: event.id, proposalId: proposal.id }, { settings, now }), "conflict", "delegation.errors.decided");
    expect(await messagesOf(db, event.id)).toHaveLength(mails.length);
    // The deputy cannot send someone else in turn.
    await expectServiceError(
      proposeDeputy(db, { invitationId: accepted.deputyInvitationId, deputy: { name: "Người Khác" }, source: "web" }, now),
      "conflict",
      "delegation.errors.deputyCannotDelegate",
    );
  });

  it("refuses a deputy who is already on the list, and refusing keeps the invitation and tells the invitee", async () => {
    const { event, giamDoc } = await ceremony();
    const { person: other } = await createInvitation(db, { eventId: event.id, person: { fullName: "Đã Có Tên", email: `co-ten-${Math.random().toString(36).slice(2, 8)}@so.test` } });
    const { proposal } = await proposeDeputy(db, { invitationId: giamDoc.invitationId, deputy: { name: other.fullName, email: other.email }, source: "web" }, now);
    await expectServiceError(acceptDeputy(db, actor, { eventId: event.id, proposalId: proposal.id }, { settings, now }), "conflict", "delegation.errors.alreadyInvited");

    const long = await expectServiceError(refuseDeputy(db, actor, { eventId: event.id, proposalId: proposal.id, reason: "x".repeat(501) }, { settings, now }), "invalid");
    expect(long.fields).toEqual({ reason: "errors.tooLong?max=500" });
    expect(await refuseDeputy(db, actor, { eventId: event.id, proposalId: proposal.id, reason: "Buổi lễ cần chính đồng chí Giám đốc ký." }, { settings, now })).toEqual({ mail: "queued" });
    const [row] = await db.select().from(deputyProposals).where(eq(deputyProposals.id, proposal.id));
    expect(row).toMatchObject({ status: "refused", refusalReason: "Buổi lễ cần chính đồng chí Giám đốc ký.", decidedBy: actor.id });
    const [original] = await db.select().from(invitations).where(eq(invitations.id, giamDoc.invitationId));
    expect(original!.withdrawnAt).toBeNull();
    const mail = (await messagesOf(db, event.id)).find((m) => m.invitationId === giamDoc.invitationId)!;
    expect(mail.subject).toBe(`Về người đi thay: ${event.title}`);
    expect(mail.text).toContain("Lý do: Buổi lễ cần chính đồng chí Giám đốc ký.");
    expect(mail.text).toContain("https://signet.example/i/");
    expect(await pendingDeputyProposals(db, event.id)).toEqual([]);
    // Retention erases the deputy's email and the invitee's note with the event's other personal data.
    await eraseEventInvitationNeeds(db, [event.id]);
    const [erased] = await db.select().from(deputyProposals).where(eq(deputyProposals.id, proposal.id));
    expect(erased).toMatchObject({ email: null, note: null, fullName: other.fullName });
  });

  it("companions: at most what the organizer allows, and counted in the expected attendance", async () => {
    const { event } = await ceremony();
    const { invitation } = await createInvitation(db, { eventId: event.id, plusOnes: 2, status: "accepted" });
    const tooMany = await expectServiceError(setCompanions(db, { invitationId: invitation.id, names: ["A", "B", "C"] }, now), "invalid");
    expect(tooMany.fields).toMatchObject({ companionCount: "rsvp.companions.errors.count?max=2" });
    expect(await setCompanions(db, { invitationId: invitation.id, names: [" Nguyễn  Văn An ", "Trần Thị Bình"] }, now)).toEqual(["Nguyễn Văn An", "Trần Thị Bình"]);
    const counts = await countAttendance(db, event.id);
    // Accepted: the principal Giám đốc and this guest; companions: 2.
    expect(counts).toMatchObject({ accepted: 2, companions: 2, expected: 4 });
    const { invitation: none } = await createInvitation(db, { eventId: event.id, plusOnes: 0 });
    const refused = await expectServiceError(setCompanions(db, { invitationId: none.id, names: ["A"] }, now), "invalid");
    expect(refused.fields).toEqual({ companionCount: "rsvp.companions.errors.noneAllowed" });
  });
});
