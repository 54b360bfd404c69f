import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { buildDocumentInput, buildEventInput, createInvitation, createOrganization } from "#db/factories";
import { SEED_EVENT_UID, seedDemo } from "#db/seed";
import { expectServiceError, testDatabase, testDatabaseWithActor } from "#db/testing";
import { findEventIdByCalendarUid } from "~/models/events.server";
import type { DignitaryInput } from "~/domain/protocol/dignitary.schema";
import { createDignitary, loadPrecedence } from "./dignitaries.server";
import { ServiceError } from "~/utils/errors";
import { createEvent } from "./events.server";
import type { Actor } from "~/domain/access/permissions";
import { assignSeat, clearSeat, createDefaultLayout, createTable, deleteTable, loadSeating, proposeSeating, setSeatReserved, updateTable } from "./seating.server";
import { loadSigning, saveSigning } from "./signatories.server";
import { loadCeremony, saveDocument, saveSide, setPartySignatories } from "./ceremony.server";
import { withdrawInvitation } from "./invitations.server";
import { getEventDetail } from "~/models/events.server";
import { invitations } from "#db/schema/index";
import { eq } from "drizzle-orm";

function input(name: string, positions: string[], side: "host" | "guest" | null, organization: string | null = null): DignitaryInput {
  return {
    honorific: "đồng chí",
    name,
    positions,
    organization,
    delegation: null,
    side,
    arrivalAt: null,
    escortUserId: null,
    notes: null,
    email: null,
    fullAddressOverride: null,
    shortAddressOverride: null,
    englishAddressOverride: null,
  };
}

const names = { presidium: "Đoàn chủ tịch", signing: "Bàn ký", row: (n: number) => `Hàng ghế ${n}` };

describe("seating and the signing arrangements", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;

  beforeAll(async () => ({ database, db, actor } = await testDatabaseWithActor({ name: "Cán bộ tổ chức" })));
  afterAll(() => database.close());

  async function signingCeremony() {
    const host = await createOrganization(db, { nameVi: `Ban Tuyên giáo ${Math.random().toString(36).slice(2, 7)}` });
    const partner = await createOrganization(db, { nameVi: `Sở Giáo dục ${Math.random().toString(36).slice(2, 7)}` });
    const event = await createEvent(
      db,
      actor,
      buildEventInput({
        kind: "signing_ceremony",
        hostOrganizationId: host.id,
        partnerOrganizationIds: [partner.id],
        documents: [buildDocumentInput([partner.id, host.id], { title: "Chương trình phối hợp", periodStart: 2017, periodEnd: 2020 })],
      }),
    );
    const chuyen = await createDignitary(db, actor, event.id, input("Nguyễn Hồng Chuyên", ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"], "host"));
    const pho = await createDignitary(db, actor, event.id, input("Phó Ban", ["Phó Trưởng ban Tuyên giáo Tỉnh ủy"], "host"));
    const gd = await createDignitary(db, actor, event.id, input("Giám Đốc", ["Giám đốc Sở Giáo dục và Đào tạo"], "guest"));
    const pgd = await createDignitary(db, actor, event.id, input("Phó Giám Đốc", ["Phó Giám đốc Sở Giáo dục và Đào tạo"], "guest"));
    return { event, host, partner, chuyen, pho, gd, pgd };
  }

  it("saves signatories, signing order, originals and host side, and refuses a signatory who is not a dignitary", async () => {
    const { event, host, partner, chuyen, gd } = await signingCeremony();
    const before = await loadSigning(db, event.id);
    // Stored party order (partner first) until someone sets the signing order; the host is still the host.
    expect(before.parties.map((p) => [p.organizationId, p.isHost, p.signingOrder])).toEqual([
      [partner.id, false, 1],
      [host.id, true, 2],
    ]);
    const saved = await saveSigning(db, actor, event.id, {
      hostSide: "left",
      originals: 4,
      parties: [
        { organizationId: host.id, dignitaryId: chuyen.id, signingOrder: 1 },
        { organizationId: partner.id, dignitaryId: gd.id, signingOrder: 2 },
      ],
    });
    expect(saved.agreement).toMatchObject({ originals: 4, hostSide: "left" });
    expect(saved.parties.map((p) => [p.organizationId, p.dignitaryId, p.signingOrder])).toEqual([
      [host.id, chuyen.id, 1],
      [partner.id, gd.id, 2],
    ]);
    const other = await signingCeremony();
    const error = await expectServiceError(
      saveSigning(db, actor, event.id, { hostSide: "right", originals: null, parties: [{ organizationId: host.id, dignitaryId: other.chuyen.id, signingOrder: 1 }] }),
      "invalid",
    );
    expect(error.fields).toEqual({ "parties.0.dignitaryId": "protocol.errors.signatoryUnknown" });
  });

  it("proposes the signing table from the signatories and the host side, delegations behind, and the presidium from precedence", async () => {
    const { event, host, partner, chuyen, pho, gd, pgd } = await signingCeremony();
    await saveSigning(db, actor, event.id, {
      hostSide: "right",
      originals: 2,
      parties: [
        { organizationId: host.id, dignitaryId: chuyen.id, signingOrder: 1 },
        { organizationId: partner.id, dignitaryId: gd.id, signingOrder: 2 },
      ],
    });
    await createDefaultLayout(db, actor, event.id, names);
    const outcome = await proposeSeating(db, actor, event.id);
    expect(outcome).toEqual({ unseated: [], unseatedPeople: [], signingOverflow: [], unplacedSignings: [], noSignatories: false });
    const view = await loadSeating(db, event.id);
    const [presidium, signing, row1] = view.tables;
    expect(view.tables.map((t) => t.kind)).toEqual(["presidium", "signing", "row", "row"]);
    // Centre-out, #2 on the table's right (the audience's left): [#4, #2, #1, #3, #5].
    expect(presidium!.seats.map((s) => s.invitationId)).toEqual([pgd.invitationId, gd.invitationId, chuyen.invitationId, pho.invitationId, null]);
    expect(presidium!.seats.map((s) => s.rank)).toEqual([4, 2, 1, 3, 5]);
    // The host signs on the table's right = the audience's left (seat 0), the guest beside; behind: their delegations.
    expect(signing!.seats.slice(0, 2).map((s) => s.invitationId)).toEqual([chuyen.invitationId, gd.invitationId]);
    expect(signing!.seats.map((s) => s.role)).toEqual(["signer", "signer", "behind", "behind", "behind", "behind", "behind", "behind"]);
    expect(signing!.seats[4]!.invitationId).toBe(pho.invitationId); // nearest the centre behind the host
    expect(signing!.seats[5]!.invitationId).toBe(pgd.invitationId); // nearest the centre behind the guest
    expect(row1!.seats.every((s) => s.invitationId === null)).toBe(true);
    // A signatory at the presidium and at the signing table is not "seated twice".
    expect(view.conflicts).toEqual([]);

    // The host on the other side mirrors the table.
    await saveSigning(db, actor, event.id, {
      hostSide: "left",
      originals: 2,
      parties: [
        { organizationId: host.id, dignitaryId: chuyen.id, signingOrder: 1 },
        { organizationId: partner.id, dignitaryId: gd.id, signingOrder: 2 },
      ],
    });
    await proposeSeating(db, actor, event.id);
    const mirrored = (await loadSeating(db, event.id)).tables[1]!;
    expect(mirrored.seats.slice(0, 2).map((s) => s.invitationId)).toEqual([gd.invitationId, chuyen.invitationId]);
  });

  it("shows conflicts instead of refusing: seated twice, an empty reserved seat, more dignitaries than seats", async () => {
    const { event, chuyen, gd, pgd } = await signingCeremony();
    const presidium = await createTable(db, actor, event.id, { name: "Đoàn chủ tịch", kind: "presidium", seatCount: 3, mode: "centre-out", secondTo: "right" });
    await proposeSeating(db, actor, event.id);
    let view = await loadSeating(db, event.id);
    // The fourth in precedence has no seat: counted, and named.
    expect(view.conflicts).toEqual([
      { kind: "notEnoughSeats", people: 4, seats: 3 },
      { kind: "unseated", personIds: [pgd.invitationId] },
    ]);
    expect(view.unseated).toEqual([pgd.invitationId]);

    // Seat the first dignitary a second time from the list (not a move).
    await assignSeat(db, event.id, { tableId: presidium, seatIndex: 0, invitationId: chuyen.invitationId });
    view = await loadSeating(db, event.id);
    expect(view.conflicts).toContainEqual({
      kind: "seatedTwice",
      personId: chuyen.invitationId,
      seats: [
        { tableId: presidium, seatIndex: 0 },
        { tableId: presidium, seatIndex: 1 },
      ],
    });
    expect(view.dignitaries.find((d) => d.invitationId === chuyen.invitationId)!.seats).toHaveLength(2);

    // Clearing a reserved seat leaves it reserved and empty.
    await clearSeat(db, event.id, { tableId: presidium, seatIndex: 0 });
    view = await loadSeating(db, event.id);
    expect(view.conflicts).toContainEqual({ kind: "emptyReserved", tableId: presidium, seatIndex: 0 });
    await setSeatReserved(db, event.id, { tableId: presidium, seatIndex: 0 }, false);
    expect((await loadSeating(db, event.id)).conflicts.map((c) => c.kind)).toEqual(["notEnoughSeats", "unseated"]);

    // More seats make the last conflict go away.
    await updateTable(db, actor, event.id, presidium, { name: "Đoàn chủ tịch", kind: "presidium", seatCount: 5, mode: "centre-out", secondTo: "right" });
    await proposeSeating(db, actor, event.id);
    expect((await loadSeating(db, event.id)).conflicts).toEqual([]);

    // A move swaps with whoever sat there.
    view = await loadSeating(db, event.id);
    const seats = view.tables[0]!.seats;
    const chuyenSeat = seats.find((s) => s.invitationId === chuyen.invitationId)!.index;
    const gdSeat = seats.find((s) => s.invitationId === gd.invitationId)!.index;
    await assignSeat(db, event.id, { tableId: presidium, seatIndex: gdSeat, invitationId: chuyen.invitationId, from: { tableId: presidium, seatIndex: chuyenSeat } });
    const swapped = (await loadSeating(db, event.id)).tables[0]!.seats;
    expect(swapped[gdSeat]!.invitationId).toBe(chuyen.invitationId);
    expect(swapped[chuyenSeat]!.invitationId).toBe(gd.invitationId);
  });

  it("refuses seats that do not exist and people who are not invited; shrinking a table drops the seats past its end", async () => {
    const { event, chuyen } = await signingCeremony();
    const table = await createTable(db, actor, event.id, { name: "Hàng 1", kind: "row", seatCount: 4, mode: "left-to-right", secondTo: "right" });
    const outOfRange = await assignSeat(db, event.id, { tableId: table, seatIndex: 4, invitationId: chuyen.invitationId }).catch((e: unknown) => e);
    expect((outOfRange as ServiceError).message).toBe("protocol.errors.seatOutOfRange");
    const stranger = await signingCeremony();
    const notInvited = await assignSeat(db, event.id, { tableId: table, seatIndex: 0, invitationId: stranger.chuyen.invitationId }).catch((e: unknown) => e);
    expect((notInvited as ServiceError).message).toBe("protocol.errors.notInvited");
    const otherTable = await assignSeat(db, stranger.event.id, { tableId: table, seatIndex: 0, invitationId: stranger.chuyen.invitationId }).catch((e: unknown) => e);
    expect((otherTable as ServiceError).code).toBe("not_found");

    await assignSeat(db, event.id, { tableId: table, seatIndex: 3, invitationId: chuyen.invitationId });
    await updateTable(db, actor, event.id, table, { name: "Hàng 1", kind: "row", seatCount: 2, mode: "left-to-right", secondTo: "right" });
    const view = await loadSeating(db, event.id);
    expect(view.tables[0]!.seats).toHaveLength(2);
    expect(view.dignitaries.find((d) => d.invitationId === chuyen.invitationId)!.seats).toEqual([]);
    expect((await deleteTable(db, actor, event.id, table)).name).toBe("Hàng 1");
    expect((await loadSeating(db, event.id)).tables).toEqual([]);
  });

  it("fills the guest rows with the remaining dignitaries, then the other guests, and leaves the signing table empty without signatories", async () => {
    const { event } = await signingCeremony();
    const guest = await createInvitation(db, { eventId: event.id, person: { fullName: "Khách Thường" } });
    const declined = await createInvitation(db, { eventId: event.id, person: { fullName: "Không Đến" }, status: "declined" });
    await createTable(db, actor, event.id, { name: "Đoàn chủ tịch", kind: "presidium", seatCount: 1, mode: "centre-out", secondTo: "right" });
    await createTable(db, actor, event.id, { name: "Bàn ký", kind: "signing", seatCount: 2, mode: "centre-out", secondTo: "right" });
    await createTable(db, actor, event.id, { name: "Hàng 1", kind: "row", seatCount: 6, mode: "left-to-right", secondTo: "right" });
    const outcome = await proposeSeating(db, actor, event.id);
    expect(outcome.noSignatories).toBe(true);
    const view = await loadSeating(db, event.id);
    const precedence = (await loadPrecedence(db, event.id)).dignitaries.map((d) => d.invitationId);
    expect(view.tables[0]!.seats.map((s) => s.invitationId)).toEqual([precedence[0]]);
    expect(view.tables[1]!.seats.map((s) => s.invitationId)).toEqual([null, null]);
    expect(view.tables[2]!.seats.map((s) => s.invitationId)).toEqual([...precedence.slice(1), guest.invitation.id, null, null]);
    expect(view.others.map((o) => o.invitationId)).toEqual([guest.invitation.id]);
    expect(view.others.map((o) => o.invitationId)).not.toContain(declined.invitation.id);
  });

  it("frees the seats of people who declined or were withdrawn: a notice until the re-proposal, and the unseated counted", async () => {
    const { event, chuyen, pho, gd, pgd } = await signingCeremony();
    await createTable(db, actor, event.id, { name: "Đoàn chủ tịch", kind: "presidium", seatCount: 3, mode: "centre-out", secondTo: "right" });
    await createTable(db, actor, event.id, { name: "Hàng 1", kind: "row", seatCount: 1, mode: "left-to-right", secondTo: "right" });
    await proposeSeating(db, actor, event.id);
    const before = await loadSeating(db, event.id);
    expect(before.tables[0]!.seats.map((s) => s.invitationId)).toEqual([gd.invitationId, chuyen.invitationId, pho.invitationId]);
    expect(before.unseated).toEqual([]);
    // The deputy director is in the last seat of the row; then the director declines and the deputy head is withdrawn.
    await db.update(invitations).set({ status: "declined" }).where(eq(invitations.id, gd.invitationId));
    await withdrawInvitation(db, actor, pho.invitationId, { eventId: event.id });
    const stale = await loadSeating(db, event.id);
    expect(stale.unavailableSeated).toEqual(
      expect.arrayContaining([
        { invitationId: gd.invitationId, status: "declined" },
        { invitationId: pho.invitationId, status: "withdrawn" },
      ]),
    );
    expect(stale.conflicts.map((c) => c.kind)).toEqual(expect.arrayContaining(["unavailableSeated"]));
    expect(stale.labels[pho.invitationId]).toBe("Đồng chí Phó Ban");
    const outcome = await proposeSeating(db, actor, event.id);
    const after = await loadSeating(db, event.id);
    // Centre-out, #2 on the table's right: [#2, #1, empty].
    expect(after.tables[0]!.seats.map((s) => s.invitationId)).toEqual([pgd.invitationId, chuyen.invitationId, null]);
    expect(after.unavailableSeated).toEqual([]);
    expect(after.unseated).toEqual([]);
    expect(outcome.unseatedPeople).toEqual([]);
    // A guest beyond the hall's seats is counted and listed.
    const extra = await createInvitation(db, { eventId: event.id, person: { fullName: "Khách Thêm" } });
    const extra2 = await createInvitation(db, { eventId: event.id, person: { fullName: "Khách Nữa" } });
    const full = await proposeSeating(db, actor, event.id);
    expect(full.unseatedPeople).toHaveLength(1);
    const seated = await loadSeating(db, event.id);
    expect(seated.unseated).toEqual(full.unseatedPeople);
    expect([extra.invitation.id, extra2.invitation.id]).toContain(seated.unseated[0]);
    expect(seated.conflicts).toContainEqual({ kind: "unseated", personIds: full.unseatedPeople });
  });

  it("saves any document's signatories, for a party named only by its label too, as the ceremony's signatory roles", async () => {
    const { event, host, chuyen, pho, gd, pgd } = await signingCeremony();
    const detail = (await getEventDetail(db, event.id))!;
    const hostSide = detail.sides.find((s) => s.organization?.id === host.id)!.id;
    const labelSide = await saveSide(db, actor, event.id, null, {
      kind: "guest",
      organizationId: null,
      labelVi: "đại diện các xã biên giới",
      labelEn: null,
      headPersonId: null,
      language: "vi",
    });
    const memo = await saveDocument(db, actor, event.id, null, {
      kind: "memorandum",
      title: "Biên bản ghi nhớ",
      titleEn: null,
      periodStart: null,
      periodEnd: null,
      aims: null,
      originals: null,
      languages: ["vi"],
      partySideIds: [hostSide, labelSide],
    });
    await setPartySignatories(db, actor, event.id, memo, hostSide, [pho.id]);
    const saved = await saveSigning(db, actor, event.id, {
      documentId: memo,
      hostSide: "left",
      originals: 3,
      parties: [
        { sideId: labelSide, dignitaryId: gd.id, signingOrder: 1 },
        { sideId: hostSide, dignitaryId: chuyen.id, signingOrder: 2 },
      ],
    });
    const document = saved.documents.find((d) => d.id === memo)!;
    expect(document).toMatchObject({ originals: 3, hostSide: "left" });
    expect(document.parties.map((p) => [p.sideId, p.nameVi, p.signatoryIds, p.signingOrder])).toEqual([
      [labelSide, "đại diện các xã biên giới", [gd.id], 1],
      // The one chosen replaces the party's signatory at the table.
      [hostSide, host.nameVi, [chuyen.id], 2],
    ]);
    // The first document is untouched; the ceremony (its page, the dignitaries list) reads the same roles.
    expect(saved.documents[0]!.parties.every((p) => p.signatoryIds.length === 0)).toBe(true);
    const ceremony = await loadCeremony(db, event.id);
    const signsFor = (id: string) =>
      ceremony.people.find((p) => p.id === id)!.roles.filter((r) => r.kind === "signatory");
    expect(signsFor(gd.id)).toEqual([{ kind: "signatory", documentId: memo, sideId: labelSide }]);
    expect(signsFor(chuyen.id)).toEqual([{ kind: "signatory", documentId: memo, sideId: hostSide }]);
    // Moving a person from one party to the other in the same save is no "signs twice".
    const moved = await saveSigning(db, actor, event.id, {
      documentId: memo,
      hostSide: "left",
      originals: 3,
      parties: [
        { sideId: labelSide, dignitaryId: pho.id, signingOrder: 1 },
        { sideId: hostSide, dignitaryId: pgd.id, signingOrder: 2 },
      ],
    });
    expect(moved.documents.find((d) => d.id === memo)!.parties.map((p) => p.signatoryIds)).toEqual([[pho.id], [pgd.id]]);
    const unknownSide = await saveSigning(db, actor, event.id, {
      documentId: memo,
      hostSide: "left",
      originals: null,
      parties: [{ sideId: "3f1c0c5e-9a51-4c51-8f7e-000000000000", dignitaryId: null, signingOrder: 1 }],
    }).catch((e: unknown) => e);
    expect((unknownSide as ServiceError).fields).toEqual({ "parties.0.sideId": "protocol.errors.notParty" });
  });

  it("gives every document a mirrored signing table of its own: the guest at the host's right unless set otherwise", async () => {
    const { event, host, partner, chuyen, pho, gd, pgd } = await signingCeremony();
    const detail = (await getEventDetail(db, event.id))!;
    const hostSide = detail.sides.find((s) => s.organization?.id === host.id)!.id;
    const partnerSide = detail.sides.find((s) => s.organization?.id === partner.id)!.id;
    const [first] = detail.documents;
    await setPartySignatories(db, actor, event.id, first!.id, hostSide, [chuyen.id]);
    await setPartySignatories(db, actor, event.id, first!.id, partnerSide, [gd.id]);
    const memo = await saveDocument(db, actor, event.id, null, {
      kind: "memorandum",
      title: "Biên bản ghi nhớ",
      titleEn: null,
      periodStart: null,
      periodEnd: null,
      aims: null,
      originals: 2,
      languages: ["vi"],
      partySideIds: [hostSide, partnerSide],
    });
    await setPartySignatories(db, actor, event.id, memo, hostSide, [pho.id]);
    await setPartySignatories(db, actor, event.id, memo, partnerSide, [pgd.id]);
    // The first document: the host signs on the table's right (as stored); the memorandum: the default, guest at the host's right.
    await saveSigning(db, actor, event.id, {
      hostSide: "right",
      originals: 2,
      parties: [
        { organizationId: host.id, dignitaryId: chuyen.id, signingOrder: 1 },
        { organizationId: partner.id, dignitaryId: gd.id, signingOrder: 2 },
      ],
    });
    await createTable(db, actor, event.id, { name: "Bàn ký 1", kind: "signing", seatCount: 4, mode: "centre-out", secondTo: "right" });
    await createTable(db, actor, event.id, { name: "Bàn ký 2", kind: "signing", seatCount: 2, mode: "centre-out", secondTo: "right" });
    const outcome = await proposeSeating(db, actor, event.id);
    expect(outcome.unplacedSignings).toEqual([]);
    const view = await loadSeating(db, event.id);
    // Table 1 (host on its own right = the audience's left): the two signatories, their delegations behind.
    expect(view.tables[0]!.seats.slice(0, 2).map((s) => s.invitationId)).toEqual([chuyen.invitationId, gd.invitationId]);
    // Behind each signatory, the rest of their side (the memorandum's signatories too: they are delegation members here).
    expect(view.tables[0]!.seats.slice(2).map((s) => s.invitationId)).toEqual([pho.invitationId, pgd.invitationId]);
    // Table 2, mirrored by default: the memorandum's host signs on the table's left (the audience's right), so the
    // guest stands at the host's own right (the audience's left).
    expect(view.tables[1]!.seats.map((s) => s.invitationId)).toEqual([pgd.invitationId, pho.invitationId]);
    const memoDoc = (await loadSigning(db, event.id)).documents.find((d) => d.id === memo)!;
    expect(memoDoc.hostSide).toBe("left");
    expect(view.tables[1]!.document?.id).toBe(memo);
    expect(view.tables[1]!.seats.map((s) => s.party?.nameVi)).toEqual([partner.nameVi, host.nameVi]);
  });
});

describe("the demo ceremony's protocol", () => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    await seedDemo(db);
  });
  afterAll(() => database.close());

  it("has Comrade Nguyễn Hồng Chuyên with both positions, no invented signatory, and a seating plan; a second run adds nothing", async () => {
    const eventId = (await findEventIdByCalendarUid(db, SEED_EVENT_UID))!;
    const check = async () => {
      const precedence = await loadPrecedence(db, eventId);
      const seating = await loadSeating(db, eventId);
      return { precedence, seating };
    };
    const { precedence, seating } = await check();
    // No fake dignitary for the Sở's unnamed leaders (they are an attendance line); the article names no signatory.
    expect(precedence.dignitaries.map((d) => d.address.full)).toEqual([
      "Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy",
    ]);
    expect(precedence.dignitaries[0]).toMatchObject({ side: "host", honorific: "đồng chí" });
    expect(seating.signing.parties.map((p) => [p.nameVi, p.isHost, p.signingOrder, p.dignitaryId])).toEqual([
      ["Ban Tuyên giáo Tỉnh ủy", true, 1, null],
      ["Sở Giáo dục và Đào tạo", false, 2, null],
    ]);
    expect(seating.tables.map((t) => [t.kind, t.seats.filter((s) => s.invitationId).length])).toEqual([
      ["presidium", 1],
      ["signing", 0],
      ["row", 0],
    ]);
    expect(seating.conflicts).toEqual([]);
    await seedDemo(db);
    const again = await check();
    expect(again.precedence.dignitaries.map((d) => d.id)).toEqual(precedence.dignitaries.map((d) => d.id));
    expect(again.seating.tables.map((t) => t.id)).toEqual(seating.tables.map((t) => t.id));
  });
});
