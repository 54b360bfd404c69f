import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { testDatabase } from "#db/testing";
import { createEvent, createInvitation, createUser } from "#db/factories";
import { listAudit } from "~/models/audit.server";
import { getOrganization, listOrganizations } from "~/models/organizations.server";
import { ServiceError } from "~/utils/errors";
import { createOrganization, deleteOrganization, OrganizationInUseError, quickAddOrganization, updateOrganization } from "./organizations.server";

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
});
afterAll(() => database.close());

const org = (nameVi: string, parentId: string | null = null) => ({ nameVi, nameEn: null, shortName: null, parentId });

describe("createOrganization", () => {
  it("creates an organization under an existing parent and audits it", async () => {
    const parent = await createOrganization(db, null, {
      nameVi: "Ủy ban nhân dân tỉnh Thái Bình",
      nameEn: "Thái Bình Provincial People's Committee",
      shortName: "UBND tỉnh",
      parentId: null,
    });
    const child = await createOrganization(db, null, org("Sở Tài chính", parent.id));
    expect(child).toEqual({ id: expect.any(String), nameVi: "Sở Tài chính", nameEn: null, shortName: null, parentId: parent.id });
    const audit = await listAudit(db);
    expect(audit.find((a) => a.entityId === child.id)).toMatchObject({
      action: "organization.create",
      entityType: "organization",
      details: { nameVi: "Sở Tài chính" },
    });
  });

  it("refuses the same Vietnamese name in another case as a conflict on nameVi", async () => {
    await createOrganization(db, null, org("Sở Giáo dục và Đào tạo"));
    for (const name of ["sở giáo dục và đào tạo", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"]) {
      const attempt = createOrganization(db, null, org(name));
      await expect(attempt).rejects.toBeInstanceOf(ServiceError);
      await expect(attempt).rejects.toMatchObject({
        code: "conflict",
        fields: { nameVi: "errors.duplicateOrganization" },
      });
    }
    const same = (await listOrganizations(db)).filter((o) => o.nameVi.toLowerCase() === "sở giáo dục và đào tạo");
    expect(same).toHaveLength(1);
  });

  it("refuses an unknown parent as invalid on parentId", async () => {
    const before = (await listOrganizations(db)).length;
    const attempt = createOrganization(db, null, org("Phòng Giáo dục huyện Vũ Thư", randomUUID()));
    await expect(attempt).rejects.toBeInstanceOf(ServiceError);
    await expect(attempt).rejects.toMatchObject({ code: "invalid", fields: { parentId: "errors.unknownOrganization" } });
    expect(await listOrganizations(db)).toHaveLength(before);
  });

  it("lets exactly one of two simultaneous creations of the same name win; the other gets the conflict", async () => {
    for (const [a, b] of [
      ["Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy"],
      ["Đài Phát thanh và Truyền hình", "đài phát thanh và truyền hình"],
    ] as const) {
      const results = await Promise.allSettled([
        createOrganization(db, null, org(a)),
        createOrganization(db, null, org(b)),
      ]);
      const fulfilled = results.filter((r) => r.status === "fulfilled");
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason).toBeInstanceOf(ServiceError);
      expect(rejected[0]!.reason).toMatchObject({ code: "conflict", fields: { nameVi: "errors.duplicateOrganization" } });
      const stored = (await listOrganizations(db)).filter((o) => o.nameVi.toLowerCase() === a.toLowerCase());
      expect(stored).toHaveLength(1);
    }
  });
});

describe("updateOrganization", () => {
  it("corrects a typo; events that use it show the new name; the change is audited", async () => {
    const user = await createUser(db, { name: "Cán bộ sửa tên" });
    const actor = { id: user.id, name: user.name };
    const typo = await createOrganization(db, null, org("Sở Giáo dục và Đào tọa tỉnh Nam Định"));
    const event = await createEvent(db, actor, { hostOrganizationId: typo.id });
    const saved = await updateOrganization(db, actor, typo.id, {
      nameVi: "Sở Giáo dục và Đào tạo tỉnh Nam Định",
      nameEn: "Nam Định Department of Education and Training",
      shortName: "Sở GD&ĐT",
      parentId: null,
    });
    expect(saved).toEqual({
      id: typo.id,
      nameVi: "Sở Giáo dục và Đào tạo tỉnh Nam Định",
      nameEn: "Nam Định Department of Education and Training",
      shortName: "Sở GD&ĐT",
      parentId: null,
    });
    expect(await getOrganization(db, typo.id)).toEqual(saved);
    expect(event.hostOrganizationId).toBe(typo.id);
    const entry = (await listAudit(db)).find((a) => a.entityId === typo.id && a.action === "organization.update");
    expect(entry).toMatchObject({
      actorName: "Cán bộ sửa tên",
      details: { nameVi: "Sở Giáo dục và Đào tạo tỉnh Nam Định", previousNameVi: "Sở Giáo dục và Đào tọa tỉnh Nam Định", changed: ["nameVi", "nameEn", "shortName"] },
    });
  });

  it("keeps its own name in another case, refuses another organization's name", async () => {
    const a = await createOrganization(db, null, org("Sở Nội vụ tỉnh Hà Nam"));
    await createOrganization(db, null, org("Sở Ngoại vụ tỉnh Hà Nam"));
    expect((await updateOrganization(db, null, a.id, org("SỞ NỘI VỤ tỉnh Hà Nam"))).nameVi).toBe("SỞ NỘI VỤ tỉnh Hà Nam");
    await expect(updateOrganization(db, null, a.id, org("sở ngoại vụ tỉnh hà nam"))).rejects.toMatchObject({
      code: "conflict",
      fields: { nameVi: "errors.duplicateOrganization" },
    });
    expect((await getOrganization(db, a.id))?.nameVi).toBe("SỞ NỘI VỤ tỉnh Hà Nam");
  });

  it("refuses itself, one of its descendants or an unknown organization as parent; unknown id is not found", async () => {
    const top = await createOrganization(db, null, org("Tỉnh ủy Hà Nam"));
    const middle = await createOrganization(db, null, org("Ban Dân vận Tỉnh ủy Hà Nam", top.id));
    const bottom = await createOrganization(db, null, org("Phòng Dân tộc Ban Dân vận Hà Nam", middle.id));
    await expect(updateOrganization(db, null, top.id, org(top.nameVi, top.id))).rejects.toMatchObject({
      code: "invalid",
      fields: { parentId: "orgs.errors.parentSelf" },
    });
    await expect(updateOrganization(db, null, top.id, org(top.nameVi, bottom.id))).rejects.toMatchObject({
      code: "invalid",
      fields: { parentId: "orgs.errors.parentCycle" },
    });
    await expect(updateOrganization(db, null, top.id, org(top.nameVi, randomUUID()))).rejects.toMatchObject({
      code: "invalid",
      fields: { parentId: "errors.unknownOrganization" },
    });
    expect((await getOrganization(db, top.id))?.parentId).toBeNull();
    // Moving a leaf under another branch is fine.
    expect((await updateOrganization(db, null, bottom.id, org(bottom.nameVi, top.id))).parentId).toBe(top.id);
    await expect(updateOrganization(db, null, randomUUID(), org("Không có"))).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("deleteOrganization", () => {
  it("deletes an unused organization and audits it", async () => {
    const unused = await createOrganization(db, null, org("Hội Sinh vật cảnh tỉnh Hà Nam"));
    expect(await deleteOrganization(db, null, unused.id)).toMatchObject({ id: unused.id });
    expect(await getOrganization(db, unused.id)).toBeNull();
    expect((await listAudit(db)).find((a) => a.entityId === unused.id && a.action === "organization.delete")).toMatchObject({
      details: { nameVi: "Hội Sinh vật cảnh tỉnh Hà Nam" },
    });
    await expect(deleteOrganization(db, null, unused.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses an organization in use, naming the events, the child organization, people and dignitaries", async () => {
    const user = await createUser(db);
    const actor = { id: user.id, name: user.name };
    const used = await createOrganization(db, null, { nameVi: "Sở Tư pháp tỉnh Hà Nam", nameEn: null, shortName: "STP", parentId: null });
    const other = await createOrganization(db, null, org("Sở Công Thương tỉnh Hà Nam"));
    await createOrganization(db, null, org("Phòng Phổ biến pháp luật", used.id));
    const hosted = await createEvent(db, actor, { title: "Hội nghị tuyên truyền pháp luật", hostOrganizationId: used.id });
    await createEvent(db, actor, { title: "Hội thảo phối hợp", hostOrganizationId: other.id, partnerOrganizationIds: [used.id] });
    await createEvent(db, actor, {
      title: "Lễ ký kết quy chế phối hợp",
      kind: "signing_ceremony",
      documents: [
        { kind: "regulation", title: "Quy chế phối hợp", titleEn: null, periodStart: null, periodEnd: null, aims: null, partyIds: [other.id, used.id], originals: null, languages: [] },
      ],
    });
    await createInvitation(db, { eventId: hosted.id, person: { organization: "sở tư pháp tỉnh hà nam" } });
    await createInvitation(db, { eventId: hosted.id, person: { organization: "STP" } });
    await createInvitation(db, { eventId: hosted.id, person: { organization: "Sở Tư pháp tỉnh Nam Định" } });

    const attempt = deleteOrganization(db, null, used.id);
    await expect(attempt).rejects.toBeInstanceOf(OrganizationInUseError);
    const error = (await attempt.catch((e: unknown) => e)) as OrganizationInUseError;
    expect(error).toMatchObject({ code: "conflict", message: "orgs.errors.inUse" });
    expect(error.usage).toEqual({
      host: { total: 1, events: [{ id: hosted.id, title: "Hội nghị tuyên truyền pháp luật" }] },
      // A party to a document is a side of its ceremony too.
      partner: {
        total: 2,
        events: expect.arrayContaining([
          { id: expect.any(String), title: "Hội thảo phối hợp" },
          { id: expect.any(String), title: "Lễ ký kết quy chế phối hợp" },
        ]),
      },
      agreementParty: { total: 1, events: [{ id: expect.any(String), title: "Lễ ký kết quy chế phối hợp" }] },
      children: { total: 1, organizations: [{ id: expect.any(String), nameVi: "Phòng Phổ biến pháp luật" }] },
      people: 2,
      dignitaries: 0,
    });
    expect(await getOrganization(db, used.id)).not.toBeNull();
  });
});

describe("quickAddOrganization (the event form's '+ Thêm cơ quan, đơn vị')", () => {
  let actor: { id: string; name: string };
  beforeAll(async () => {
    const user = await createUser(db, { name: "Người thêm nhanh" });
    actor = { id: user.id, name: user.name };
  });
  it("creates the organization from its Vietnamese name", async () => {
    const name = `Hội Khuyến học tỉnh ${randomUUID().slice(0, 8)}`;
    const added = await quickAddOrganization(db, actor, `  ${name}  `);
    expect(added).toEqual({ organization: expect.objectContaining({ nameVi: name, nameEn: null }), error: null });
    expect((await listOrganizations(db)).map((o) => o.nameVi)).toContain(name);
  });
  it("answers why not, as the form shows it, and creates nothing", async () => {
    const before = (await listOrganizations(db)).length;
    expect(await quickAddOrganization(db, actor, "   ")).toEqual({ organization: null, error: "errors.required" });
    expect(await quickAddOrganization(db, actor, "x".repeat(301))).toEqual({ organization: null, error: "errors.tooLong?max=300" });
    expect(await quickAddOrganization(db, actor, undefined)).toEqual({ organization: null, error: "errors.required" });
    const taken = (await listOrganizations(db))[0]!.nameVi;
    expect(await quickAddOrganization(db, actor, taken.toUpperCase())).toEqual({ organization: null, error: "errors.duplicateOrganization" });
    expect((await listOrganizations(db)).length).toBe(before);
  });
});
