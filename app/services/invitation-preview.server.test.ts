import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent } from "#db/factories";
import { testDatabaseWithActor } from "#db/testing";
import type { Actor } from "~/domain/access/permissions";
import { cancelEvent } from "./events.server";
import { previewInvitations, sendInvitations } from "./invitation-mail.server";
import { createInvitee, messagesOf, testMailSettings as settings } from "../../server/testing/mail-test-support.server";

const START = new Date("2031-04-10T01:30:00Z");

describe("previewInvitations", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;

  beforeAll(async () => ({ database, db, actor } = await testDatabaseWithActor({ name: "Cán bộ tổ chức" })));
  afterAll(() => database.close());

  const newEvent = () =>
    createEvent(db, actor, { title: "Lễ ký kết xem trước", startsAt: START, endsAt: new Date(START.getTime() + 3_600_000), venueName: "Hội trường A" });

  it("shows what the send will queue — the same subject and text, per language — and queues nothing", async () => {
    const event = await newEvent();
    const an = await createInvitee(db, event.id, { fullName: "Nguyễn Văn An", honorific: "Ông", language: "vi" });
    await createInvitee(db, event.id, { fullName: "Trần Thị Bình", language: "vi" });
    await createInvitee(db, event.id, { fullName: "Jane Doe", language: "en" });
    await createInvitee(db, event.id, { fullName: "Không Thư", email: null });
    await createInvitee(db, event.id, { fullName: "Đã Rút", withdrawn: true });
    await createInvitee(db, event.id, { fullName: "Đã Trả Lời", status: "accepted" });

    const all = await previewInvitations(db, event.id, { to: "all" }, { settings });
    expect(all.recipients).toBe(4);
    expect(all.noEmail).toBe(1);
    expect(all.languages.map((l) => [l.locale, l.count, l.sampleName])).toEqual([
      ["vi", 3, "Ông Nguyễn Văn An"],
      ["en", 1, "Jane Doe"],
    ]);
    expect(all.languages[1]!.mail.html).toContain("https://signet.example/i/PREVIEW");
    expect(await messagesOf(db, event.id)).toHaveLength(0);

    const notSent = await previewInvitations(db, event.id, { to: "not_sent" }, { settings });
    expect(notSent.recipients).toBe(3);
    const selected = await previewInvitations(db, event.id, { to: "selected", invitationIds: [an.invitationId] }, { settings });
    expect(selected).toMatchObject({ recipients: 1, noEmail: 0 });

    // The email queued for Ông Nguyễn Văn An is the one previewed, but for his personal link.
    await sendInvitations(db, actor, event.id, { to: "selected", invitationIds: [an.invitationId] }, { settings });
    const [queued] = await messagesOf(db, event.id);
    const sample = selected.languages[0]!.mail;
    expect(queued!.subject).toBe(sample.subject);
    expect(queued!.text.replace(/\/i\/[A-Za-z0-9_-]+/g, "/i/PREVIEW")).toBe(sample.text);
  });

  it("refuses an empty selection and a cancelled event, as the send does", async () => {
    const event = await newEvent();
    await expect(previewInvitations(db, event.id, { to: "selected", invitationIds: [] }, { settings })).rejects.toMatchObject({
      message: "mail.error.noSelection",
    });
    await cancelEvent(db, actor, event.id);
    await expect(previewInvitations(db, event.id, { to: "all" }, { settings })).rejects.toMatchObject({ message: "mail.error.eventClosed" });
  });
});
