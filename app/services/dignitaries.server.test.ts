import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createInvitation, createOrganization, createUser } from "#db/factories";
import { dignitaries, invitations, people } from "#db/schema/index";
import { expectServiceError, testDatabaseWithActor } from "#db/testing";
import type { DignitaryInput } from "~/domain/protocol/dignitary.schema";
import { precedenceReasonIn } from "~/domain/protocol/reason-text";
import { listAudit } from "~/models/audit.server";
import {
  createDignitary,
  loadPrecedence,
  markInvitationAsDignitary,
  removeDignitary,
  resetToProposedOrder,
  saveManualOrder,
  setEqualsFirst,
  updateDignitary,
} from "./dignitaries.server";
import { cancelEvent } from "./events.server";
import type { Actor } from "~/domain/access/permissions";

const CHUYEN = ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"];

function input(overrides: Partial<DignitaryInput> = {}): DignitaryInput {
  return {
    honorific: "đồng chí",
    name: "Nguyễn Hồng Chuyên",
    positions: CHUYEN,
    organization: "Ban Tuyên giáo Tỉnh ủy",
    delegation: "Về phía Tỉnh ủy",
    side: null,
    arrivalAt: null,
    escortUserId: null,
    notes: null,
    email: null,
    fullAddressOverride: null,
    shortAddressOverride: null,
    englishAddressOverride: null,
    ...overrides,
  };
}

describe("dignitaries and precedence", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;

  beforeAll(async () => ({ database, db, actor } = await testDatabaseWithActor({ name: "Cán bộ tổ chức" })));
  afterAll(() => database.close());

  const order = async (eventId: string) => (await loadPrecedence(db, eventId)).dignitaries.map((d) => d.name);

  it("creates the person and an invitation with the role dignitary, and reuses the person on another event", async () => {
    const first = await createEvent(db, actor);
    const second = await createEvent(db, actor);
    const a = await createDignitary(db, actor, first.id, input({ email: "Chuyen@ThaiBinh.gov.vn" }));
    expect(a.place).toBe(1);
    expect(a.address.full).toBe("Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy");
    expect(a.address.short).toBe("Đồng chí Nguyễn Hồng Chuyên");
    const [invitation] = await db.select().from(invitations).where(eq(invitations.id, a.invitationId));
    expect(invitation).toMatchObject({ eventId: first.id, role: "dignitary" });

    const b = await createDignitary(db, actor, second.id, input({ email: "chuyen@thaibinh.gov.vn", positions: ["Bí thư Tỉnh ủy"] }));
    expect(b.personId).toBe(a.personId);
    // The snapshot is per event: the first event keeps the positions held then.
    expect((await loadPrecedence(db, first.id)).dignitaries[0]!.positions).toEqual(CHUYEN);

    // Without email: the same folded name and organization is the same person.
    const c = await createDignitary(db, actor, (await createEvent(db, actor)).id, input({ name: "NGUYEN HONG CHUYEN", organization: "ban tuyên giáo tỉnh ủy" }));
    const samePeople = await db.select({ n: count() }).from(people).where(eq(people.nameSearch, "nguyen hong chuyen"));
    expect(samePeople[0]?.n).toBe(1);
    expect(c.personId).toBe(a.personId);
  });

  it("reuses an existing invitation, and refuses to add the same dignitary twice", async () => {
    const event = await createEvent(db, actor);
    const { invitation, person } = await createInvitation(db, {
      eventId: event.id,
      person: { fullName: "Trần Văn Khách", email: "khach.reuse@signet.test", organization: "Sở Y tế" },
    });
    const d = await createDignitary(db, actor, event.id, input({ name: "Trần Văn Khách", email: "khach.reuse@signet.test", positions: [] }));
    expect(d.invitationId).toBe(invitation.id);
    expect(d.personId).toBe(person.id);
    const [after] = await db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(after?.role).toBe("dignitary");
    await expectServiceError(
      createDignitary(db, actor, event.id, input({ name: "Trần Văn Khách", email: "khach.reuse@signet.test" })),
      "conflict",
      "protocol.errors.alreadyDignitary",
    );
  });

  it("marks an existing invitation as a dignitary from the directory's data", async () => {
    const event = await createEvent(db, actor);
    const { invitation } = await createInvitation(db, {
      eventId: event.id,
      person: { honorific: "bà", fullName: "Lê Thị Hoa", positions: ["Giám đốc Sở Y tế"], organization: "Sở Y tế" },
    });
    const d = await markInvitationAsDignitary(db, actor, event.id, invitation.id);
    expect(d).toMatchObject({ name: "Lê Thị Hoa", positions: ["Giám đốc Sở Y tế"], honorific: "bà", invitationId: invitation.id });
    await expectServiceError(markInvitationAsDignitary(db, actor, event.id, invitation.id), "conflict", "protocol.errors.alreadyDignitary");
    const other = await createEvent(db, actor);
    await expectServiceError(markInvitationAsDignitary(db, actor, other.id, invitation.id), "not_found");
  });

  it("proposes the order from the position table, with a reason for each place", async () => {
    const event = await createEvent(db, actor);
    await createDignitary(db, actor, event.id, input());
    await createDignitary(db, actor, event.id, input({ name: "Ngô Đức Bí", positions: ["Bí thư Tỉnh ủy"], organization: "Tỉnh ủy Thái Bình" }));
    await createDignitary(db, actor, event.id, input({ name: "Khách Lạ", positions: ["Cố vấn danh dự"], organization: "Hội Khuyến học" }));
    const view = await loadPrecedence(db, event.id);
    expect(view.manual).toBe(false);
    expect(view.dignitaries.map((d) => [d.name, d.place])).toEqual([
      ["Ngô Đức Bí", 1],
      ["Nguyễn Hồng Chuyên", 2],
      ["Khách Lạ", 3],
    ]);
    const reasons = view.dignitaries.map((d) => precedenceReasonIn("vi", d, d.positions.length, "guests"));
    expect(reasons).toEqual([
      "Bí thư Tỉnh ủy — hạng 100",
      "Ủy viên Ban Thường vụ Tỉnh ủy — hạng 130",
      "chức vụ chưa có trong bảng — xếp sau, theo thứ tự nhập",
    ]);
  });

  it("saves a hand-made order, refuses a stale one as a contradictory edit, and resets to the proposal", async () => {
    const event = await createEvent(db, actor);
    await createDignitary(db, actor, event.id, input());
    await createDignitary(db, actor, event.id, input({ name: "Ngô Đức Bí", positions: ["Bí thư Tỉnh ủy"] }));
    const loaded = await loadPrecedence(db, event.id);
    const [bi, chuyen] = loaded.dignitaries.map((d) => d.id);

    // Two people arrange the list they both loaded: the first save wins, the second is refused.
    const saved = await saveManualOrder(db, actor, event.id, [chuyen!, bi!], loaded.version);
    expect(saved.manual).toBe(true);
    expect(saved.dignitaries.map((d) => [d.name, d.moved, d.reason.kind])).toEqual([
      ["Nguyễn Hồng Chuyên", true, "manual"],
      ["Ngô Đức Bí", true, "manual"],
    ]);
    expect(saved.version).not.toBe(loaded.version);
    const stale = await expectServiceError(saveManualOrder(db, actor, event.id, [bi!, chuyen!], loaded.version), "conflict");
    expect(stale.message).toBe("protocol.errors.staleOrder");
    expect(await order(event.id)).toEqual(["Nguyễn Hồng Chuyên", "Ngô Đức Bí"]);

    // A list that does not name exactly the current dignitaries is contradictory too; a repeat is invalid.
    await expectServiceError(saveManualOrder(db, actor, event.id, [bi!], saved.version), "conflict", "protocol.errors.staleOrder");
    await expectServiceError(saveManualOrder(db, actor, event.id, [bi!, bi!], saved.version), "invalid", "protocol.errors.orderDuplicate");

    // Adding someone changes the version: a save from before is refused.
    await createDignitary(db, actor, event.id, input({ name: "Phạm Văn Giám", positions: ["Giám đốc Sở Giáo dục và Đào tạo"] }));
    await expectServiceError(saveManualOrder(db, actor, event.id, [bi!, chuyen!], saved.version), "conflict", "protocol.errors.staleOrder");

    const reset = await resetToProposedOrder(db, actor, event.id);
    expect(reset.manual).toBe(false);
    expect(reset.dignitaries.map((d) => d.name)).toEqual(["Ngô Đức Bí", "Nguyễn Hồng Chuyên", "Phạm Văn Giám"]);
    const actions = (await listAudit(db, { eventId: event.id })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["dignitary.create", "dignitary.order", "dignitary.orderReset"]));
  });

  it("two simultaneous saves from the same list: one wins, the other is refused as contradictory", async () => {
    const event = await createEvent(db, actor);
    for (const name of ["Một", "Hai", "Ba"]) await createDignitary(db, actor, event.id, input({ name, positions: [] }));
    const loaded = await loadPrecedence(db, event.id);
    const ids = loaded.dignitaries.map((d) => d.id);
    const results = await Promise.allSettled([
      saveManualOrder(db, actor, event.id, [ids[2]!, ids[0]!, ids[1]!], loaded.version),
      saveManualOrder(db, actor, event.id, [ids[1]!, ids[2]!, ids[0]!], loaded.version),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(refused.reason).toMatchObject({ code: "conflict", message: "protocol.errors.staleOrder" });
    const winner = results.findIndex((r) => r.status === "fulfilled");
    const expected = winner === 0 ? ["Ba", "Một", "Hai"] : ["Hai", "Ba", "Một"];
    expect(await order(event.id)).toEqual(expected);
  });

  it("places a newcomer in a hand-made order after whoever precedes them in the proposal", async () => {
    const event = await createEvent(db, actor);
    await createDignitary(db, actor, event.id, input({ name: "A Hiệu trưởng", positions: ["Hiệu trưởng"] }));
    await createDignitary(db, actor, event.id, input({ name: "B Giám đốc", positions: ["Giám đốc Sở Y tế"] }));
    const loaded = await loadPrecedence(db, event.id);
    // By hand: the Hiệu trưởng first.
    await saveManualOrder(db, actor, event.id, [...loaded.dignitaries.map((d) => d.id)].reverse(), loaded.version);
    expect(await order(event.id)).toEqual(["A Hiệu trưởng", "B Giám đốc"]);
    // A Bí thư added later is proposed first: nobody precedes them, so they go first, not last.
    await createDignitary(db, actor, event.id, input({ name: "C Bí thư", positions: ["Bí thư Tỉnh ủy"] }));
    // A Phó Giám đốc Sở is proposed after B Giám đốc: they follow B.
    await createDignitary(db, actor, event.id, input({ name: "D Phó Giám đốc", positions: ["Phó Giám đốc Sở Y tế"] }));
    expect(await order(event.id)).toEqual(["C Bí thư", "A Hiệu trưởng", "B Giám đốc", "D Phó Giám đốc"]);
    expect((await loadPrecedence(db, event.id)).manual).toBe(true);
  });

  it("puts someone at an explicit precedence, moving the others down, and refuses a place out of range", async () => {
    const event = await createEvent(db, actor);
    await createDignitary(db, actor, event.id, input({ name: "Ngô Đức Bí", positions: ["Bí thư Tỉnh ủy"] }));
    await createDignitary(db, actor, event.id, input());
    const added = await createDignitary(db, actor, event.id, input({ name: "Khách Danh Dự", positions: [] }), { precedence: 1 });
    expect(added.place).toBe(1);
    expect(await order(event.id)).toEqual(["Khách Danh Dự", "Ngô Đức Bí", "Nguyễn Hồng Chuyên"]);
    expect((await loadPrecedence(db, event.id)).manual).toBe(true);
    const error = await expectServiceError(
      createDignitary(db, actor, event.id, input({ name: "Quá Xa", positions: [] }), { precedence: 9 }),
      "invalid",
    );
    expect(error.fields.precedence).toBe("protocol.errors.precedenceRange?max=4");
    expect(await order(event.id)).toHaveLength(3);

    // PATCH-like: move the Bí thư back to first place.
    const bi = (await loadPrecedence(db, event.id)).dignitaries.find((d) => d.name === "Ngô Đức Bí")!;
    const moved = await updateDignitary(db, actor, event.id, bi.id, { precedence: 1, notes: "Đến sớm" });
    expect(moved).toMatchObject({ place: 1, notes: "Đến sớm" });
    expect(await order(event.id)).toEqual(["Ngô Đức Bí", "Khách Danh Dự", "Nguyễn Hồng Chuyên"]);

    // Removing someone closes the gap and returns their invitation to "guest".
    const removed = await removeDignitary(db, actor, event.id, added.id);
    expect(removed.name).toBe("Khách Danh Dự");
    const view = await loadPrecedence(db, event.id);
    expect(view.dignitaries.map((d) => [d.name, d.place, d.manualPlace])).toEqual([
      ["Ngô Đức Bí", 1, 1],
      ["Nguyễn Hồng Chuyên", 2, 2],
    ]);
    const [invitation] = await db.select().from(invitations).where(eq(invitations.id, added.invitationId));
    expect(invitation?.role).toBe("guest");
    await expectServiceError(removeDignitary(db, actor, event.id, added.id), "not_found");
  });

  it("applies the rule for equal ranks, infers the side from the organization, and keeps overrides", async () => {
    const host = await createOrganization(db, { nameVi: "Sở Nội vụ thử", shortName: "SNV" });
    const partner = await createOrganization(db, { nameVi: "Sở Tài chính thử" });
    const event = await createEvent(db, actor, { hostOrganizationId: host.id, partnerOrganizationIds: [partner.id] });
    const h = await createDignitary(db, actor, event.id, input({ name: "Chủ Nhà", positions: ["Giám đốc Sở Nội vụ"], organization: "snv" }));
    const g = await createDignitary(db, actor, event.id, input({ name: "Khách Mời", positions: ["Giám đốc Sở Tài chính"], organization: "Sở Tài chính thử" }));
    expect([h.side, g.side]).toEqual(["host", "guest"]);
    expect(await order(event.id)).toEqual(["Khách Mời", "Chủ Nhà"]);
    const hostsFirst = await setEqualsFirst(db, actor, event.id, "hosts");
    expect(hostsFirst.dignitaries.map((d) => [d.name, d.tieBreak])).toEqual([
      ["Chủ Nhà", null],
      ["Khách Mời", "side"],
    ]);
    const edited = await updateDignitary(db, actor, event.id, h.id, { shortAddressOverride: "Ông Chủ Nhà" });
    expect(edited.address.short).toBe("Ông Chủ Nhà");
    expect(edited.generated.short).toBe("Đồng chí Chủ Nhà");
  });

  it("refuses an unknown escort and any change to a cancelled event", async () => {
    const event = await createEvent(db, actor, { status: "scheduled" });
    const error = await expectServiceError(
      createDignitary(db, actor, event.id, input({ escortUserId: "00000000-0000-4000-8000-000000000000" })),
      "invalid",
    );
    expect(error.fields.escortUserId).toBe("protocol.errors.escortUnknown");
    const escort = await createUser(db, { name: "Người Đón" });
    const ok = await createDignitary(db, actor, event.id, input({ escortUserId: escort.id, arrivalAt: new Date("2031-04-10T01:00:00Z") }));
    expect(ok.escortName).toBe("Người Đón");
    await cancelEvent(db, actor, event.id);
    await expectServiceError(createDignitary(db, actor, event.id, input({ name: "Muộn" })), "conflict", "protocol.errors.cancelled");
    expect(await db.select({ n: count() }).from(dignitaries).where(eq(dignitaries.eventId, event.id))).toEqual([{ n: 1 }]);
  });
});
