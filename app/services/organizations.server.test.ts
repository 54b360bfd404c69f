import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createUser } from "#db/factories";
import { testDatabase } from "#db/testing";
import { listAudit } from "~/models/audit.server";
import { listOrganizations } from "~/models/organizations.server";
import { ServiceError } from "./errors";
import { createOrganization, quickAddOrganization } from "./organizations.server";

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
