import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { buildAttendeeInput, createEvent } from "#db/factories";
import { invitations, people } from "#db/schema/index";
import { testDatabaseWithActor } from "#db/testing";
import { listAudit } from "~/models/audit.server";
import { countEventInvitations, getInvitation, listEventInvitations } from "~/models/invitations.server";
import { ServiceError } from "~/utils/errors";
import { cancelEvent } from "./events.server";
import type { Actor } from "~/domain/access/permissions";
import { addAttendee, AlreadyInvitedError, updateAttendee, withdrawInvitation } from "./invitations.server";

describe("attendees: add, dedupe, edit, withdraw", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;

  beforeAll(async () => ({ database, db, actor } = await testDatabaseWithActor({ name: "Cán bộ tổ chức" })));
  afterAll(() => database.close());

  const peopleCount = async () => (await db.select({ n: count() }).from(people))[0]?.n ?? 0;
  const peopleWithEmail = async (email: string) => db.select().from(people).where(eq(people.email, email));

  it("adds a person and their invitation, and records it in the event's history", async () => {
    const event = await createEvent(db, actor);
    const added = await addAttendee(
      db,
      actor,
      event.id,
      buildAttendeeInput({
        honorific: "Ông",
        fullName: "Nguyễn Hồng Chuyên",
        positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
        organization: "Ban Tuyên giáo Tỉnh ủy",
        email: "chuyen.add@thaibinh.gov.vn",
        role: "dignitary",
        groupLabel: "Bàn 1",
        plusOnes: 1,
        dietaryNeeds: "Ăn chay",
      }),
    );
    expect(added).toMatchObject({
      eventId: event.id,
      role: "dignitary",
      groupLabel: "Bàn 1",
      plusOnes: 1,
      status: "not_sent",
      withdrawnAt: null,
      dietaryNeeds: "Ăn chay",
      person: {
        honorific: "Ông",
        fullName: "Nguyễn Hồng Chuyên",
        positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
        organization: "Ban Tuyên giáo Tỉnh ủy",
        email: "chuyen.add@thaibinh.gov.vn",
        language: "vi",
      },
    });
    const [stored] = await db.select({ nameSearch: people.nameSearch }).from(people).where(eq(people.id, added.personId));
    expect(stored?.nameSearch).toBe("nguyen hong chuyen");
    const audit = await listAudit(db, { eventId: event.id });
    expect(audit[0]).toMatchObject({ action: "invitation.create", entityId: added.id, actorName: "Cán bộ tổ chức" });
  });

  it("finds an existing person by email (any case) instead of creating a second one", async () => {
    const first = await createEvent(db, actor);
    const second = await createEvent(db, actor);
    const a = await addAttendee(db, actor, first.id, buildAttendeeInput({ fullName: "Lê Văn Email", email: "le.email@soyte.vn", phone: "0912 000 111" }));
    const before = await peopleCount();
    const b = await addAttendee(
      db,
      actor,
      second.id,
      buildAttendeeInput({ fullName: "Lê Văn Email", email: "LE.EMAIL@SOYTE.VN", phone: null, organization: "Sở Y tế" }),
    );
    expect(b.personId).toBe(a.personId);
    expect(await peopleCount()).toBe(before);
    // What the second form added is kept; what it left empty is not erased.
    expect(b.person).toMatchObject({ organization: "Sở Y tế", phone: "0912 000 111" });
  });

  it("without email, finds the person by folded name and organization", async () => {
    const first = await createEvent(db, actor);
    const second = await createEvent(db, actor);
    const a = await addAttendee(db, actor, first.id, buildAttendeeInput({ fullName: "Phạm Thị Đào", organization: "Hội Nông dân tỉnh", email: null }));
    const b = await addAttendee(db, actor, second.id, buildAttendeeInput({ fullName: "PHẠM THỊ ĐÀO", organization: "hội nông dân  tỉnh", email: null }));
    expect(b.personId).toBe(a.personId);
    // Same name elsewhere is someone else.
    const c = await addAttendee(db, actor, second.id, buildAttendeeInput({ fullName: "Phạm Thị Đào", organization: "Sở Tư pháp", email: null }));
    expect(c.personId).not.toBe(a.personId);
  });

  it("gives a known no-email person the email a later form brings", async () => {
    const first = await createEvent(db, actor);
    const second = await createEvent(db, actor);
    const a = await addAttendee(db, actor, first.id, buildAttendeeInput({ fullName: "Hoàng Văn Gộp", organization: "Sở Xây dựng", email: null }));
    const b = await addAttendee(db, actor, second.id, buildAttendeeInput({ fullName: "Hoàng Văn Gộp", organization: "Sở Xây dựng", email: "gop@sxd.vn" }));
    expect(b.personId).toBe(a.personId);
    expect(b.person.email).toBe("gop@sxd.vn");
  });

  it("refuses to invite someone twice, says so, and writes nothing", async () => {
    const event = await createEvent(db, actor);
    const input = buildAttendeeInput({ fullName: "Đỗ Văn Hai Lần", email: "hailan@x.vn", phone: "0900 000 000" });
    const added = await addAttendee(db, actor, event.id, input);
    const attempt = addAttendee(db, actor, event.id, { ...input, phone: "0911 111 111", email: "HaiLan@x.vn" });
    await expect(attempt).rejects.toBeInstanceOf(AlreadyInvitedError);
    await expect(attempt).rejects.toMatchObject({ code: "conflict", message: "attendees.errors.alreadyInvited", invitationId: added.id, withdrawn: false });
    expect((await peopleWithEmail("hailan@x.vn"))[0]?.phone).toBe("0900 000 000");
    expect((await countEventInvitations(db, event.id)).active).toBe(1);
  });

  it("refuses new attendees on a cancelled event", async () => {
    const event = await createEvent(db, actor);
    await cancelEvent(db, actor, event.id);
    await expect(addAttendee(db, actor, event.id, buildAttendeeInput())).rejects.toMatchObject({
      code: "conflict",
      message: "attendees.errors.eventCancelled",
    });
  });

  it("edits the person (directory) and the invitation; an email of someone else is a field error", async () => {
    const event = await createEvent(db, actor);
    const other = await addAttendee(db, actor, event.id, buildAttendeeInput({ email: "other.person@x.vn" }));
    const added = await addAttendee(db, actor, event.id, buildAttendeeInput({ fullName: "Bùi Thị Sửa", email: "sua@x.vn", phone: "0912 345 678" }));
    const input = buildAttendeeInput({
      honorific: null,
      fullName: "Bùi Thị Sửa Đổi",
      positions: [],
      organization: null,
      email: "sua.moi@x.vn",
      phone: null,
      role: "speaker",
      groupLabel: "Bàn 3",
      plusOnes: 2,
    });
    const updated = await updateAttendee(db, actor, added.id, input, { eventId: event.id });
    expect(updated).toMatchObject({
      role: "speaker",
      groupLabel: "Bàn 3",
      plusOnes: 2,
      person: { honorific: null, fullName: "Bùi Thị Sửa Đổi", positions: [], organization: null, email: "sua.moi@x.vn", phone: null },
    });
    const [row] = await db.select({ nameSearch: people.nameSearch }).from(people).where(eq(people.id, added.personId));
    expect(row?.nameSearch).toBe("bui thi sua doi");
    const audit = await listAudit(db, { eventId: event.id });
    expect(audit[0]).toMatchObject({ action: "invitation.update", details: { changed: expect.arrayContaining(["fullName", "email", "role"]) } });

    await expect(updateAttendee(db, actor, added.id, { ...input, email: "OTHER.person@x.vn" })).rejects.toMatchObject({
      code: "invalid",
      fields: { email: "attendees.errors.emailTaken" },
    });
    expect(other.person.email).toBe("other.person@x.vn");
  });

  it("withdraws: sets withdrawnAt, records it, stops counting it as active; twice is a conflict", async () => {
    const event = await createEvent(db, actor);
    const stays = await addAttendee(db, actor, event.id, buildAttendeeInput());
    const goes = await addAttendee(db, actor, event.id, buildAttendeeInput({ fullName: "Vũ Văn Rút" }));
    const at = new Date("2030-01-02T03:04:05Z");
    const withdrawn = await withdrawInvitation(db, actor, goes.id, { eventId: event.id, at });
    expect(withdrawn).toMatchObject({ id: goes.id, withdrawnAt: at, person: { fullName: "Vũ Văn Rút" } });
    expect((await getInvitation(db, goes.id))?.withdrawnAt).toEqual(at);

    const counts = await countEventInvitations(db, event.id);
    expect(counts).toMatchObject({ active: 1, withdrawn: 1, not_sent: 1 });
    const active = await listEventInvitations(db, event.id, { limit: 50 });
    expect(active.items.map((i) => i.id)).toEqual([stays.id]);
    const shownApart = await listEventInvitations(db, event.id, { status: "withdrawn", limit: 50 });
    expect(shownApart.items.map((i) => i.id)).toEqual([goes.id]);

    const audit = await listAudit(db, { eventId: event.id });
    expect(audit[0]).toMatchObject({ action: "invitation.withdraw", entityId: goes.id, details: { fullName: "Vũ Văn Rút" } });

    await expect(withdrawInvitation(db, actor, goes.id)).rejects.toMatchObject({ code: "conflict", message: "attendees.errors.alreadyWithdrawn" });
    // Adding the person again says the invitation was withdrawn.
    await expect(addAttendee(db, actor, event.id, buildAttendeeInput({ fullName: "Vũ Văn Rút", email: goes.person.email }))).rejects.toMatchObject({
      message: "attendees.errors.alreadyInvitedWithdrawn",
      invitationId: goes.id,
      withdrawn: true,
    });
  });

  it("treats an invitation of another event as not found", async () => {
    const event = await createEvent(db, actor);
    const elsewhere = await createEvent(db, actor);
    const added = await addAttendee(db, actor, event.id, buildAttendeeInput());
    const attempt = withdrawInvitation(db, actor, added.id, { eventId: elsewhere.id });
    await expect(attempt).rejects.toBeInstanceOf(ServiceError);
    await expect(attempt).rejects.toMatchObject({ code: "not_found" });
    const [row] = await db.select({ w: invitations.withdrawnAt }).from(invitations).where(eq(invitations.id, added.id));
    expect(row?.w).toBeNull();
  });

  it("joins a caller's transaction: a rollback undoes the withdrawal and its audit row", async () => {
    const event = await createEvent(db, actor);
    const added = await addAttendee(db, actor, event.id, buildAttendeeInput());
    await expect(
      db.transaction(async (tx) => {
        await withdrawInvitation(tx, actor, added.id);
        throw new Error("mail outbox failed");
      }),
    ).rejects.toThrow("mail outbox failed");
    expect((await getInvitation(db, added.id))?.withdrawnAt).toBeNull();
    expect((await listAudit(db, { eventId: event.id })).map((a) => a.action)).not.toContain("invitation.withdraw");
  });
});
