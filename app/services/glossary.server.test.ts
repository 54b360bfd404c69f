import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { testDatabase } from "#db/testing";
import { createUser } from "#db/factories";
import { UNTRANSLATED_EN } from "~/domain/glossary/types";
import { listAudit } from "~/models/audit.server";
import { listGlossaryEntries } from "~/models/glossary.server";
import { addGlossaryEntry, loadGlossary, removeGlossaryEntry } from "./glossary.server";

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
});
afterAll(() => database.close());

describe("the instance's glossary", () => {
  it("adds terms that English outputs then use, replaces one of the same kind and term, and audits", async () => {
    const user = await createUser(db, { role: "admin" });
    const actor = { id: user.id, name: user.name };
    expect((await loadGlossary(db)).positionEn("Giám đốc Học viện Kỹ thuật Quân sự").en).toBe(`Director of the Học viện Kỹ thuật Quân sự ${UNTRANSLATED_EN}`);
    await addGlossaryEntry(db, actor, { kind: "body", vi: "Học viện Kỹ thuật Quân sự", en: "Military Technical Academy" });
    // Same kind and term: the English is replaced, not duplicated.
    const row = await addGlossaryEntry(db, actor, { kind: "body", vi: "Học viện Kỹ thuật Quân sự", en: "Le Quy Don Technical University" });
    expect(await listGlossaryEntries(db)).toHaveLength(1);
    expect((await loadGlossary(db)).positionEn("Giám đốc Học viện Kỹ thuật Quân sự").en).toBe("Director of the Le Quy Don Technical University");
    expect((await listAudit(db, { limit: 10 })).filter((e) => e.action === "glossary.entry.save")).toHaveLength(2);
    await removeGlossaryEntry(db, actor, row.id);
    expect(await listGlossaryEntries(db)).toEqual([]);
  });
});
