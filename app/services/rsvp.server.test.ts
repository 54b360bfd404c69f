import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createInvitation, createOrganization, createUser } from "#db/factories";
import { agendaItems, invitations } from "#db/schema/index";
import { expectServiceError, testDatabase } from "#db/testing";
import { listAudit } from "~/models/audit.server";
import { cancelEvent } from "./events.server";
import { invitationUrl } from "./invitation-links.server";
import {
  inviteeName,
  invitationCalendarFile,
  invitationCalendarLinks,
  invitationOrganizer,
  loadInvitationPage,
  respondToInvitation,
} from "./rsvp.server";

const startsAt = new Date("2031-04-10T07:00:00Z"); // 14:00 in Hà Nội
const endsAt = new Date("2031-04-10T09:00:00Z");
const before = new Date("2031-04-01T00:00:00Z");

describe("RSVP", () => {
  let database: Database;
  let db: Db;
  let actor: { id: string; name: string };

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db);
    actor = { id: user.id, name: user.name };
  });
  afterAll(() => database.close());

  async function setup(person = {}) {
    const event = await createEvent(db, actor, {
      title: "Lễ ký kết chương trình phối hợp",
      startsAt,
      endsAt,
      venueName: "Hội trường A",
      venueAddress: "Số 1 Lê Lợi, TP. Thái Bình",
      venueRoom: "Tầng 2",
    });
    const { invitation, person: invitee } = await createInvitation(db, {
      eventId: event.id,
      person: { honorific: "Bà", fullName: "Nguyễn Thị Hồng", ...person },
    });
    return { event, invitation, invitee };
  }

  const statusOf = async (id: string) =>
    (await db.select({ status: invitations.status, respondedAt: invitations.respondedAt, comment: invitations.comment }).from(invitations).where(eq(invitations.id, id)))[0];

  it("says who invites: the event's host organization, in both languages", async () => {
    const host = await createOrganization(db, { nameVi: "Ban Tuyên giáo Tỉnh ủy", nameEn: "Propaganda Department of the Provincial Party Committee" });
    const event = await createEvent(db, actor, { title: "Lễ ký kết có đơn vị chủ trì", startsAt, endsAt, hostOrganizationId: host.id });
    const { invitation } = await createInvitation(db, { eventId: event.id });
    const page = await loadInvitationPage(db, invitation.id, before);
    expect(page?.host).toEqual({ nameVi: "Ban Tuyên giáo Tỉnh ủy", nameEn: "Propaganda Department of the Provincial Party Committee" });
  });

  it("loads the page: invitee, event, open window, an empty agenda", async () => {
    const { event, invitation } = await setup();
    const page = await loadInvitationPage(db, invitation.id, before);
    expect(page).toMatchObject({
      invitation: { id: invitation.id, status: "sent", respondedAt: null },
      person: { honorific: "Bà", fullName: "Nguyễn Thị Hồng", language: "vi" },
      event: { id: event.id, title: "Lễ ký kết chương trình phối hợp", timeZone: "Asia/Ho_Chi_Minh" },
      window: { open: true, closesAt: startsAt },
      agenda: [],
    });
    // No host organization on this event: the page then names the organizers in general.
    expect(page?.host).toBeNull();
    expect(await loadInvitationPage(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(inviteeName({ honorific: " Bà ", fullName: "Nguyễn Thị Hồng" })).toBe("Bà Nguyễn Thị Hồng");
    expect(inviteeName({ honorific: null, fullName: "Nguyễn Thị Hồng" })).toBe("Nguyễn Thị Hồng");
  });

  it("shows the agenda's times and titles, in order, and nothing of the organizers' notes", async () => {
    const { event, invitation } = await setup();
    await db.insert(agendaItems).values([
      { eventId: event.id, position: 2, startsAt: new Date("2031-04-10T07:15:00Z"), durationMinutes: 20, title: "Ký kết", kind: "signing", notes: "Nội bộ" },
      { eventId: event.id, position: 1, startsAt: new Date("2031-04-10T07:00:00Z"), durationMinutes: 15, title: "Khai mạc", kind: "opening" },
    ]);
    const page = await loadInvitationPage(db, invitation.id, before);
    expect(page?.agenda).toEqual([
      { startsAt: new Date("2031-04-10T07:00:00Z"), endsAt: new Date("2031-04-10T07:15:00Z"), title: "Khai mạc" },
      { startsAt: new Date("2031-04-10T07:15:00Z"), endsAt: new Date("2031-04-10T07:35:00Z"), title: "Ký kết" },
    ]);
  });

  it("records Accept, then Decline, with time and comment, and audits each with the invitee's name", async () => {
    const { event, invitation } = await setup();
    const t1 = new Date("2031-04-01T01:00:00Z");
    await respondToInvitation(db, { invitationId: invitation.id, intent: "accept", comment: "  Tôi sẽ đến lúc 13:45.  " }, t1);
    expect(await statusOf(invitation.id)).toEqual({ status: "accepted", respondedAt: t1, comment: "Tôi sẽ đến lúc 13:45." });

    const t2 = new Date("2031-04-02T01:00:00Z");
    const answer = await respondToInvitation(db, { invitationId: invitation.id, intent: "decline", comment: "" }, t2);
    expect(answer).toEqual({ status: "declined", respondedAt: t2, comment: null });
    expect(await statusOf(invitation.id)).toEqual({ status: "declined", respondedAt: t2, comment: null });

    await respondToInvitation(db, { invitationId: invitation.id, intent: "maybe", comment: null }, t2);
    expect((await statusOf(invitation.id))?.status).toBe("tentative");

    const audit = (await listAudit(db, { eventId: event.id })).filter((a) => a.action === "rsvp.respond");
    expect(audit).toHaveLength(3);
    expect(audit.map((a) => a.actorName)).toEqual(["Bà Nguyễn Thị Hồng", "Bà Nguyễn Thị Hồng", "Bà Nguyễn Thị Hồng"]);
    expect(audit.map((a) => a.details?.status).sort()).toEqual(["accepted", "declined", "tentative"]);
    expect(audit.find((a) => a.details?.status === "accepted")).toMatchObject({
      entityType: "invitation",
      entityId: invitation.id,
      details: { previous: "sent", comment: "Tôi sẽ đến lúc 13:45." },
    });
  });

  it("accepts answers until the start and refuses them from the start on, changing nothing", async () => {
    const { event, invitation } = await setup();
    const lastMoment = new Date(startsAt.getTime() - 1);
    await respondToInvitation(db, { invitationId: invitation.id, intent: "accept", comment: null }, lastMoment);
    await expectServiceError(
      respondToInvitation(db, { invitationId: invitation.id, intent: "decline", comment: null }, startsAt),
      "conflict",
      "rsvp.closed.started",
    );
    await expectServiceError(
      respondToInvitation(db, { invitationId: invitation.id, intent: "decline", comment: null }, new Date("2031-05-01T00:00:00Z")),
      "conflict",
      "rsvp.closed.started",
    );
    expect(await statusOf(invitation.id)).toEqual({ status: "accepted", respondedAt: lastMoment, comment: null });
    const page = await loadInvitationPage(db, invitation.id, startsAt);
    expect(page?.window).toEqual({ open: false, reason: "started" });
    expect((await listAudit(db, { eventId: event.id })).filter((a) => a.action === "rsvp.respond")).toHaveLength(1);
  });

  it("refuses answers for a cancelled event and a withdrawn invitation", async () => {
    const soon = new Date(Date.now() + 7 * 86400_000);
    const event = await createEvent(db, actor, { startsAt: soon, endsAt: new Date(soon.getTime() + 3600_000) });
    const { invitation } = await createInvitation(db, { eventId: event.id });
    await cancelEvent(db, actor, event.id);
    await expectServiceError(
      respondToInvitation(db, { invitationId: invitation.id, intent: "accept", comment: null }),
      "conflict",
      "rsvp.closed.cancelled",
    );

    const other = await setup();
    await db.update(invitations).set({ withdrawnAt: new Date() }).where(eq(invitations.id, other.invitation.id));
    await expectServiceError(
      respondToInvitation(db, { invitationId: other.invitation.id, intent: "accept", comment: null }, before),
      "conflict",
      "rsvp.closed.withdrawn",
    );
    expect((await statusOf(invitation.id))?.status).toBe("sent");
    expect((await statusOf(other.invitation.id))?.status).toBe("sent");
  });

  it("refuses a comment over 1000 characters and an unknown invitation", async () => {
    const { invitation } = await setup();
    await expectServiceError(
      respondToInvitation(db, { invitationId: invitation.id, intent: "accept", comment: "ư".repeat(1001) }, before),
      "invalid",
      "form.fixErrors",
    );
    await expectServiceError(
      respondToInvitation(db, { invitationId: "00000000-0000-4000-8000-000000000000", intent: "accept", comment: null }, before),
      "not_found",
      "errors.notFound.body",
    );
  });

  describe("calendar file", () => {
    const organizer = { name: "Văn phòng Tỉnh ủy", email: "vanphong@signet.test" };
    const url = "https://signet.example.org/i/personal-token";

    function parse(ics: string) {
      const calendar = new ICAL.Component(ICAL.parse(ics));
      const vevent = calendar.getFirstSubcomponent("vevent");
      if (!vevent) throw new Error("no VEVENT");
      return { calendar, vevent };
    }

    it("is a METHOD:REQUEST with the invitee's PARTSTAT, the event's UID and SEQUENCE", async () => {
      const { event, invitation } = await setup({ email: "hong@signet.test" });
      await respondToInvitation(db, { invitationId: invitation.id, intent: "accept", comment: null }, before);
      const page = await loadInvitationPage(db, invitation.id, before);
      if (!page) throw new Error("no page");
      const ics = invitationCalendarFile(page, { url, organizer, now: before });
      const { calendar, vevent } = parse(ics);
      expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      expect(vevent.getFirstPropertyValue("uid")).toBe(event.calendarUid);
      expect(vevent.getFirstPropertyValue("sequence")).toBe(event.calendarSequence);
      expect(vevent.getFirstPropertyValue("summary")).toBe("Lễ ký kết chương trình phối hợp");
      expect(vevent.getFirstPropertyValue("location")).toBe("Tầng 2, Hội trường A, Số 1 Lê Lợi, TP. Thái Bình");
      const attendee = vevent.getFirstProperty("attendee");
      expect(attendee?.getParameter("partstat")).toBe("ACCEPTED");
      expect(attendee?.getParameter("cn")).toBe("Bà Nguyễn Thị Hồng");
      // URI schemes are case-insensitive; `ics` writes MAILTO: for the organizer.
      expect(String(attendee?.getFirstValue()).toLowerCase()).toBe("mailto:hong@signet.test");
      expect(String(vevent.getFirstPropertyValue("organizer")).toLowerCase()).toBe("mailto:vanphong@signet.test");
      expect(ics).toContain(url);
    });

    it("follows the answer: DECLINED after a decline", async () => {
      const { invitation } = await setup({ email: "hong2@signet.test" });
      await respondToInvitation(db, { invitationId: invitation.id, intent: "decline", comment: null }, before);
      const page = await loadInvitationPage(db, invitation.id, before);
      if (!page) throw new Error("no page");
      const { vevent } = parse(invitationCalendarFile(page, { url, organizer, now: before }));
      expect(vevent.getFirstProperty("attendee")?.getParameter("partstat")).toBe("DECLINED");
    });

    it("carries the agenda in the DESCRIPTION, in the event's time zone", async () => {
      const { event, invitation } = await setup({ email: "hong3@signet.test" });
      await db.insert(agendaItems).values([
        { eventId: event.id, position: 1, startsAt: new Date("2031-04-10T07:00:00Z"), durationMinutes: 15, title: "Khai mạc", kind: "opening" },
        { eventId: event.id, position: 2, startsAt: new Date("2031-04-10T07:15:00Z"), durationMinutes: 20, title: "Ký kết", kind: "signing" },
      ]);
      const page = await loadInvitationPage(db, invitation.id, before);
      if (!page) throw new Error("no page");
      const { vevent } = parse(invitationCalendarFile(page, { url, organizer, now: before }));
      const description = String(vevent.getFirstPropertyValue("description"));
      expect(description).toContain("Chương trình:");
      expect(description).toMatch(/14:00 – 14:15\s+Khai mạc/);
      expect(description).toMatch(/14:15 – 14:35\s+Ký kết/);
    });

    it("is a METHOD:PUBLISH without an attendee when the invitee has no email address", async () => {
      const { invitation } = await setup({ email: null });
      const page = await loadInvitationPage(db, invitation.id, before);
      if (!page) throw new Error("no page");
      const { calendar, vevent } = parse(invitationCalendarFile(page, { url, organizer, now: before }));
      expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
      expect(vevent.getFirstProperty("attendee")).toBeNull();
    });

    it("is a METHOD:CANCEL once the event is cancelled", async () => {
      const soon = new Date(Date.now() + 7 * 86400_000);
      const event = await createEvent(db, actor, { startsAt: soon, endsAt: new Date(soon.getTime() + 3600_000) });
      const { invitation } = await createInvitation(db, { eventId: event.id });
      await cancelEvent(db, actor, event.id);
      const page = await loadInvitationPage(db, invitation.id);
      if (!page) throw new Error("no page");
      const { calendar, vevent } = parse(invitationCalendarFile(page, { url, organizer }));
      expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
      expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
      expect(vevent.getFirstPropertyValue("sequence")).toBeGreaterThan(0);
    });

    it("add-to-calendar links carry the personal link, which opens on any device, not the cookie address", async () => {
      const { invitation } = await setup();
      const page = await loadInvitationPage(db, invitation.id, before);
      if (!page) throw new Error("no page");
      const personal = invitationUrl("https://signet.example.org/", "Zx9_abcDEF-1234567890abcdefghijklmnopqrstu");
      const links = invitationCalendarLinks(page, personal);
      const details = [
        new URL(links.google).searchParams.get("details"),
        new URL(links.outlook).searchParams.get("body"),
        new URL(links.office365).searchParams.get("body"),
      ];
      for (const text of details) {
        expect(text?.split("\n").at(-1)).toBe("https://signet.example.org/i/Zx9_abcDEF-1234567890abcdefghijklmnopqrstu");
        expect(text).not.toMatch(/\/invitation\b/);
      }
      expect(new URL(links.google).hostname).toBe("calendar.google.com");
    });

    it("takes the organizer from MAIL_FROM, else Signet's default", () => {
      expect(invitationOrganizer({ MAIL_FROM: "Văn phòng <vp@example.org>" })).toEqual({ name: "Văn phòng", email: "vp@example.org" });
      expect(invitationOrganizer({})).toEqual({ name: "Signet", email: "no-reply@signet.local" });
      expect(invitationOrganizer({ MAIL_FROM: "vp@example.org" })).toEqual({ name: "Signet", email: "vp@example.org" });
    });
  });
});
