import { describe, expect, it } from "vitest";
import { decideScan, offlineCounts, searchOffline, type OfflineGuest, type OfflineList, type PendingScan } from "./door-offline";

const EVENT = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const guest = (n: number, extra: Partial<OfflineGuest> = {}): OfflineGuest => ({
  invitationId: `00000000-0000-4000-8000-00000000000${n}`,
  honorific: "Ông",
  fullName: `Nguyễn Văn ${n}`,
  search: `nguyen van ${n}`,
  positions: [],
  organization: null,
  role: "guest",
  groupLabel: null,
  plusOnes: 0,
  status: "accepted",
  withdrawn: false,
  seat: null,
  checkedInAt: null,
  checkedInBy: null,
  ...extra,
});
const list = (guests: OfflineGuest[], status = "scheduled"): OfflineList => ({
  event: { id: EVENT, title: "Lễ ký", timeZone: "Asia/Ho_Chi_Minh", status },
  publicKey: "k",
  guests,
  revoked: guests.filter((g) => g.withdrawn).map((g) => g.invitationId),
  asOf: 0,
});
const signed = (g: { invitationId: string }, eventId = EVENT) => ({ kind: "signed" as const, invitationId: g.invitationId, eventId, signature: "s" });

describe("the door's offline decisions", () => {
  it("accepts a genuine ticket of a listed guest, once per device", () => {
    const a = guest(1);
    const l = list([a]);
    expect(decideScan(l, [], signed(a), true)).toMatchObject({ kind: "accept", guest: a, provisional: false, notOnList: false });
    const queued: PendingScan = { nonce: "n", eventId: EVENT, scannedAt: "2031-01-01T07:00:00Z", code: "c", guestId: a.invitationId, provisional: false };
    expect(decideScan(l, [queued], signed(a), true)).toMatchObject({ kind: "already", pending: true, at: "2031-01-01T07:00:00Z" });
  });

  it("refuses forged, foreign and withdrawn tickets, and every scan of a cancelled event", () => {
    const a = guest(1);
    const gone = guest(2, { withdrawn: true });
    const l = list([a, gone]);
    expect(decideScan(l, [], signed(a), false)).toMatchObject({ kind: "refuse", reason: "unknownCode" });
    expect(decideScan(l, [], signed(a, "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4e"), true)).toMatchObject({ kind: "refuse", reason: "otherEvent" });
    expect(decideScan(l, [], signed(gone), true)).toMatchObject({ kind: "refuse", reason: "withdrawn", guest: gone });
    expect(decideScan(l, [], null, false)).toMatchObject({ kind: "refuse", reason: "unknownCode" });
    expect(decideScan(list([a], "cancelled"), [], signed(a), true)).toMatchObject({ kind: "refuse", reason: "eventCancelled" });
  });

  it("says who was checked in already according to the list", () => {
    const a = guest(1, { checkedInAt: "2031-01-01T07:00:00Z", checkedInBy: "Cửa Một" });
    expect(decideScan(list([a]), [], signed(a), true)).toMatchObject({ kind: "already", by: "Cửa Một", pending: false });
  });

  it("lets a genuine ticket in when the guest was added after the list was taken; older codes only for listed guests, provisionally", () => {
    const a = guest(1);
    const newcomer = { invitationId: "00000000-0000-4000-8000-000000000009" };
    expect(decideScan(list([a]), [], signed(newcomer), true)).toMatchObject({ kind: "accept", guest: null, notOnList: true });
    expect(decideScan(list([a]), [], { kind: "legacy", invitationId: a.invitationId, code: "SIGNET:x" }, false)).toMatchObject({ kind: "accept", provisional: true });
    expect(decideScan(list([a]), [], { kind: "legacy", invitationId: newcomer.invitationId, code: "SIGNET:x" }, false)).toMatchObject({ kind: "refuse", reason: "unknownCode" });
  });

  it("searches without diacritics and counts the device's waiting scans as arrived", () => {
    const a = guest(1, { checkedInAt: "2031-01-01T07:00:00Z" });
    const b = guest(2);
    const l = list([a, b]);
    expect(searchOffline(l, "NGUYỄN văn 2").map((g) => g.invitationId)).toEqual([b.invitationId]);
    const queue: PendingScan[] = [
      { nonce: "1", eventId: EVENT, scannedAt: "x", code: "c", guestId: b.invitationId, provisional: false },
      { nonce: "2", eventId: EVENT, scannedAt: "x", code: "c", guestId: a.invitationId, provisional: false },
    ];
    expect(offlineCounts({ invited: 2, answered: 2, accepted: 2, arrived: 1 }, l, queue).arrived).toBe(2);
  });
});
