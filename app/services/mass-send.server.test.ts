/**
 * A mass send (more invitees than RENDER_INLINE_UP_TO): queued in one statement, rendered by the outbox worker
 * as it sends. Here the limit is lowered to 0 so that a handful of invitees takes that path.
 */
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent } from "#db/factories";
import { invitations, mailMessages } from "#db/schema/index";
import { testDatabaseWithActor } from "#db/testing";
import { cancelEvent } from "./events.server";
import type { Actor } from "~/domain/access/permissions";
import { resolveInvitationToken } from "./invitation-links.server";
import { sendInvitations } from "./invitation-mail.server";
import { createInvitee, invitationStatus, messagesOf, recordingTransport, testMailSettings as settings, tokenCount } from "../../server/testing/mail-test-support.server";
import { createMailboxTransport } from "./mail-transport.server";
import { drainOutbox } from "./outbox-worker.server";

const START = new Date("2031-04-10T01:30:00Z"); // 08:30 in Hà Nội
const now = new Date("2031-03-01T03:00:00Z");
const mass = { settings, now, renderInlineUpTo: 0 };

function linkIn(text: string): string {
  const match = /https:\/\/signet\.example\/i\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no personal link in: ${text}`);
  return match[1];
}

describe("mass send: queued set-based, rendered by the outbox worker", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;

  beforeAll(async () => ({ database, db, actor } = await testDatabaseWithActor({ name: "Cán bộ tổ chức" })));
  afterAll(() => database.close());
  beforeEach(async () => {
    await db.delete(mailMessages);
  });

  const newEvent = () =>
    createEvent(db, actor, { title: "Lễ ký kết “Đồng hành”", startsAt: START, endsAt: new Date(START.getTime() + 90 * 60_000), venueName: "Hội trường A" });

  it("queues one message per invitee with an email, keyed as before, and marks them sent; a double submit queues nothing more", async () => {
    const event = await newEvent();
    const vi = await createInvitee(db, event.id, { fullName: "Nguyễn Văn An", honorific: "Ông" });
    const en = await createInvitee(db, event.id, { fullName: "Jane Doe", language: "en" });
    await createInvitee(db, event.id, { withdrawn: true });
    const noEmail = await createInvitee(db, event.id, { email: null });

    const first = await sendInvitations(db, actor, event.id, { to: "all" }, { ...mass, requestId: "form-1" });
    expect(first).toEqual({ queued: 2, duplicates: 0, noEmail: 1 });
    const again = await sendInvitations(db, actor, event.id, { to: "all" }, { ...mass, requestId: "form-1" });
    expect(again).toEqual({ queued: 0, duplicates: 2, noEmail: 1 });

    const messages = await messagesOf(db, event.id);
    expect(messages.map((m) => m.idempotencyKey).sort()).toEqual(
      [`invitation:${vi.invitationId}:seq:0:request:form-1`, `invitation:${en.invitationId}:seq:0:request:form-1`].sort(),
    );
    const toEn = messages.find((m) => m.to === en.email)!;
    expect(toEn).toMatchObject({ kind: "invitation", status: "queued", attempts: 0, icsMethod: "REQUEST", text: "" });
    expect(toEn.subject).toBe("Invitation: Lễ ký kết “Đồng hành” (in Vietnamese, to be translated)");
    expect(messages.find((m) => m.to === vi.email)!.subject).toBe("Thư mời: Lễ ký kết “Đồng hành”");
    expect(await invitationStatus(db, vi.invitationId)).toBe("sent");
    expect(await invitationStatus(db, noEmail.invitationId)).toBe("not_sent");
    // No link exists before the email is rendered.
    expect(await tokenCount(db, vi.invitationId)).toBe(0);

    // "Not yet invited" after that: everyone with an address has been.
    expect(await sendInvitations(db, actor, event.id, { to: "not_sent" }, mass)).toEqual({ queued: 0, duplicates: 0, noEmail: 1 });
  });

  it("the worker renders each email in the invitee's language with a working personal link and calendar file, once", async () => {
    const event = await newEvent();
    const vi = await createInvitee(db, event.id, { fullName: "Nguyễn Văn An", honorific: "Ông" });
    const en = await createInvitee(db, event.id, { fullName: "Jane Doe", language: "en" });
    await sendInvitations(db, actor, event.id, { to: "not_sent" }, mass);

    const result = await drainOutbox(db, createMailboxTransport(settings.from), now, { settings });
    expect(result).toEqual({ sent: 2, retried: 0, failed: 0, lost: 0 });
    const messages = await messagesOf(db, event.id);
    const toVi = messages.find((m) => m.to === vi.email)!;
    const toEn = messages.find((m) => m.to === en.email)!;
    expect(toVi).toMatchObject({ status: "sent", deliveredVia: "mailbox", idempotencyKey: `invitation:${vi.invitationId}:seq:0` });
    expect(toVi.meta).toMatchObject({ toName: "Ông Nguyễn Văn An", language: "vi", template: "invitation" });
    expect(toVi.meta).not.toHaveProperty("render");
    expect(toVi.text).toContain("Kính gửi Ông Nguyễn Văn An,");
    expect(toVi.text).toContain("08:30 – 10:00, Thứ 5, 10/04/2031");
    expect(toEn.text).toContain("Thursday, 10 April 2031");

    const calendar = new ICAL.Component(ICAL.parse(toVi.icsContent!));
    const vevent = calendar.getFirstSubcomponent("vevent")!;
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(vevent.getFirstPropertyValue("uid")).toBe(event.calendarUid);
    expect(String(vevent.getFirstPropertyValue("attendee")).toLowerCase()).toBe(`mailto:${vi.email}`.toLowerCase());

    const token = linkIn(toVi.text);
    expect(toVi.icsContent).toContain(token);
    expect(await resolveInvitationToken(db, token, now)).toEqual({ invitationId: vi.invitationId, eventId: event.id });
    expect(await tokenCount(db, vi.invitationId)).toBe(1);
    expect(linkIn(toEn.text)).not.toBe(token);

    // Nothing left: a second drain sends nothing again.
    expect((await drainOutbox(db, createMailboxTransport(settings.from), now, { settings })).sent).toBe(0);
  });

  it("two drains at once send each message exactly once", async () => {
    const event = await newEvent();
    for (let i = 0; i < 12; i++) await createInvitee(db, event.id);
    await sendInvitations(db, actor, event.id, { to: "all" }, { ...mass, requestId: "form-x" });
    const transport = recordingTransport({ delayMs: 5 });
    const [a, b] = await Promise.all([
      drainOutbox(db, transport, now, { settings, batchSize: 3 }),
      drainOutbox(db, transport, now, { settings, batchSize: 3 }),
    ]);
    expect(a.sent + b.sent).toBe(12);
    expect(new Set(transport.sent.map((m) => m.idempotencyKey)).size).toBe(12);
    expect(transport.sent).toHaveLength(12);
    // Through SMTP the stored copy keeps no working link, as for any message.
    for (const m of await messagesOf(db, event.id)) {
      expect(m.status).toBe("sent");
      expect(m.text).not.toMatch(/https:\/\/signet\.example\/i\/[A-Za-z0-9_-]{43}/);
    }
    for (const sent of transport.sent) expect(sent.text).toMatch(/https:\/\/signet\.example\/i\/[A-Za-z0-9_-]{43}/);
  });

  it("an invitation withdrawn, or an event cancelled, before the worker got to it is not sent", async () => {
    const event = await newEvent();
    const stays = await createInvitee(db, event.id);
    const leaves = await createInvitee(db, event.id);
    await sendInvitations(db, actor, event.id, { to: "all" }, { ...mass, requestId: "form-w" });
    await db.update(invitations).set({ withdrawnAt: now }).where(eq(invitations.id, leaves.invitationId));

    const transport = recordingTransport();
    const result = await drainOutbox(db, transport, now, { settings });
    expect(result).toMatchObject({ sent: 1, failed: 1 });
    expect(transport.sent.map((m) => m.to)).toEqual([stays.email]);
    const [failed] = (await messagesOf(db, event.id)).filter((m) => m.invitationId === leaves.invitationId);
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed!.lastError).toContain("rút lại");
    expect(await tokenCount(db, leaves.invitationId)).toBe(0);

    const cancelled = await newEvent();
    await createInvitee(db, cancelled.id);
    await sendInvitations(db, actor, cancelled.id, { to: "all" }, { ...mass, requestId: "form-c" });
    await cancelEvent(db, actor, cancelled.id);
    const later = recordingTransport();
    await drainOutbox(db, later, now, { settings });
    // Only the cancellation (METHOD:CANCEL, rendered when queued) goes out, not the invitation.
    expect(later.sent.map((m) => m.icsMethod)).toEqual(["CANCEL"]);
    const invitation = (await messagesOf(db, cancelled.id)).find((m) => m.kind === "invitation")!;
    expect(invitation.status).toBe("failed");
  });
});
