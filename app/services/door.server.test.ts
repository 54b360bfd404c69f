import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createInvitation, createUser } from "#db/factories";
import { checkIns, doorScans, invitations } from "#db/schema/index";
import { testDatabase, testDriver } from "#db/testing";
import { signCheckInCode } from "~/domain/check-in/check-in-code";
import { importTicketKey, parseTicket, verifyTicket, type ParsedTicket } from "~/domain/check-in/ticket";
import { checkInByCode, doorList, doorTicketFor, syncDoorScans, type StaffActor } from "./check-in.server";
import { ticketKeys } from "./ticket-keys.server";

const SECRETS = ["current-secret-0123456789"];

describe(`offline door: tickets, door list, sync (${testDriver()})`, () => {
  let database: Database;
  let db: Db;
  let door1: StaffActor;
  let door2: StaffActor;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const staff = async (name: string) => {
      const u = await createUser(db, { name, role: "organizer" });
      return { id: u.id, name: u.name, role: u.role };
    };
    door1 = await staff("Cán bộ Cửa Một");
    door2 = await staff("Cán bộ Cửa Hai");
  });
  afterAll(() => database.close());

  const checkInRows = async (invitationId: string) =>
    (await db.select({ n: count() }).from(checkIns).where(eq(checkIns.invitationId, invitationId)))[0]?.n;

  async function guest(eventId: string, fullName: string) {
    return (await createInvitation(db, { eventId, role: "dignitary", person: { honorific: "Ông", fullName, positions: ["Giám đốc Sở"] } })).invitation;
  }

  it("signs tickets once per instance; the browser's WebCrypto verifies them with the door list's public key", async () => {
    const event = await createEvent(db, door1, {});
    const invitation = await guest(event.id, "Trần Văn Vé");
    const ticket = await doorTicketFor(db, invitation.id, event.id);
    expect(await doorTicketFor(db, invitation.id, event.id)).toBe(ticket);
    const list = await doorList(db, event.id);
    expect(list.publicKey).toBe((await ticketKeys(db)).publicKeyBase64Url);
    const key = await importTicketKey(list.publicKey);
    expect(await verifyTicket(parseTicket(ticket) as ParsedTicket, key)).toBe(true);
    expect(list.guests).toEqual([expect.objectContaining({ invitationId: invitation.id, fullName: "Trần Văn Vé", search: "tran van ve", withdrawn: false })]);
    expect(JSON.stringify(list)).not.toMatch(/email|phone/);
  });

  it("checks in online with the signed ticket and with an older HMAC code; refuses another event's ticket and a forged one", async () => {
    const event = await createEvent(db, door1, {});
    const other = await createEvent(db, door1, {});
    const a = await guest(event.id, "Nguyễn Văn Mới");
    const b = await guest(event.id, "Nguyễn Văn Cũ");
    const c = await guest(other.id, "Lê Thị Khác");
    expect((await checkInByCode(db, door1, event.id, await doorTicketFor(db, a.id, event.id), SECRETS)).outcome).toBe("checkedIn");
    expect((await checkInByCode(db, door1, event.id, signCheckInCode(b.id, SECRETS[0]!), SECRETS)).outcome).toBe("checkedIn");
    expect(await checkInByCode(db, door1, event.id, await doorTicketFor(db, c.id, other.id), SECRETS)).toMatchObject({ outcome: "refused", reason: "otherEvent" });
    const genuine = await doorTicketFor(db, a.id, event.id);
    const at = genuine.length - 40; // inside the signature, where every bit counts
    const forged = genuine.slice(0, at) + (genuine[at] === "A" ? "B" : "A") + genuine.slice(at + 1);
    expect(await checkInByCode(db, door1, event.id, forged, SECRETS)).toMatchObject({ outcome: "refused", reason: "unknownCode" });
  });

  it("two offline devices scan the same guest: one check-in at the first device's scan time, a logged duplicate; a repeated upload changes nothing", async () => {
    const event = await createEvent(db, door1, {});
    const inv = await guest(event.id, "Phạm Văn Hai Máy");
    const code = await doorTicketFor(db, inv.id, event.id);
    const scanA = { nonce: randomUUID(), scannedAt: "2031-04-10T07:05:00.000Z", code };
    const scanB = { nonce: randomUUID(), scannedAt: "2031-04-10T07:06:00.000Z", code };
    const now = new Date("2031-04-10T08:00:00Z");

    const [a] = await syncDoorScans(db, door1, event.id, { deviceId: "phone-a", scans: [scanA] }, SECRETS, now);
    expect(a).toMatchObject({ outcome: "checkedIn", invitationId: inv.id, name: "Ông Phạm Văn Hai Máy" });
    const [b] = await syncDoorScans(db, door2, event.id, { deviceId: "phone-b", scans: [scanB] }, SECRETS, now);
    expect(b).toMatchObject({ outcome: "duplicate", firstAt: "2031-04-10T07:05:00.000Z", firstByName: "Cán bộ Cửa Một" });
    // Device A lost the answer and uploads again: the same answer, nothing applied twice.
    const [again] = await syncDoorScans(db, door1, event.id, { deviceId: "phone-a", scans: [scanA] }, SECRETS, now);
    expect(again).toMatchObject({ outcome: "checkedIn", invitationId: inv.id });
    expect(await checkInRows(inv.id)).toBe(1);
    const [row] = await db.select({ at: checkIns.at, byName: checkIns.byName }).from(checkIns).where(eq(checkIns.invitationId, inv.id));
    expect(row).toEqual({ at: new Date("2031-04-10T07:05:00Z"), byName: "Cán bộ Cửa Một" });
    expect((await db.select({ n: count() }).from(doorScans).where(eq(doorScans.eventId, event.id)))[0]?.n).toBe(2);

    const list = await doorList(db, event.id, now);
    expect(list.flags).toEqual([
      expect.objectContaining({ kind: "duplicate", name: "Ông Phạm Văn Hai Máy", deviceId: "phone-b", byName: "Cán bộ Cửa Hai", firstByName: "Cán bộ Cửa Một" }),
    ]);
    expect(list.guests[0]).toMatchObject({ checkedInAt: "2031-04-10T07:05:00.000Z", checkedInBy: "Cán bộ Cửa Một" });
  });

  it("a scan of an invitation withdrawn after the device took its list is refused and flagged on sync; the next list revokes it", async () => {
    const event = await createEvent(db, door1, {});
    const inv = await guest(event.id, "Đỗ Văn Rút");
    const code = await doorTicketFor(db, inv.id, event.id);
    expect((await doorList(db, event.id)).revoked).toEqual([]);
    await db.update(invitations).set({ withdrawnAt: new Date() }).where(eq(invitations.id, inv.id));
    const [answer] = await syncDoorScans(db, door1, event.id, { deviceId: "phone-a", scans: [{ nonce: randomUUID(), scannedAt: new Date().toISOString(), code }] }, SECRETS);
    expect(answer).toMatchObject({ outcome: "refused", reason: "withdrawn", name: "Ông Đỗ Văn Rút" });
    expect(await checkInRows(inv.id)).toBe(0);
    const list = await doorList(db, event.id);
    expect(list.revoked).toEqual([inv.id]);
    expect(list.flags).toEqual([expect.objectContaining({ kind: "refused", reason: "withdrawn", invitationId: inv.id })]);
  });

  it("refuses forged and foreign codes on sync, accepts a by-name scan, and never dates a check-in in the future", async () => {
    const event = await createEvent(db, door1, {});
    const other = await createEvent(db, door1, {});
    const inv = await guest(event.id, "Vũ Văn Tên");
    const foreign = await guest(other.id, "Hoàng Văn Ngoài");
    const now = new Date("2031-04-10T08:00:00Z");
    const answers = await syncDoorScans(
      db,
      door1,
      event.id,
      {
        deviceId: "phone-a",
        scans: [
          { nonce: randomUUID(), scannedAt: "2031-04-10T09:00:00.000Z", invitationId: inv.id },
          { nonce: randomUUID(), scannedAt: "2031-04-10T07:00:00.000Z", code: `SIGNET:${inv.id}:AAAAAAAAAAAAAAAAAAAAAA` },
          { nonce: randomUUID(), scannedAt: "2031-04-10T07:01:00.000Z", code: await doorTicketFor(db, foreign.id, other.id) },
          { nonce: randomUUID(), scannedAt: "2031-04-10T07:02:00.000Z", invitationId: foreign.id },
        ],
      },
      SECRETS,
      now,
    );
    expect(answers.map((a) => [a.outcome, a.reason ?? null])).toEqual([
      ["refused", "unknownCode"],
      ["refused", "otherEvent"],
      ["refused", "otherEvent"],
      ["checkedIn", null],
    ]);
    const [row] = await db.select({ at: checkIns.at }).from(checkIns).where(eq(checkIns.invitationId, inv.id));
    expect(row?.at).toEqual(now);
    expect(await checkInRows(foreign.id)).toBe(0);
  });
});
