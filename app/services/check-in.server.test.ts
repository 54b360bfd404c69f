import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createInvitation, createUser } from "#db/factories";
import { checkIns, invitations, seatingTables, seats, webhookDeliveries, webhookEndpoints, webhookMessages } from "#db/schema/index";
import { expectServiceError, testDatabase, testDriver } from "#db/testing";
import { signCheckInCode } from "~/domain/check-in/check-in-code";
import { listAudit } from "~/models/audit.server";
import { insertEndpoint } from "~/models/webhooks.server";
import {
  checkInByCode,
  checkInCodeFor,
  checkInGuest,
  checkInQrDataUrl,
  attendanceCounts,
  findGuests,
  LIVE_COUNTS_SHARED_MS,
  sharedAttendanceCounts,
  recentCheckIns,
  undoCheckIn,
  type StaffActor,
} from "./check-in.server";
import { cancelEvent } from "./events.server";
import { assignSeat, createTable } from "./seating.server";

const SECRETS = ["current-secret-0123456789", "previous-secret-0123456789"];

describe(`check-in (${testDriver()})`, () => {
  let database: Database;
  let db: Db;
  let door1: StaffActor;
  let door2: StaffActor;
  let admin: StaffActor;
  const doors: StaffActor[] = [];

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const staff = async (name: string, role: "organizer" | "admin") => {
      const u = await createUser(db, { name, role });
      return { id: u.id, name: u.name, role: u.role };
    };
    door1 = await staff("Cán bộ Cửa Một", "organizer");
    door2 = await staff("Cán bộ Cửa Hai", "organizer");
    admin = await staff("Quản trị", "admin");
    doors.push(door1, door2, await staff("Cán bộ Cửa Ba", "organizer"), await staff("Cán bộ Cửa Bốn", "organizer"));
  });
  afterAll(() => database.close());

  async function newEvent() {
    return createEvent(db, door1, {});
  }
  /** The four numbers, without the time they were read. */
  const counts = async (eventId: string) => {
    const { asOf: _asOf, ...numbers } = await attendanceCounts(db, eventId);
    return numbers;
  };
  const rows = async (invitationId: string) =>
    (await db.select({ n: count() }).from(checkIns).where(eq(checkIns.invitationId, invitationId)))[0]?.n;

  it("checks a guest in once; a second attempt reports who did it and when", async () => {
    const event = await newEvent();
    const { invitation } = await createInvitation(db, {
      eventId: event.id,
      role: "dignitary",
      groupLabel: "Bàn 1",
      person: { honorific: "Ông", fullName: "Trần Văn Đức", positions: ["Phó Chủ tịch UBND tỉnh"] },
    });
    const at = new Date("2031-04-10T07:05:00Z");
    const first = await checkInGuest(db, door1, event.id, invitation.id, at);
    expect(first).toMatchObject({
      outcome: "checkedIn",
      checkIn: { at, byUserId: door1.id, byName: "Cán bộ Cửa Một" },
      guest: { honorific: "Ông", fullName: "Trần Văn Đức", positions: ["Phó Chủ tịch UBND tỉnh"], role: "dignitary", groupLabel: "Bàn 1" },
    });
    const second = await checkInGuest(db, door2, event.id, invitation.id, new Date("2031-04-10T07:09:00Z"));
    expect(second).toMatchObject({ outcome: "already", checkIn: { at, byUserId: door1.id, byName: "Cán bộ Cửa Một" } });
    expect(await rows(invitation.id)).toBe(1);
    const audit = (await listAudit(db, { eventId: event.id })).filter((a) => a.action === "checkin.create");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: "Cán bộ Cửa Một", entityId: invitation.id, details: { guest: "Trần Văn Đức" } });
  });

  it("never makes two check-ins for one invitation, even from four devices at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      const event = await newEvent();
      const { invitation } = await createInvitation(db, { eventId: event.id });
      const results = await Promise.all(
        doors.map((door, i) => checkInGuest(db, door, event.id, invitation.id, new Date(Date.UTC(2031, 3, 10, 7, 0, i)))),
      );
      expect(await rows(invitation.id)).toBe(1);
      const winners = results.filter((r) => r.outcome === "checkedIn");
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => r.outcome === "already")).toHaveLength(doors.length - 1);
      // Everyone is told the same winner: the row that is in the table.
      const [stored] = await db.select().from(checkIns).where(eq(checkIns.invitationId, invitation.id));
      for (const r of results) {
        if (r.outcome === "refused") throw new Error("refused");
        expect(r.checkIn).toEqual({ at: stored?.at, byUserId: stored?.byUserId, byName: stored?.byName });
      }
      expect((await listAudit(db, { eventId: event.id })).filter((a) => a.action === "checkin.create")).toHaveLength(1);
    }
  });

  it("refuses a withdrawn invitation, another event's invitation and a cancelled event, writing nothing", async () => {
    const event = await newEvent();
    const { invitation: withdrawn } = await createInvitation(db, { eventId: event.id, withdrawnAt: new Date() });
    const refused = await checkInGuest(db, door1, event.id, withdrawn.id);
    expect(refused).toMatchObject({ outcome: "refused", reason: "withdrawn", guest: { invitationId: withdrawn.id, withdrawn: true } });

    const other = await newEvent();
    const { invitation: foreign } = await createInvitation(db, { eventId: other.id });
    expect(await checkInGuest(db, door1, event.id, foreign.id)).toEqual({ outcome: "refused", reason: "otherEvent", guest: null });

    const soon = new Date(Date.now() + 86400_000);
    const cancelled = await createEvent(db, door1, { startsAt: soon, endsAt: new Date(soon.getTime() + 3600_000) });
    const { invitation: toCancelled } = await createInvitation(db, { eventId: cancelled.id });
    await cancelEvent(db, door1, cancelled.id);
    expect(await checkInGuest(db, door1, cancelled.id, toCancelled.id)).toMatchObject({ outcome: "refused", reason: "eventCancelled" });

    expect(await checkInGuest(db, door1, event.id, "00000000-0000-4000-8000-000000000000")).toEqual({
      outcome: "refused",
      reason: "notFound",
      guest: null,
    });
    expect(await rows(withdrawn.id)).toBe(0);
    expect(await rows(foreign.id)).toBe(0);
    expect(await rows(toCancelled.id)).toBe(0);
  });

  it("checks in by the signed QR code and refuses forged or foreign ones", async () => {
    const event = await newEvent();
    const { invitation } = await createInvitation(db, { eventId: event.id });
    const code = checkInCodeFor(invitation.id, SECRETS);
    expect(code).toBe(signCheckInCode(invitation.id, SECRETS[0] ?? ""));

    const forged = `SIGNET:${invitation.id}:AAAAAAAAAAAAAAAAAAAAAA`;
    expect(await checkInByCode(db, door1, event.id, forged, SECRETS)).toEqual({ outcome: "refused", reason: "unknownCode", guest: null });
    expect(await checkInByCode(db, door1, event.id, "https://example.com", SECRETS)).toMatchObject({ reason: "unknownCode" });
    expect(await checkInByCode(db, door1, event.id, invitation.id, SECRETS)).toMatchObject({ reason: "unknownCode" });
    expect(await rows(invitation.id)).toBe(0);

    // A code signed with the previous secret still works (secret rotation).
    const old = signCheckInCode(invitation.id, SECRETS[1] ?? "");
    expect(await checkInByCode(db, door1, event.id, old, SECRETS)).toMatchObject({ outcome: "checkedIn" });
    expect(await checkInByCode(db, door2, event.id, code, SECRETS)).toMatchObject({ outcome: "already", checkIn: { byName: "Cán bộ Cửa Một" } });

    const other = await newEvent();
    const { invitation: foreign } = await createInvitation(db, { eventId: other.id });
    expect(await checkInByCode(db, door1, event.id, checkInCodeFor(foreign.id, SECRETS), SECRETS)).toMatchObject({
      outcome: "refused",
      reason: "otherEvent",
    });
  });

  it("renders the code as an SVG QR data URL", async () => {
    const url = await checkInQrDataUrl("SIGNET:3f2b8c1e-9d4a-4e6b-8a71-0c5d2e9f4b13:AAAAAAAAAAAAAAAAAAAAAA");
    expect(url).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(url.split(",")[1] ?? "", "base64").toString("utf8")).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  describe("undo", () => {
    it("lets the staff member who checked the guest in undo it, and audits it", async () => {
      const event = await newEvent();
      const { invitation } = await createInvitation(db, { eventId: event.id });
      await checkInGuest(db, door1, event.id, invitation.id);
      const guest = await undoCheckIn(db, door1, event.id, invitation.id);
      expect(guest).toMatchObject({ invitationId: invitation.id, checkIn: null });
      expect(await rows(invitation.id)).toBe(0);
      const audit = (await listAudit(db, { eventId: event.id })).filter((a) => a.action === "checkin.undo");
      expect(audit).toHaveLength(1);
      expect(audit[0]?.actorName).toBe("Cán bộ Cửa Một");
      // And the guest can be checked in again afterwards.
      expect(await checkInGuest(db, door2, event.id, invitation.id)).toMatchObject({ outcome: "checkedIn", checkIn: { byUserId: door2.id } });
    });

    it("refuses another staff member, naming who checked the guest in", async () => {
      const event = await newEvent();
      const { invitation } = await createInvitation(db, { eventId: event.id });
      await checkInGuest(db, door1, event.id, invitation.id);
      await expectServiceError(undoCheckIn(db, door2, event.id, invitation.id), "forbidden", `checkin.undo.notYours?name=${encodeURIComponent("Cán bộ Cửa Một")}`);
      expect(await rows(invitation.id)).toBe(1);
    });

    it("lets an administrator undo anyone's check-in", async () => {
      const event = await newEvent();
      const { invitation } = await createInvitation(db, { eventId: event.id });
      await checkInGuest(db, door1, event.id, invitation.id);
      await undoCheckIn(db, admin, event.id, invitation.id);
      expect(await rows(invitation.id)).toBe(0);
    });

    it("says so when there is nothing to undo, or the invitation is another event's", async () => {
      const event = await newEvent();
      const { invitation } = await createInvitation(db, { eventId: event.id });
      await expect(undoCheckIn(db, door1, event.id, invitation.id)).rejects.toMatchObject({ code: "not_found", message: "checkin.undo.none" });
      const other = await newEvent();
      await checkInGuest(db, door1, event.id, invitation.id);
      await expect(undoCheckIn(db, door1, other.id, invitation.id)).rejects.toMatchObject({ code: "not_found" });
      expect(await rows(invitation.id)).toBe(1);
    });
  });

  it("finds guests by name without diacritics, including withdrawn ones (marked), and counts check-ins", async () => {
    const event = await newEvent();
    const { invitation: an } = await createInvitation(db, { eventId: event.id, person: { fullName: "Nguyễn Văn An" } });
    await createInvitation(db, { eventId: event.id, person: { fullName: "Đặng Thị Ánh" } });
    await createInvitation(db, { eventId: event.id, person: { fullName: "Nguyễn Văn Anh" }, withdrawnAt: new Date() });
    const other = await newEvent();
    await createInvitation(db, { eventId: other.id, person: { fullName: "Nguyễn Văn An Khác" } });

    expect((await findGuests(db, event.id, "nguyen van an")).map((g) => [g.fullName, g.withdrawn])).toEqual([
      ["Nguyễn Văn An", false],
      ["Nguyễn Văn Anh", true],
    ]);
    expect((await findGuests(db, event.id, "DANG thi")).map((g) => g.fullName)).toEqual(["Đặng Thị Ánh"]);
    // Diacritics are folded on both sides: "Ánh" also finds "Anh".
    expect((await findGuests(db, event.id, "Ánh")).map((g) => g.fullName)).toEqual(["Đặng Thị Ánh", "Nguyễn Văn Anh"]);
    expect(await findGuests(db, event.id, "   ")).toEqual([]);
    expect(await findGuests(db, event.id, "%")).toEqual([]);

    await checkInGuest(db, door1, event.id, an.id);
    expect(await counts(event.id)).toEqual({ invited: 2, answered: 0, accepted: 0, arrived: 1, companions: 0, expected: 0 });
    const found = await findGuests(db, event.id, "van an");
    expect(found[0]?.checkIn).toMatchObject({ byName: "Cán bộ Cửa Một" });
    expect((await recentCheckIns(db, event.id)).map((g) => g.fullName)).toEqual(["Nguyễn Văn An"]);
  });

  it("counts invited, answered, accepted and arrived in one go; withdrawn invitations count nowhere", async () => {
    const event = await newEvent();
    const make = (status: "not_sent" | "sent" | "accepted" | "declined" | "tentative", withdrawnAt: Date | null = null) =>
      createInvitation(db, { eventId: event.id, status, withdrawnAt });
    const accepted = await make("accepted");
    await make("accepted");
    await make("declined");
    await make("tentative");
    const sent = await make("sent");
    await make("not_sent");
    const gone = await make("accepted", new Date());
    expect(await counts(event.id)).toEqual({ invited: 6, answered: 4, accepted: 2, arrived: 0, companions: 0, expected: 2 });

    await checkInGuest(db, door1, event.id, accepted.invitation.id);
    // A guest who never answered but came anyway has arrived too.
    await checkInGuest(db, door1, event.id, sent.invitation.id);
    expect(await counts(event.id)).toEqual({ invited: 6, answered: 4, accepted: 2, arrived: 2, companions: 0, expected: 2 });
    // Another event's rows and a check-in made before the withdrawal are not this event's live counts.
    await db.insert(checkIns).values({ invitationId: gone.invitation.id, at: new Date(), byUserId: door1.id, byName: door1.name });
    const other = await newEvent();
    await createInvitation(db, { eventId: other.id, status: "accepted" });
    expect(await counts(event.id)).toEqual({ invited: 6, answered: 4, accepted: 2, arrived: 2, companions: 0, expected: 2 });
    expect(await counts(other.id)).toEqual({ invited: 1, answered: 1, accepted: 1, arrived: 0, companions: 0, expected: 1 });
  });

  it("polls of one event share one reading for two seconds, so many open tabs cost one query; then it reads again", async () => {
    const event = await newEvent();
    const { invitation } = await createInvitation(db, { eventId: event.id, status: "accepted" });
    const t0 = new Date("2031-01-01T08:00:00Z");
    const first = await sharedAttendanceCounts(db, event.id, t0);
    expect(first).toEqual({ invited: 1, answered: 1, accepted: 1, arrived: 0, companions: 0, expected: 1, asOf: t0.getTime() });
    await checkInGuest(db, door1, event.id, invitation.id);
    // Within the window every poll gets the shared reading, with the time it was read (the page keeps newer ones).
    const later = new Date(t0.getTime() + LIVE_COUNTS_SHARED_MS - 1);
    expect(await sharedAttendanceCounts(db, event.id, later)).toEqual(first);
    // The page's own loader reads fresh counts at any time.
    expect(await attendanceCounts(db, event.id, later)).toMatchObject({ arrived: 1, asOf: later.getTime() });
    // Another event is not served this event's reading.
    const other = await newEvent();
    expect(await sharedAttendanceCounts(db, other.id, later)).toMatchObject({ invited: 0 });
    const after = new Date(t0.getTime() + LIVE_COUNTS_SHARED_MS);
    expect(await sharedAttendanceCounts(db, event.id, after)).toEqual({ invited: 1, answered: 1, accepted: 1, arrived: 1, companions: 0, expected: 1, asOf: after.getTime() });
  });

  it("says where the seating plan puts the guest: table name and seat number, in results, searches and the recent list", async () => {
    const event = await newEvent();
    const { invitation } = await createInvitation(db, { eventId: event.id, role: "dignitary", person: { fullName: "Phạm Văn Ngồi" } });
    await createInvitation(db, { eventId: event.id, person: { fullName: "Phạm Văn Ngồi Sau" } });
    const tableId = await createTable(db, door1, event.id, { name: "Đoàn chủ tịch", kind: "presidium", seatCount: 5, mode: "centre-out", secondTo: "right" });
    await assignSeat(db, event.id, { invitationId: invitation.id, tableId, seatIndex: 2 });

    const found = await findGuests(db, event.id, "pham van ngoi");
    expect(found.map((g) => [g.fullName, g.seat])).toEqual([
      ["Phạm Văn Ngồi", { table: "Đoàn chủ tịch", number: 3 }],
      ["Phạm Văn Ngồi Sau", null],
    ]);
    const result = await checkInGuest(db, door1, event.id, invitation.id);
    expect(result.outcome === "checkedIn" && result.guest.seat).toEqual({ table: "Đoàn chủ tịch", number: 3 });
    expect((await recentCheckIns(db, event.id)).map((g) => g.seat)).toEqual([{ table: "Đoàn chủ tịch", number: 3 }]);
  });

  it("records the check-in's audit row and webhook message with it: one delivery per endpoint that listens, nothing for the second scan", async () => {
    const event = await newEvent();
    const other = await newEvent();
    const { invitation } = await createInvitation(db, { eventId: event.id, person: { fullName: "Lê Thị Báo", organization: "Sở Ngoại vụ" } });
    const hook = (id: string, eventTypes: string[], eventId: string | null, enabled = true) =>
      insertEndpoint(db, { id, url: "https://hooks.example/in", eventTypes, eventId, ownerId: door1.id, secretSealed: "sealed", enabled });
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await hook(ids[0]!, ["invitation.checked_in"], event.id);
    await hook(ids[1]!, ["event.cancelled", "invitation.checked_in"], null);
    await hook(ids[2]!, ["invitation.checked_in"], other.id);
    await hook(ids[3]!, ["event.cancelled"], event.id);
    await hook(ids[4]!, ["invitation.checked_in"], event.id, false);
    const at = new Date("2031-04-10T07:05:00.123Z");
    const results = await Promise.all([checkInGuest(db, door1, event.id, invitation.id, at), checkInGuest(db, door2, event.id, invitation.id, at)]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["already", "checkedIn"]);

    const messages = await db.select().from(webhookMessages).where(eq(webhookMessages.eventId, event.id));
    expect(messages).toHaveLength(1);
    const winner = results.find((r) => r.outcome === "checkedIn")!;
    expect(messages[0]).toMatchObject({
      type: "invitation.checked_in",
      data: { eventId: event.id, invitationId: invitation.id, checkedInAt: at.toISOString() },
      personalData: { guest: { name: "Lê Thị Báo", organization: "Sở Ngoại vụ" } },
      occurredAt: at,
    });
    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.messageId, messages[0]!.id));
    expect(deliveries.map((d) => d.endpointId).sort()).toEqual([ids[0], ids[1]].sort());
    expect(deliveries.every((d) => d.status === "queued" && d.attempts === 0)).toBe(true);
    const audit = (await listAudit(db, { eventId: event.id })).filter((a) => a.action === "checkin.create");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorName: winner.outcome === "checkedIn" ? winner.checkIn.byName : null,
      entityType: "invitation",
      entityId: invitation.id,
      details: { guest: "Lê Thị Báo" },
    });

    // No endpoint for this event's check-ins: no message at all (emitWebhook's rule).
    await db.delete(webhookEndpoints);
    const { invitation: quiet } = await createInvitation(db, { eventId: event.id });
    expect(await checkInGuest(db, door1, event.id, quiet.id, at)).toMatchObject({ outcome: "checkedIn" });
    expect(await db.select().from(webhookMessages).where(eq(webhookMessages.eventId, event.id))).toHaveLength(1);
    expect((await listAudit(db, { eventId: event.id })).filter((a) => a.action === "checkin.create")).toHaveLength(2);
  });

  it("refuses an event that does not exist, and takes the guest's own seat at the first table", async () => {
    const event = await newEvent();
    const { invitation } = await createInvitation(db, { eventId: event.id, plusOnes: 1 });
    await expectServiceError(checkInGuest(db, door1, "00000000-0000-4000-8000-000000000000", invitation.id), "not_found", "errors.notFound.body");
    const back = await createTable(db, door1, event.id, { name: "Bàn sau", kind: "row", seatCount: 6, mode: "centre-out", secondTo: "right" });
    const front = await createTable(db, door1, event.id, { name: "Bàn trước", kind: "row", seatCount: 6, mode: "centre-out", secondTo: "right" });
    await db.update(seatingTables).set({ position: 9 }).where(eq(seatingTables.id, back));
    await db.update(seatingTables).set({ position: 1 }).where(eq(seatingTables.id, front));
    await db.insert(seats).values([
      { tableId: back, seatIndex: 0, invitationId: invitation.id },
      { tableId: front, seatIndex: 0, invitationId: invitation.id, companionIndex: 1 },
      { tableId: front, seatIndex: 4, invitationId: invitation.id },
    ]);
    const result = await checkInGuest(db, door1, event.id, invitation.id);
    expect(result.outcome === "checkedIn" && result.guest.seat).toEqual({ table: "Bàn trước", number: 5 });
  });

  it("keeps withdrawn invitations out of check-in after the fact", async () => {
    const event = await newEvent();
    const { invitation } = await createInvitation(db, { eventId: event.id });
    await db.update(invitations).set({ withdrawnAt: new Date() }).where(eq(invitations.id, invitation.id));
    expect(await checkInGuest(db, door1, event.id, invitation.id)).toMatchObject({ outcome: "refused", reason: "withdrawn" });
  });
});
