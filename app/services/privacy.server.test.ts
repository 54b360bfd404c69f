import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createAttendee, createEvent, createUser } from "#db/factories";
import { testDatabase } from "#db/testing";
import { events, invitations, invitationTokens, mailMessages } from "#db/schema/index";
import { SEED_EVENT_UID } from "#db/seed-ids";
import { listAudit, recordAudit } from "~/models/audit.server";
import { addEventMember } from "~/models/events.server";
import { getInvitation } from "~/models/invitations.server";
import { insertMailMessage } from "~/models/mail.server";
import { getPerson } from "~/models/people.server";
import { issueInvitationToken } from "./invitation-links.server";
import { startRetentionSchedule } from "./retention-schedule.server";
import { erasePerson, exportPersonData, personalDataVisibleFor, previewRetention, runRetention } from "./privacy.server";

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
});
afterAll(() => database.close());

const DAY = 24 * 3600 * 1000;
const daysAgo = (n: number, from = Date.now()) => new Date(from - n * DAY);

async function mailTo(eventId: string, invitationId: string, to: string, status: "sent" | "queued" = "sent") {
  const row = await insertMailMessage(db, {
    idempotencyKey: crypto.randomUUID(),
    kind: "invitation",
    eventId,
    invitationId,
    to,
    subject: "Thư mời",
    text: `Kính mời, liên kết riêng https://x/i/secret ${to}`,
    html: `<p>${to}</p>`,
    icsMethod: "REQUEST",
    icsContent: "BEGIN:VCALENDAR",
    meta: { toName: "Khách", language: "vi" },
  });
  if (status === "sent") await db.update(mailMessages).set({ status: "sent", sentAt: new Date() }).where(eq(mailMessages.id, row!.id));
  return row!.id;
}

const mailRow = async (id: string) => (await db.select().from(mailMessages).where(eq(mailMessages.id, id)))[0]!;

describe("personalDataVisibleFor (the people directory)", () => {
  it("shows a person's contact details to admins and to the team of an event they are invited to, not to its viewers", async () => {
    const owner = await createUser(db, { role: "organizer" });
    const comms = await createUser(db, { role: "communications" });
    const viewerMember = await createUser(db, { role: "viewer" });
    const outsider = await createUser(db, { role: "organizer" });
    const admin = await createUser(db, { role: "admin" });
    const event = await createEvent(db, { id: owner.id, name: owner.name });
    await addEventMember(db, event.id, comms.id, "communications");
    await addEventMember(db, event.id, viewerMember.id, "viewer");
    const invited = await createAttendee(db, { id: owner.id, name: owner.name }, event.id);
    const elsewhere = await createAttendee(db, { id: outsider.id, name: outsider.name }, (await createEvent(db, { id: outsider.id, name: outsider.name })).id);
    const ids = [invited.personId, elsewhere.personId];

    expect([...(await personalDataVisibleFor(db, owner, ids))]).toEqual([invited.personId]);
    expect([...(await personalDataVisibleFor(db, comms, ids))]).toEqual([invited.personId]);
    expect([...(await personalDataVisibleFor(db, viewerMember, ids))]).toEqual([]);
    expect([...(await personalDataVisibleFor(db, outsider, ids))]).toEqual([elsewhere.personId]);
    expect((await personalDataVisibleFor(db, admin, ids)).size).toBe(2);
  });
});

describe("retention", () => {
  it("previews, then erases contact details and needs of invitees of long-past events, keeps names, audits once, and a second run does nothing", async () => {
    const owner = await createUser(db, { role: "organizer" });
    const admin = await createUser(db, { role: "admin" });
    const actor = { id: owner.id, name: owner.name };
    // Other tests' events start next week, so only this file's past events are past retention.
    const now = new Date();
    const old = await createEvent(db, actor, { title: "Lễ ký kết cũ", startsAt: daysAgo(400, now.getTime()) });
    const recent = await createEvent(db, actor, { title: "Hội nghị gần đây", startsAt: daysAgo(30, now.getTime()) });

    const only = await createAttendee(db, actor, old.id, { fullName: "Nguyễn Văn Cũ", email: "cu@example.vn", phone: "0901234567", dietaryNeeds: "Ăn chay", accessNeeds: "Xe lăn", notes: "Ghi chú riêng" });
    await db.update(invitations).set({ comment: "Tôi sẽ đến muộn" }).where(eq(invitations.id, only.id));
    const both = await createAttendee(db, actor, old.id, { fullName: "Trần Thị Còn", email: "con@example.vn", dietaryNeeds: "Không ăn cay" });
    await createAttendee(db, actor, recent.id, { fullName: "Trần Thị Còn", email: "con@example.vn" });
    const mailId = await mailTo(old.id, only.id, "cu@example.vn");
    // An entry written before entries stopped carrying the address.
    await recordAudit(db, { actor, action: "invitation.create", entityType: "invitation", entityId: only.id, eventId: old.id, details: { fullName: "Nguyễn Văn Cũ", email: "cu@example.vn" } });

    const preview = await previewRetention(db, { days: 365, now });
    expect(preview.events.map((e) => e.eventId)).toContain(old.id);
    expect(preview.events.map((e) => e.eventId)).not.toContain(recent.id);
    expect(preview.events.find((e) => e.eventId === old.id)).toMatchObject({ invitations: 2, people: 1, emails: 1, phones: 1, notes: 1, mail: 1, auditEntries: 1 });
    // Nothing is erased by looking.
    expect((await getPerson(db, only.personId))?.email).toBe("cu@example.vn");

    const result = await runRetention(db, { id: admin.id, name: admin.name }, { days: 365, now });
    expect(result.events).toBeGreaterThanOrEqual(1);

    const erased = await getInvitation(db, only.id);
    expect(erased?.person).toMatchObject({ fullName: "Nguyễn Văn Cũ", email: null, phone: null, notes: null, positions: ["Phó Giám đốc"] });
    expect(erased).toMatchObject({ dietaryNeeds: null, accessNeeds: null, comment: null, role: "guest" });
    // Invited to a later event: the contact details stay; this event's needs go.
    const kept = await getInvitation(db, both.id);
    expect(kept?.person.email).toBe("con@example.vn");
    expect(kept?.dietaryNeeds).toBeNull();
    const mail = await mailRow(mailId);
    expect(mail).toMatchObject({ to: "", text: "", html: "", icsContent: null, subject: "Thư mời", status: "sent" });

    const history = await listAudit(db, { eventId: old.id });
    expect(JSON.stringify(history)).not.toContain("cu@example.vn");
    const entries = history.filter((e) => e.action === "privacy.retention");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorName: admin.name, details: { title: "Lễ ký kết cũ", days: 365, invitations: 2, people: 1, mail: 1, auditEntries: 1, scheduled: false } });

    expect((await previewRetention(db, { days: 365, now })).events.map((e) => e.eventId)).not.toContain(old.id);
    const again = await runRetention(db, null, { days: 365, now });
    expect(again.events).toBe(0);
    expect((await listAudit(db, { eventId: old.id })).filter((e) => e.action === "privacy.retention")).toHaveLength(1);
  });

  it("handles a bounded batch per run and says more are waiting; two runs at once erase each event once", async () => {
    const owner = await createUser(db, { role: "organizer" });
    const actor = { id: owner.id, name: owner.name };
    const now = new Date();
    const events = [];
    for (let n = 0; n < 3; n++) {
      const event = await createEvent(db, actor, { startsAt: daysAgo(5000 + n, now.getTime()) });
      await createAttendee(db, actor, event.id, { dietaryNeeds: "Chay" });
      events.push(event);
    }
    const first = await runRetention(db, null, { days: 365, now, limit: 2 });
    expect(first).toMatchObject({ events: 2, more: true });
    const [a, b] = await Promise.all([runRetention(db, null, { days: 365, now, limit: 2 }), runRetention(db, null, { days: 365, now, limit: 2 })]);
    expect(a.events + b.events).toBe(1);
    for (const event of events) {
      const entries = (await listAudit(db, { eventId: event.id })).filter((e) => e.action === "privacy.retention");
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actorName: null, details: { scheduled: true } });
    }
  });
});

describe("the demo", () => {
  it("is left alone: its people are invented, and a new install's 2017 ceremony keeps its addresses", async () => {
    const owner = await createUser(db, { role: "organizer" });
    const actor = { id: owner.id, name: owner.name };
    const demo = await createEvent(db, actor, { title: "Lễ ký kết mẫu", startsAt: daysAgo(3300) });
    await db.update(events).set({ calendarUid: SEED_EVENT_UID }).where(eq(events.id, demo.id));
    const guest = await createAttendee(db, actor, demo.id, { email: `mau-${crypto.randomUUID()}@example.vn`, dietaryNeeds: "Chay" });
    expect((await previewRetention(db, { days: 365 })).events.map((e) => e.eventId)).not.toContain(demo.id);
    await runRetention(db, null, { days: 365 });
    expect((await getInvitation(db, guest.id))?.person.email).not.toBeNull();
  });
});

describe("the server's daily run", () => {
  it("runs batch after batch until nothing is left, logs what it did, and a second run finds nothing", async () => {
    const owner = await createUser(db, { role: "organizer" });
    const actor = { id: owner.id, name: owner.name };
    const invited = [];
    for (let n = 0; n < 2; n++) {
      const event = await createEvent(db, actor, { startsAt: daysAgo(9000 + n) });
      invited.push(await createAttendee(db, actor, event.id, { email: `lich-${n}-${crypto.randomUUID()}@example.vn` }));
    }
    const lines: string[] = [];
    const schedule = startRetentionSchedule(db, { days: 365, firstRunMs: 3_600_000, log: (line) => lines.push(line) });
    try {
      expect(await schedule.runOnce()).toBeGreaterThanOrEqual(2);
      for (const i of invited) expect((await getInvitation(db, i.id))?.person.email).toBeNull();
      expect(lines.at(-1)).toMatch(/^Retention: personal data erased for \d+ event\(s\) that ended more than 365 days ago\.$/);
      expect(await schedule.runOnce()).toBe(0);
    } finally {
      schedule.stop();
    }
  });
});

describe("a person's data on request", () => {
  it("exports everything held about the person as JSON, for admins only, and audits the export", async () => {
    const owner = await createUser(db, { role: "organizer" });
    const admin = await createUser(db, { role: "admin" });
    const actor = { id: owner.id, name: owner.name };
    const event = await createEvent(db, actor, { title: "Lễ ký kết xuất dữ liệu" });
    const invited = await createAttendee(db, actor, event.id, { fullName: "Phạm Văn Xuất", email: "xuat@example.vn", phone: "0911", dietaryNeeds: "Chay" });
    await mailTo(event.id, invited.id, "xuat@example.vn");

    await expect(exportPersonData(db, owner, invited.personId)).rejects.toMatchObject({ code: "forbidden" });
    const data = await exportPersonData(db, admin, invited.personId);
    expect(data.person).toMatchObject({ fullName: "Phạm Văn Xuất", email: "xuat@example.vn", phone: "0911" });
    expect(data.invitations).toEqual([expect.objectContaining({ eventTitle: "Lễ ký kết xuất dữ liệu", dietaryNeeds: "Chay", status: "not_sent", checkedInAt: null })]);
    expect(data.mail).toEqual([expect.objectContaining({ to: "xuat@example.vn", subject: "Thư mời", status: "sent" })]);
    expect(data.history.map((h) => h.action)).toContain("invitation.create");
    expect((await listAudit(db)).find((e) => e.action === "person.export" && e.entityId === invited.personId)).toMatchObject({ actorName: admin.name });
    await expect(exportPersonData(db, admin, crypto.randomUUID())).rejects.toMatchObject({ code: "not_found" });
  });

  it("erases contact details, needs, mail and links, keeps the name and invitations, audits without the data, and is harmless twice", async () => {
    const owner = await createUser(db, { role: "organizer" });
    const admin = await createUser(db, { role: "admin" });
    const actor = { id: owner.id, name: owner.name };
    const a = await createEvent(db, actor);
    const b = await createEvent(db, actor);
    const first = await createAttendee(db, actor, a.id, { fullName: "Hoàng Thị Xóa", email: "xoa@example.vn", phone: "0987", notes: "Riêng tư", accessNeeds: "Lối đi riêng" });
    const second = await createAttendee(db, actor, b.id, { fullName: "Hoàng Thị Xóa", email: "xoa@example.vn", dietaryNeeds: "Chay" });
    const other = await createAttendee(db, actor, a.id, { fullName: "Người Khác", email: "khac-xoa@example.vn", dietaryNeeds: "Chay" });
    await issueInvitationToken(db, first.id);
    const sent = await mailTo(a.id, first.id, "xoa@example.vn");
    const queued = await mailTo(b.id, second.id, "xoa@example.vn", "queued");
    const otherMail = await mailTo(a.id, other.id, "khac-xoa@example.vn");
    await recordAudit(db, { actor, action: "invitation.create", entityType: "invitation", entityId: first.id, eventId: a.id, details: { fullName: "Hoàng Thị Xóa", email: "xoa@example.vn" } });

    await expect(erasePerson(db, owner, first.personId)).rejects.toMatchObject({ code: "forbidden" });
    const result = await erasePerson(db, admin, first.personId);
    expect(result).toMatchObject({ fields: ["email", "phone", "notes"], invitations: 2, mail: 2, auditEntries: 1, links: 1 });
    expect(result.person).toMatchObject({ fullName: "Hoàng Thị Xóa", email: null, phone: null, notes: null });
    for (const id of [first.id, second.id]) {
      const invitation = await getInvitation(db, id);
      expect(invitation).toMatchObject({ dietaryNeeds: null, accessNeeds: null, comment: null });
      expect(invitation?.person.fullName).toBe("Hoàng Thị Xóa");
    }
    expect(await db.select().from(invitationTokens).where(eq(invitationTokens.invitationId, first.id))).toHaveLength(0);
    expect(await mailRow(sent)).toMatchObject({ to: "", text: "", status: "sent" });
    expect(await mailRow(queued)).toMatchObject({ to: "", status: "failed" });
    // Someone else's data is untouched.
    expect(await mailRow(otherMail)).toMatchObject({ to: "khac-xoa@example.vn" });
    expect((await getInvitation(db, other.id))?.dietaryNeeds).toBe("Chay");

    const audit = await listAudit(db);
    expect(JSON.stringify(audit)).not.toContain("xoa@example.vn");
    expect(audit.find((e) => e.action === "person.erase" && e.entityId === first.personId)).toMatchObject({
      actorName: admin.name,
      details: { fullName: "Hoàng Thị Xóa", changed: ["email", "phone", "notes"], invitations: 2 },
    });

    const again = await erasePerson(db, admin, first.personId);
    expect(again).toMatchObject({ fields: [], invitations: 0, mail: 0, auditEntries: 0, links: 0 });
  });
});
