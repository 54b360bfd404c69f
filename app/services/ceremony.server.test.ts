import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { buildDocumentInput, buildEventInput, createOrganization } from "#db/factories";
import { testDatabaseWithActor } from "#db/testing";
import type { DignitaryInput } from "~/domain/protocol/dignitary.schema";
import { getEventDetail } from "~/models/events.server";
import { addAgendaItem } from "./agenda.server";
import {
  addAttendanceLine,
  changeAttendanceLine,
  loadCeremony,
  moveSide,
  removeAttendanceLine,
  removeDocument,
  removeSide,
  saveDocument,
  saveSide,
  setAgendaItemDetails,
  setPartySignatories,
  setPersonCeremony,
} from "./ceremony.server";
import { createDignitary } from "./dignitaries.server";
import { ServiceError } from "~/utils/errors";
import { cancelEvent, createEvent } from "./events.server";
import type { Actor } from "~/domain/access/permissions";
import { loadSigning } from "./signatories.server";

function person(name: string, positions: string[], side: "host" | "guest" | null, organization: string | null = null): DignitaryInput {
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

const fieldsOf = (e: unknown) => (e instanceof ServiceError ? { code: e.code, fields: e.fields } : e);

describe("the ceremony: sides, documents, roles, attendance lines", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;

  beforeAll(async () => ({ database, db, actor } = await testDatabaseWithActor({ name: "Cán bộ tổ chức" })));
  afterAll(() => database.close());

  /** Three ministries sign one regulation; the leaders above the sides attend. */
  async function threeParties() {
    const suffix = Math.random().toString(36).slice(2, 7);
    const [a, b, c] = await Promise.all(
      ["Bộ Công an", "Bộ Quốc phòng", "Bộ Ngoại giao"].map((nameVi) => createOrganization(db, { nameVi: `${nameVi} ${suffix}` })),
    );
    const event = await createEvent(
      db,
      actor,
      buildEventInput({ kind: "signing_ceremony", hostOrganizationId: a!.id, partnerOrganizationIds: [b!.id, c!.id], startPrecision: "date" }),
    );
    const leadersId = await saveSide(db, actor, event.id, null, {
      kind: "leaders",
      organizationId: null,
      labelVi: "lãnh đạo Đảng, Nhà nước",
      labelEn: "Party and State leaders",
      headPersonId: null,
      language: "vi",
    });
    const detail = await getEventDetail(db, event.id);
    const side = (orgId: string) => detail!.sides.find((s) => s.organization?.id === orgId)!.id;
    return { event, a: a!, b: b!, c: c!, leadersId, sideA: side(a!.id), sideB: side(b!.id), sideC: side(c!.id) };
  }

  it("keeps sides in order: host, guests, then a leaders group; one leaders group, each organization once", async () => {
    const { event, a, leadersId } = await threeParties();
    const detail = await getEventDetail(db, event.id);
    expect(detail!.sides.map((s) => [s.kind, s.order, s.labelVi])).toEqual([
      ["host", 0, null],
      ["guest", 1, null],
      ["guest", 2, null],
      ["leaders", 3, "lãnh đạo Đảng, Nhà nước"],
    ]);
    expect(detail!.startPrecision).toBe("date");
    const again = await saveSide(db, actor, event.id, null, {
      kind: "leaders",
      organizationId: a.id,
      labelVi: null,
      labelEn: null,
      headPersonId: null,
      language: "vi",
    }).catch(fieldsOf);
    expect(again).toEqual({
      code: "invalid",
      fields: { organizationId: "ceremony.errors.sideTwice", kind: "ceremony.errors.oneLeadersGroup" },
    });
    // A foreign partner typed without a directory entry: named by its label.
    const typed = await saveSide(db, actor, event.id, null, {
      kind: "guest",
      organizationId: null,
      labelVi: "tỉnh Hủa Phăn (Lào)",
      labelEn: "Houaphanh province (Laos)",
      headPersonId: null,
      language: "lo",
    });
    const view = await loadCeremony(db, event.id);
    expect(view.sides.find((s) => s.id === typed)).toMatchObject({ kind: "guest", organization: null, labelVi: "tỉnh Hủa Phăn (Lào)", language: "lo", order: 4 });
    await removeSide(db, actor, event.id, typed);
    expect((await loadCeremony(db, event.id)).sides.map((s) => s.id)).not.toContain(typed);
    expect((await loadCeremony(db, event.id)).sides.map((s) => s.id)).toContain(leadersId);
  });

  it("moves a side one place up or down; the ends stay put; an unknown side is not found", async () => {
    const { event, leadersId, sideA, sideB, sideC } = await threeParties();
    const order = async () => (await loadCeremony(db, event.id)).sides.map((s) => s.id);
    expect(await order()).toEqual([sideA, sideB, sideC, leadersId]);
    await moveSide(db, actor, event.id, leadersId, "up");
    await moveSide(db, actor, event.id, leadersId, "up");
    expect(await order()).toEqual([sideA, leadersId, sideB, sideC]);
    await moveSide(db, actor, event.id, sideA, "up");
    await moveSide(db, actor, event.id, sideC, "down");
    expect(await order()).toEqual([sideA, leadersId, sideB, sideC]);
    await moveSide(db, actor, event.id, sideA, "down");
    expect(await order()).toEqual([leadersId, sideA, sideB, sideC]);
    expect((await loadCeremony(db, event.id)).sides.map((s) => s.order)).toEqual([0, 1, 2, 3]);
    await expect(moveSide(db, actor, event.id, crypto.randomUUID(), "up")).rejects.toMatchObject({ code: "not_found" });
  });

  it("holds several documents with their parties; the leaders are no party; a signatory signs for a party of the document", async () => {
    const { event, leadersId, sideA, sideB, sideC } = await threeParties();
    const regulation = await saveDocument(db, actor, event.id, null, {
      kind: "regulation",
      title: "Quy chế phối hợp giữa ba bộ",
      titleEn: "Coordination regulation of the three ministries",
      periodStart: 2024,
      periodEnd: null,
      aims: null,
      originals: 3,
      languages: ["vi"],
      partySideIds: [sideA, sideB, sideC],
    });
    const memo = await saveDocument(db, actor, event.id, null, {
      kind: "memorandum",
      title: "Biên bản ghi nhớ",
      titleEn: null,
      periodStart: null,
      periodEnd: null,
      aims: null,
      originals: 2,
      languages: ["vi", "lo"],
      partySideIds: [sideA, sideC],
    });
    expect(
      await saveDocument(db, actor, event.id, null, {
        kind: "other",
        title: "X",
        titleEn: null,
        periodStart: null,
        periodEnd: null,
        aims: null,
        originals: null,
        languages: [],
        partySideIds: [leadersId],
      }).catch(fieldsOf),
    ).toEqual({ code: "invalid", fields: { partySideIds: "ceremony.errors.leadersNotParty" } });

    const leader = await createDignitary(db, actor, event.id, person("Tô Lâm", ["Tổng Bí thư"], null));
    const minA = await createDignitary(db, actor, event.id, person("Bộ trưởng A", ["Bộ trưởng Bộ Công an"], "host"));
    const minB = await createDignitary(db, actor, event.id, person("Bộ trưởng B", ["Bộ trưởng Bộ Quốc phòng"], "guest"));
    const minC = await createDignitary(db, actor, event.id, person("Bộ trưởng C", ["Bộ trưởng Bộ Ngoại giao"], "guest"));
    await setPersonCeremony(db, actor, event.id, leader.id, { sideId: leadersId, roles: [{ kind: "witness" }, { kind: "chair" }] });
    await setPersonCeremony(db, actor, event.id, minA.id, {
      roles: [
        { kind: "signatory", documentId: regulation, sideId: sideA },
        { kind: "signatory", documentId: memo, sideId: sideA },
        { kind: "speaker" },
      ],
    });
    await setPersonCeremony(db, actor, event.id, minC.id, {
      sideId: sideC,
      roles: [{ kind: "signatory", documentId: memo, sideId: sideC }],
    });
    await setPartySignatories(db, actor, event.id, regulation, sideB, [minB.id]);
    await setPartySignatories(db, actor, event.id, regulation, sideC, [minC.id]);

    const refused = await setPersonCeremony(db, actor, event.id, minB.id, {
      roles: [
        { kind: "signatory", documentId: memo, sideId: sideB },
        { kind: "signatory", documentId: regulation, sideId: sideB },
        { kind: "signatory", documentId: regulation, sideId: sideA },
      ],
    }).catch(fieldsOf);
    expect(refused).toEqual({ code: "invalid", fields: { "roles.0": "ceremony.errors.notAParty", "roles.2": "ceremony.errors.signsTwice" } });
    expect(await setPartySignatories(db, actor, event.id, memo, sideA, [minC.id]).catch(fieldsOf)).toEqual({
      code: "invalid",
      fields: { "signatoryIds.0": "ceremony.errors.signsTwice" },
    });

    const view = await loadCeremony(db, event.id);
    expect(view.precision).toBe("date");
    expect(view.documents.map((d) => [d.kind, d.order, d.partySideIds])).toEqual([
      ["regulation", 0, [sideA, sideB, sideC]],
      ["memorandum", 1, [sideA, sideC]],
    ]);
    const byId = new Map(view.people.map((p) => [p.id, p]));
    expect(byId.get(leader.id)).toEqual({ id: leader.id, sideId: leadersId, roles: [{ kind: "chair" }, { kind: "witness" }] });
    expect(byId.get(minA.id)?.roles).toEqual([
      { kind: "signatory", documentId: regulation, sideId: sideA },
      { kind: "signatory", documentId: memo, sideId: sideA },
      { kind: "speaker" },
    ]);
    expect(byId.get(minA.id)?.sideId).toBe(sideA);
    expect(byId.get(minB.id)?.sideId).toBe(sideB);
    const detail = await getEventDetail(db, event.id);
    expect(detail!.documents[0]!.parties).toEqual([
      { sideId: sideA, signatoryIds: [minA.id] },
      { sideId: sideB, signatoryIds: [minB.id] },
      { sideId: sideC, signatoryIds: [minC.id] },
    ]);
    // The seating's signing view: every document with its parties and signatories.
    const signing = await loadSigning(db, event.id);
    expect(signing.documents.map((d) => d.parties.map((p) => [p.isHost, p.dignitaryId]))).toEqual([
      [
        [true, minA.id],
        [false, minB.id],
        [false, minC.id],
      ],
      [
        [true, minA.id],
        [false, minC.id],
      ],
    ]);

    // A party that leaves the document takes its signatories with it; those who stay keep theirs.
    await saveDocument(db, actor, event.id, regulation, {
      kind: "regulation",
      title: "Quy chế phối hợp giữa hai bộ",
      titleEn: null,
      periodStart: 2024,
      periodEnd: 2026,
      aims: null,
      originals: 2,
      languages: ["vi"],
      partySideIds: [sideB, sideA],
    });
    expect((await getEventDetail(db, event.id))!.documents[0]!.parties).toEqual([
      { sideId: sideB, signatoryIds: [minB.id] },
      { sideId: sideA, signatoryIds: [minA.id] },
    ]);
    await removeDocument(db, actor, event.id, memo);
    expect((await loadCeremony(db, event.id)).people.find((p) => p.id === minC.id)?.roles).toEqual([]);
  });

  it("keeps attendance lines with a side and a place, and proceedings: agenda items with a subject and key points but no speaker", async () => {
    const { event, sideA } = await threeParties();
    const first = await addAttendanceLine(db, actor, event.id, {
      textVi: "các đồng chí trong Ban Thường vụ Tỉnh ủy",
      textEn: "members of the Standing Committee of the Provincial Party Committee",
      sideId: null,
      place: 2,
    });
    const second = await addAttendanceLine(db, actor, event.id, {
      textVi: "đại diện lãnh đạo các sở, ban, ngành",
      textEn: null,
      sideId: sideA,
      place: null,
    });
    expect(
      await addAttendanceLine(db, actor, event.id, { textVi: "x", textEn: null, sideId: event.id, place: null }).catch(fieldsOf),
    ).toEqual({ code: "invalid", fields: { sideId: "ceremony.errors.unknownSide" } });
    await changeAttendanceLine(db, actor, event.id, first, {
      textVi: "các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy",
      textEn: null,
      sideId: null,
      place: 1,
    });
    const { id: itemId } = await addAgendaItem(db, actor, event.id, {
      startsAt: event.startsAt,
      durationMinutes: 20,
      title: "Thông báo tình hình",
      kind: "other",
      responsibleUserId: null,
      speakerInvitationId: null,
      place: null,
      notes: null,
      keyPoints: ["thông báo tình hình kinh tế – xã hội của mỗi địa phương"],
    });
    await setAgendaItemDetails(db, actor, event.id, itemId, { subject: "Hai bên", subjectEn: "The two sides", documentId: null });
    expect(
      await setAgendaItemDetails(db, actor, event.id, itemId, { subject: null, subjectEn: null, documentId: event.id }).catch(fieldsOf),
    ).toEqual({ code: "invalid", fields: { documentId: "ceremony.errors.unknownDocument" } });

    const view = await loadCeremony(db, event.id);
    expect(view.lines).toEqual([
      { id: first, textVi: "các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy", textEn: null, sideId: null, place: 1, order: 0 },
      { id: second, textVi: "đại diện lãnh đạo các sở, ban, ngành", textEn: null, sideId: sideA, place: null, order: 1 },
    ]);
    expect(view.proceedings).toEqual([
      { agendaItemId: itemId, subjectVi: "Hai bên", subjectEn: "The two sides", keyPoints: ["thông báo tình hình kinh tế – xã hội của mỗi địa phương"] },
    ]);
    await removeAttendanceLine(db, actor, event.id, second);
    expect((await loadCeremony(db, event.id)).lines.map((l) => l.id)).toEqual([first]);
    await cancelEvent(db, actor, event.id);
    expect(await removeAttendanceLine(db, actor, event.id, first).catch(fieldsOf)).toEqual({ code: "conflict", fields: {} });
  });

  it("creates sides for the documents' parties given with the event, and the event form's edit keeps them", async () => {
    const [host, partner] = await Promise.all([createOrganization(db), createOrganization(db)]);
    const event = await createEvent(
      db,
      actor,
      buildEventInput({ kind: "signing_ceremony", hostOrganizationId: host.id, documents: [buildDocumentInput([host.id, partner.id])] }),
    );
    expect(event.sides.map((s) => [s.kind, s.organization?.id])).toEqual([
      ["host", host.id],
      ["guest", partner.id],
    ]);
    expect(event.partners.map((p) => p.id)).toEqual([partner.id]);
  });

  it("keeps a coarse host/guest choice on an event with no sides yet by making the side", async () => {
    const host = await createOrganization(db);
    const event = await createEvent(db, actor, buildEventInput({ kind: "meeting", hostOrganizationId: null }));
    const guest = await createDignitary(db, actor, event.id, person("Lê Khách", ["Giám đốc"], "guest", "Sở Tư pháp"));
    const hostPerson = await createDignitary(db, actor, event.id, person("Trần Chủ", ["Trưởng ban"], "host", "Ban Dân vận"));
    expect([guest.side, hostPerson.side]).toEqual(["guest", "host"]);
    const sides = (await loadCeremony(db, event.id)).sides;
    expect(sides.map((s) => [s.kind, s.labelVi, s.organization])).toEqual([
      ["guest", "Sở Tư pháp", null],
      ["host", "Ban Dân vận", null],
    ]);
    // With a host organization, the host side is that organization's.
    const withHost = await createEvent(db, actor, buildEventInput({ kind: "meeting", hostOrganizationId: host.id }));
    const chair = await createDignitary(db, actor, withHost.id, person("Phạm Chủ Trì", ["Bí thư"], "host", "Tỉnh ủy"));
    expect(chair.side).toBe("host");
    expect((await loadCeremony(db, withHost.id)).sides.map((s) => [s.kind, s.organization?.id])).toEqual([["host", host.id]]);
  });
});
