import { count, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent } from "#db/factories";
import { auditLog, mailMessages, scheduledReminders } from "#db/schema/index";
import { expectServiceError, testDatabaseWithActor } from "#db/testing";
import { getEventDetail } from "~/models/events.server";
import { ServiceError } from "~/utils/errors";
import { cancelEvent, eventToInput, updateEvent } from "./events.server";
import type { Actor } from "~/domain/access/permissions";
import { resolveInvitationToken } from "./invitation-links.server";
import {
  processDueReminders,
  queueWithdrawalCancel,
  withdrawInvitationAndNotify,
  remindUnanswered,
  reminderTime,
  scheduleReminder,
  cancelScheduledReminder,
  sendInvitations,
} from "./invitation-mail.server";
import { createInvitee, invitationStatus, messagesOf, testMailSettings as settings, tokenCount } from "../../server/testing/mail-test-support.server";

const DAY = 24 * 60 * 60 * 1000;
const START = new Date("2031-04-10T01:30:00Z"); // 08:30 in Hà Nội

function parseIcs(text: string | null) {
  if (!text) throw new Error("no calendar file");
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: vevent.getFirstPropertyValue("uid"),
    sequence: vevent.getFirstPropertyValue("sequence"),
    status: vevent.getFirstPropertyValue("status"),
    attendee: String(vevent.getFirstPropertyValue("attendee")),
    organizer: String(vevent.getFirstPropertyValue("organizer")),
  };
}

function linkIn(text: string): string {
  const match = /https:\/\/signet\.example\/i\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no personal link in: ${text}`);
  return match[1];
}

describe("invitation mail", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;
  const now = new Date("2031-03-01T03:00:00Z");

  beforeAll(async () => ({ database, db, actor } = await testDatabaseWithActor({ name: "Cán bộ tổ chức" })));
  afterAll(() => database.close());

  const newEvent = (overrides = {}) =>
    createEvent(db, actor, {
      title: "Lễ ký kết “Đồng hành” 🤝",
      startsAt: START,
      endsAt: new Date(START.getTime() + 90 * 60_000),
      venueName: "Hội trường A",
      ...overrides,
    });

  it("sends to those not yet invited, in each one's language, with a personal link and a REQUEST", async () => {
    const event = await newEvent();
    const vi = await createInvitee(db, event.id, { fullName: "Nguyễn Văn An", honorific: "Ông", language: "vi" });
    const en = await createInvitee(db, event.id, { fullName: "Jane Doe", language: "en" });
    const already = await createInvitee(db, event.id, { status: "accepted" });

    const summary = await sendInvitations(db, actor, event.id, { to: "not_sent" }, { settings, now });
    expect(summary).toEqual({ queued: 2, duplicates: 0, noEmail: 0 });

    const messages = await messagesOf(db, event.id);
    expect(messages.map((m) => m.to).sort()).toEqual([vi.email, en.email].sort());
    const toVi = messages.find((m) => m.to === vi.email)!;
    const toEn = messages.find((m) => m.to === en.email)!;
    expect(toVi).toMatchObject({
      kind: "invitation",
      status: "queued",
      attempts: 0,
      idempotencyKey: `invitation:${vi.invitationId}:seq:0`,
      invitationId: vi.invitationId,
      subject: "Thư mời: Lễ ký kết “Đồng hành” 🤝",
      icsMethod: "REQUEST",
      meta: expect.objectContaining({ toName: "Ông Nguyễn Văn An", language: "vi" }),
    });
    expect(toVi.text).toContain("Kính gửi Ông Nguyễn Văn An,");
    expect(toVi.text).toContain("08:30 – 10:00, Thứ 5, 10/04/2031");
    expect(toEn.subject).toBe("Invitation: Lễ ký kết “Đồng hành” 🤝 (in Vietnamese, to be translated)");
    expect(toEn.text).toContain("Thursday, 10 April 2031");
    expect(toVi.nextAttemptAt.toISOString()).toBe(now.toISOString());

    const ics = parseIcs(toVi.icsContent);
    expect(ics).toMatchObject({ method: "REQUEST", uid: event.calendarUid, sequence: 0 });
    expect(ics.attendee.toLowerCase()).toBe(`mailto:${vi.email}`.toLowerCase());
    expect(ics.organizer.toLowerCase()).toBe("mailto:no-reply@signet.test");

    // The link works and is the invitee's own.
    const token = linkIn(toVi.text);
    expect(toVi.html).toContain(`/i/${token}`);
    expect(await resolveInvitationToken(db, token, now)).toEqual({ invitationId: vi.invitationId, eventId: event.id });
    expect(await tokenCount(db, vi.invitationId)).toBe(1);

    expect(await invitationStatus(db, vi.invitationId)).toBe("sent");
    expect(await invitationStatus(db, en.invitationId)).toBe("sent");
    expect(await invitationStatus(db, already.invitationId)).toBe("accepted");
  });

  it("a double click queues each message once and issues no extra token (two requests at the same time)", async () => {
    const event = await newEvent();
    const guests = await Promise.all([1, 2, 3].map(() => createInvitee(db, event.id)));
    const [a, b] = await Promise.all([
      sendInvitations(db, actor, event.id, { to: "not_sent" }, { settings, now }),
      sendInvitations(db, actor, event.id, { to: "not_sent" }, { settings, now }),
    ]);
    expect(a.queued + b.queued).toBe(3);
    const messages = await messagesOf(db, event.id);
    expect(messages).toHaveLength(3);
    for (const g of guests) expect(await tokenCount(db, g.invitationId)).toBe(1);

    // And clicked again later: nothing new for "not yet invited".
    expect(await sendInvitations(db, actor, event.id, { to: "not_sent" }, { settings, now })).toEqual({ queued: 0, duplicates: 0, noEmail: 0 });
    // "All" without a form id: everyone already has this sequence's invitation.
    expect(await sendInvitations(db, actor, event.id, { to: "all" }, { settings, now })).toEqual({ queued: 0, duplicates: 3, noEmail: 0 });
  });

  it("send to all re-sends once per form (requestId), skips withdrawn invitations and counts those without email", async () => {
    const event = await newEvent();
    const sent = await createInvitee(db, event.id, { status: "sent" });
    const fresh = await createInvitee(db, event.id);
    await createInvitee(db, event.id, { withdrawn: true });
    const noEmail = await createInvitee(db, event.id, { email: null });

    const first = await sendInvitations(db, actor, event.id, { to: "all" }, { settings, now, requestId: "form-1" });
    expect(first).toEqual({ queued: 2, duplicates: 0, noEmail: 1 });
    // The same form submitted again (a double click that arrived after the first finished): nothing new.
    const again = await sendInvitations(db, actor, event.id, { to: "all" }, { settings, now, requestId: "form-1" });
    expect(again).toEqual({ queued: 0, duplicates: 2, noEmail: 1 });
    expect(await sendInvitations(db, actor, event.id, { to: "not_sent" }, { settings, now, requestId: "form-9" })).toEqual({
      queued: 0,
      duplicates: 0,
      noEmail: 1,
    });
    // A new page, a deliberate "send to all" again.
    const later = await sendInvitations(db, actor, event.id, { to: "all" }, { settings, now, requestId: "form-2" });
    expect(later).toEqual({ queued: 2, duplicates: 0, noEmail: 1 });

    const keys = (await messagesOf(db, event.id)).map((m) => m.idempotencyKey).sort();
    expect(keys).toEqual(
      [
        `invitation:${sent.invitationId}:seq:0:request:form-1`,
        `invitation:${sent.invitationId}:seq:0:request:form-2`,
        `invitation:${fresh.invitationId}:seq:0:request:form-1`,
        `invitation:${fresh.invitationId}:seq:0:request:form-2`,
      ].sort(),
    );
    expect(await invitationStatus(db, fresh.invitationId)).toBe("sent");
    // Without an address nothing was sent, so the invitation is still "not sent".
    expect(await invitationStatus(db, noEmail.invitationId)).toBe("not_sent");
    const [audit] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.eventId, event.id));
    expect(audit?.n).toBeGreaterThanOrEqual(4);
  });

  it("sends to a selection of this event's invitations only", async () => {
    const event = await newEvent();
    const other = await newEvent();
    const a = await createInvitee(db, event.id);
    const b = await createInvitee(db, event.id);
    const elsewhere = await createInvitee(db, other.id);
    const summary = await sendInvitations(
      db,
      actor,
      event.id,
      { to: "selected", invitationIds: [a.invitationId, a.invitationId, elsewhere.invitationId] },
      { settings, now },
    );
    expect(summary.queued).toBe(1);
    expect((await messagesOf(db, event.id)).map((m) => m.invitationId)).toEqual([a.invitationId]);
    expect(await messagesOf(db, other.id)).toEqual([]);
    expect(await invitationStatus(db, b.invitationId)).toBe("not_sent");
    expect(await invitationStatus(db, elsewhere.invitationId)).toBe("not_sent");
    await expect(sendInvitations(db, actor, event.id, { to: "selected", invitationIds: [] }, { settings, now })).rejects.toThrow(
      "mail.error.noSelection",
    );
  });

  it("refuses to invite to a cancelled event", async () => {
    const event = await newEvent();
    await createInvitee(db, event.id);
    await cancelEvent(db, actor, event.id);
    await expectServiceError(sendInvitations(db, actor, event.id, { to: "all" }, { settings, now }), "conflict", "mail.error.eventClosed");
    expect(await messagesOf(db, event.id)).toEqual([]);
  });

  it("reminds only those who have not answered, at most once a day by hand", async () => {
    const event = await newEvent();
    const waiting = await createInvitee(db, event.id, { status: "sent", language: "en" });
    await createInvitee(db, event.id, { status: "accepted" });
    await createInvitee(db, event.id, { status: "declined" });
    await createInvitee(db, event.id, { status: "not_sent" });
    await createInvitee(db, event.id, { status: "sent", withdrawn: true });

    const [first, second] = await Promise.all([
      remindUnanswered(db, actor, event.id, { settings, now }),
      remindUnanswered(db, actor, event.id, { settings, now }),
    ]);
    expect(first.queued + second.queued).toBe(1);
    const [message] = await messagesOf(db, event.id);
    expect(message).toMatchObject({
      kind: "reminder",
      invitationId: waiting.invitationId,
      idempotencyKey: `reminder:${waiting.invitationId}:manual:2031-03-01`,
      subject: "Reminder — please reply: Lễ ký kết “Đồng hành” 🤝 (in Vietnamese, to be translated)",
      icsMethod: "REQUEST",
    });
    expect(linkIn(message!.text)).toBeTruthy();
    // The next day (in the event's zone) another one may go.
    const tomorrow = new Date(now.getTime() + DAY);
    expect((await remindUnanswered(db, actor, event.id, { settings, now: tomorrow })).queued).toBe(1);
    expect(await messagesOf(db, event.id)).toHaveLength(2);
  });

  it("schedules a reminder N days before and runs it once when due", async () => {
    const event = await newEvent();
    const waiting = await createInvitee(db, event.id, { status: "sent" });
    await createInvitee(db, event.id, { status: "accepted" });

    await expect(scheduleReminder(db, actor, event.id, 3, { now: new Date(START.getTime() - 2 * DAY) })).rejects.toThrow(
      "mail.error.reminderInPast",
    );
    await expect(scheduleReminder(db, actor, event.id, 0, { now })).rejects.toThrow("mail.error.daysBefore");
    const reminder = await scheduleReminder(db, actor, event.id, 3, { now });
    expect(reminder.sendAt.toISOString()).toBe("2031-04-07T01:30:00.000Z");
    expect(reminderTime({ startsAt: START, timeZone: "Asia/Ho_Chi_Minh" }, 3)).toEqual(reminder.sendAt);
    await expect(scheduleReminder(db, actor, event.id, 3, { now })).rejects.toThrow("mail.error.reminderExists");

    // Not yet due.
    expect(await processDueReminders(db, new Date(reminder.sendAt.getTime() - 1000), settings)).toBe(0);
    expect(await messagesOf(db, event.id)).toEqual([]);
    // Due, with two workers at once: one set of emails.
    const due = new Date(reminder.sendAt.getTime() + 1000);
    const counts = await Promise.all([processDueReminders(db, due, settings), processDueReminders(db, due, settings)]);
    expect(counts[0]! + counts[1]!).toBe(1);
    const messages = await messagesOf(db, event.id);
    expect(messages.map((m) => m.idempotencyKey)).toEqual([`reminder:${waiting.invitationId}:${reminder.id}`]);
    const [row] = await db.select().from(scheduledReminders).where(eq(scheduledReminders.id, reminder.id));
    expect(row).toMatchObject({ status: "done" });
    expect(await processDueReminders(db, new Date(due.getTime() + DAY), settings)).toBe(0);
  });

  it("a cancelled reminder never runs; the event's cancellation cancels its reminders", async () => {
    const event = await newEvent();
    await createInvitee(db, event.id, { status: "sent" });
    const r1 = await scheduleReminder(db, actor, event.id, 5, { now });
    const r2 = await scheduleReminder(db, actor, event.id, 2, { now });
    await cancelScheduledReminder(db, actor, event.id, r1.id);
    await expect(cancelScheduledReminder(db, actor, event.id, r1.id)).rejects.toThrow(ServiceError);
    await cancelEvent(db, actor, event.id);
    const rows = await db.select({ id: scheduledReminders.id, status: scheduledReminders.status }).from(scheduledReminders).where(eq(scheduledReminders.eventId, event.id));
    expect(rows.map((r) => r.status).sort()).toEqual(["cancelled", "cancelled"]);
    expect(await processDueReminders(db, new Date(r2.sendAt.getTime() + 1000), settings)).toBe(0);
    expect((await messagesOf(db, event.id)).filter((m) => m.kind === "reminder")).toEqual([]);
  });

  it("updateEvent queues a REQUEST with the new SEQUENCE to those invited or answered, once per change", async () => {
    const event = await newEvent();
    const invited = await createInvitee(db, event.id, { status: "sent" });
    const accepted = await createInvitee(db, event.id, { status: "accepted", language: "en" });
    const declined = await createInvitee(db, event.id, { status: "declined" });
    await createInvitee(db, event.id, { status: "not_sent" });
    await createInvitee(db, event.id, { status: "sent", withdrawn: true });

    // A change no calendar shows: nothing is sent.
    const detail = (await getEventDetail(db, event.id))!;
    await updateEvent(db, actor, event.id, { ...eventToInput(detail), capacity: 99 });
    expect(await messagesOf(db, event.id)).toEqual([]);
    // A reworded description is a quiet change (RFC 5546): no new SEQUENCE, no mail; the next update carries it.
    const reworded = await updateEvent(db, actor, event.id, { ...eventToInput((await getEventDetail(db, event.id))!), description: "Nội dung mới" });
    expect(reworded.calendarSequence).toBe(0);
    expect(await messagesOf(db, event.id)).toEqual([]);

    const later = new Date(START.getTime() + 2 * 60 * 60_000);
    const moved = await updateEvent(db, actor, event.id, {
      ...eventToInput((await getEventDetail(db, event.id))!),
      startsAt: later,
      endsAt: new Date(later.getTime() + 60 * 60_000),
    });
    expect(moved.calendarSequence).toBe(1);
    const messages = await messagesOf(db, event.id);
    expect(messages.map((m) => m.invitationId).sort()).toEqual([invited.invitationId, accepted.invitationId, declined.invitationId].sort());
    for (const m of messages) {
      expect(m.kind).toBe("update");
      expect(m.idempotencyKey).toBe(`update:${m.invitationId}:seq:1`);
      expect(parseIcs(m.icsContent)).toMatchObject({ method: "REQUEST", uid: event.calendarUid, sequence: 1, status: "CONFIRMED" });
    }
    const toEn = messages.find((m) => m.invitationId === accepted.invitationId)!;
    expect(toEn.subject).toBe("Updated: Lễ ký kết “Đồng hành” 🤝 (in Vietnamese, to be translated)");
    expect(toEn.text).toContain("(changed)");
    expect(toEn.text).toContain("Previously: 08:30 – 10:00, Thursday, 10 April 2031");
    expect(parseIcs(toEn.icsContent).attendee).toBeTruthy();
    expect(toEn.icsContent).toMatch(/PARTSTAT=ACCEPTED/);

    // A second change → a second update, with SEQUENCE 2.
    await updateEvent(db, actor, event.id, { ...eventToInput((await getEventDetail(db, event.id))!), venueName: "Hội trường B" });
    const seq2 = (await messagesOf(db, event.id)).filter((m) => m.idempotencyKey.endsWith(":seq:2"));
    expect(seq2).toHaveLength(3);
    // Vietnamese readers see the venue as typed, English readers through the glossary.
    for (const m of seq2) expect(m.text).toMatch(/Hội trường B|Hall B/);
    expect(seq2.some((m) => /Hội trường B/.test(m.text))).toBe(true);
  });

  it("an update that fails to save queues nothing", async () => {
    const event = await newEvent();
    await createInvitee(db, event.id, { status: "sent" });
    const input = { ...eventToInput((await getEventDetail(db, event.id))!), title: "Tên mới" };
    await expect(updateEvent(db, actor, event.id, input, 999)).rejects.toThrow(ServiceError);
    expect(await messagesOf(db, event.id)).toEqual([]);
  });

  it("cancelEvent queues METHOD:CANCEL, STATUS:CANCELLED with the higher SEQUENCE", async () => {
    const event = await newEvent();
    const invited = await createInvitee(db, event.id, { status: "tentative" });
    await createInvitee(db, event.id, { status: "not_sent" });
    await createInvitee(db, event.id, { status: "accepted", withdrawn: true });
    const cancelled = await cancelEvent(db, actor, event.id);
    expect(cancelled.calendarSequence).toBe(1);
    const messages = await messagesOf(db, event.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      kind: "cancellation",
      invitationId: invited.invitationId,
      idempotencyKey: `cancel:${invited.invitationId}:seq:1`,
      subject: "Hủy sự kiện: Lễ ký kết “Đồng hành” 🤝",
      icsMethod: "CANCEL",
    });
    expect(parseIcs(messages[0]!.icsContent)).toMatchObject({ method: "CANCEL", uid: event.calendarUid, sequence: 1, status: "CANCELLED" });
    expect(messages[0]!.text).not.toMatch(/\/i\//);
  });

  it("withdrawing from the attendee page withdraws and queues the CANCEL together", async () => {
    const event = await newEvent({ title: "Hội nghị rút thư" });
    const invitee = await createInvitee(db, event.id, { status: "sent" });
    const result = await withdrawInvitationAndNotify(db, actor, invitee.invitationId, { eventId: event.id, settings, now });
    expect(result.mail).toBe("queued");
    expect(result.withdrawnAt).toBeInstanceOf(Date);
    const messages = await messagesOf(db, event.id);
    expect(messages.map((m) => [m.kind, m.icsMethod, m.idempotencyKey])).toEqual([
      ["cancellation", "CANCEL", `withdraw:${invitee.invitationId}`],
    ]);
    await expect(withdrawInvitationAndNotify(db, actor, invitee.invitationId, { eventId: event.id, settings, now })).rejects.toThrow();
    expect(await messagesOf(db, event.id)).toHaveLength(1);
  });

  it("a withdrawal sends one CANCEL to that person only, SEQUENCE one above the event's", async () => {
    const event = await newEvent({ title: "Hội nghị" });
    const withdrawn = await createInvitee(db, event.id, { status: "accepted", language: "en" });
    const stays = await createInvitee(db, event.id, { status: "accepted" });
    const never = await createInvitee(db, event.id, { status: "not_sent" });

    expect(await queueWithdrawalCancel(db, withdrawn.invitationId, "https://signet.example/", { settings, now })).toBe("queued");
    expect(await queueWithdrawalCancel(db, withdrawn.invitationId, undefined, { settings, now })).toBe("duplicate");
    expect(await queueWithdrawalCancel(db, never.invitationId, undefined, { settings, now })).toBe("not_invited");
    const messages = await messagesOf(db, event.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      kind: "cancellation",
      to: withdrawn.email,
      idempotencyKey: `withdraw:${withdrawn.invitationId}`,
      subject: "Invitation withdrawn: Hội nghị (in Vietnamese, to be translated)",
      icsMethod: "CANCEL",
    });
    expect(parseIcs(messages[0]!.icsContent)).toMatchObject({ method: "CANCEL", uid: event.calendarUid, sequence: 1, status: "CANCELLED" });
    expect(await tokenCount(db, withdrawn.invitationId)).toBe(0);
    expect(await tokenCount(db, stays.invitationId)).toBe(0);
    const [row] = await db.select({ n: count() }).from(mailMessages).where(eq(mailMessages.invitationId, stays.invitationId));
    expect(row?.n).toBe(0);
  });
});
