/**
 * The ceremony data migration (0009_ceremony_data.sql): an event stored with the single agreement of before
 * (agreements, agreement_parties, agreement_signatories, event_partners, dignitaries.side) comes out as sides,
 * a document with its parties in signing order, signatory roles, dignitaries on their sides and the signing item
 * pointing at the document. Runs on an empty database of the project's driver, migrated to 0005 first.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newPGlite, migrationsFolder } from "./client.server";
import { adminConnection, randomSuffix, testDriver, withDatabaseName } from "./testing";

interface Runner {
  query(text: string): Promise<Record<string, unknown>[]>;
  /** Several statements, no results. */
  exec(text: string): Promise<void>;
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

async function emptyDatabase(): Promise<Runner> {
  if (testDriver() === "pglite") {
    const pg = newPGlite();
    await pg.waitReady;
    return {
      query: async (text) => (await pg.query<Record<string, unknown>>(text)).rows,
      exec: async (text) => {
        await pg.exec(text);
      },
      migrate: (folder) => migratePglite(drizzlePglite(pg), { migrationsFolder: folder }),
      close: () => pg.close(),
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("project postgres needs TEST_DATABASE_URL");
  const name = `t_mig_${randomSuffix()}`;
  const admin = adminConnection(url);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end({ timeout: 5 });
  const client = postgres(withDatabaseName(url, name), { max: 1, onnotice: () => {} });
  return {
    query: async (text) => [...(await client.unsafe(text))] as Record<string, unknown>[],
    exec: async (text) => {
      await client.unsafe(text).simple();
    },
    migrate: (folder) => migratePostgres(drizzlePostgres(client), { migrationsFolder: folder }),
    close: async () => {
      await client.end({ timeout: 5 });
      const dropper = adminConnection(url);
      await dropper.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end({ timeout: 5 });
    },
  };
}

/** A copy of the migrations folder whose journal stops after `lastTag`. */
async function migrationsUpTo(lastTag: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "signet-migrations-"));
  await cp(migrationsFolder, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(await readFile(journalPath, "utf8")) as { entries: { tag: string }[] };
  const end = journal.entries.findIndex((e) => e.tag === lastTag);
  journal.entries = journal.entries.slice(0, end + 1);
  await writeFile(journalPath, JSON.stringify(journal));
  return dir;
}

describe("the ceremony data migration", () => {
  let runner: Runner;
  let partial: string;
  beforeAll(async () => {
    runner = await emptyDatabase();
    partial = await migrationsUpTo("0005_press_several_per_language");
    await runner.migrate(partial);
  });
  afterAll(async () => {
    await runner.close();
    await rm(partial, { recursive: true, force: true });
  });

  it("moves the agreement, its parties, signatories, partners and dignitaries' sides into the new tables", async () => {
    const ids = {
      host: "00000000-0000-4000-8000-000000000001",
      partner: "00000000-0000-4000-8000-000000000002",
      third: "00000000-0000-4000-8000-000000000003",
      event: "00000000-0000-4000-8000-0000000000e1",
      plain: "00000000-0000-4000-8000-0000000000e2",
      person1: "00000000-0000-4000-8000-0000000000a1",
      person2: "00000000-0000-4000-8000-0000000000a2",
      inv1: "00000000-0000-4000-8000-0000000000b1",
      inv2: "00000000-0000-4000-8000-0000000000b2",
      dig1: "00000000-0000-4000-8000-0000000000c1",
      dig2: "00000000-0000-4000-8000-0000000000c2",
    };
    const at = "'2017-10-19T07:00:00Z'";
    await runner.exec(`
      insert into organizations (id, name_vi) values
        ('${ids.host}', 'Ban Tuyên giáo Tỉnh ủy'), ('${ids.partner}', 'Sở Giáo dục và Đào tạo'), ('${ids.third}', 'Sở Tư pháp');
      insert into events (id, title, title_search, kind, starts_at, ends_at, host_organization_id, calendar_uid) values
        ('${ids.event}', 'Lễ ký kết', 'le ky ket', 'signing_ceremony', ${at}, ${at}::timestamptz + interval '2 hours', '${ids.host}', 'u1'),
        ('${ids.plain}', 'Họp', 'hop', 'meeting', ${at}, ${at}::timestamptz + interval '2 hours', null, 'u2');
      insert into event_partners (event_id, organization_id, position) values ('${ids.event}', '${ids.partner}', 0);
      insert into agreements (event_id, title, period_start, period_end, aims, originals, host_side) values
        ('${ids.event}', 'Chương trình phối hợp công tác giai đoạn 2017 – 2020', 2017, 2020, 'Nâng cao', 2, 'left');
      insert into agreement_parties (event_id, organization_id, position) values
        ('${ids.event}', '${ids.partner}', 0), ('${ids.event}', '${ids.host}', 1), ('${ids.event}', '${ids.third}', 2);
      insert into people (id, full_name, name_search) values ('${ids.person1}', 'Nguyễn Hồng Chuyên', 'nguyen hong chuyen'), ('${ids.person2}', 'Lê Văn Giám', 'le van giam');
      insert into invitations (id, event_id, person_id) values ('${ids.inv1}', '${ids.event}', '${ids.person1}'), ('${ids.inv2}', '${ids.event}', '${ids.person2}');
      insert into dignitaries (id, event_id, invitation_id, name, organization, side) values
        ('${ids.dig1}', '${ids.event}', '${ids.inv1}', 'Nguyễn Hồng Chuyên', 'Ban Tuyên giáo Tỉnh ủy', 'host'),
        ('${ids.dig2}', '${ids.event}', '${ids.inv2}', 'Lê Văn Giám', 'Sở Tư pháp', 'guest');
      insert into agreement_signatories (event_id, organization_id, dignitary_id, signing_order) values
        ('${ids.event}', '${ids.host}', '${ids.dig1}', 1), ('${ids.event}', '${ids.partner}', null, 2), ('${ids.event}', '${ids.third}', '${ids.dig2}', 3);
      insert into agenda_items (event_id, position, starts_at, duration_minutes, title, kind) values
        ('${ids.event}', 0, ${at}, 15, 'Ký kết', 'signing'), ('${ids.event}', 1, ${at}, 15, 'Phát biểu', 'speech');
    `);
    await runner.migrate(migrationsFolder);

    const sides = await runner.query(
      `select s.kind, o.name_vi, s.position from event_sides s join organizations o on o.id = s.organization_id
       where s.event_id = '${ids.event}' order by s.position`,
    );
    expect(sides).toEqual([
      { kind: "host", name_vi: "Ban Tuyên giáo Tỉnh ủy", position: 0 },
      { kind: "guest", name_vi: "Sở Giáo dục và Đào tạo", position: 1 },
      { kind: "guest", name_vi: "Sở Tư pháp", position: 2 },
    ]);
    expect(await runner.query(`select count(*)::int as n from event_sides where event_id = '${ids.plain}'`)).toEqual([{ n: 0 }]);
    const documents = await runner.query(
      `select kind, title, period_start, period_end, aims, originals, languages, host_side, position from event_documents`,
    );
    expect(documents).toEqual([
      {
        kind: "programme",
        title: "Chương trình phối hợp công tác giai đoạn 2017 – 2020",
        period_start: 2017,
        period_end: 2020,
        aims: "Nâng cao",
        originals: 2,
        languages: ["vi"],
        host_side: "left",
        position: 0,
      },
    ]);
    // Parties in the signing order that was set (host 1, partner 2, third 3), not the agreement's stored order.
    const parties = await runner.query(
      `select o.name_vi, p.position from document_parties p join event_sides s on s.id = p.side_id
       join organizations o on o.id = s.organization_id order by p.position`,
    );
    expect(parties).toEqual([
      { name_vi: "Ban Tuyên giáo Tỉnh ủy", position: 0 },
      { name_vi: "Sở Giáo dục và Đào tạo", position: 1 },
      { name_vi: "Sở Tư pháp", position: 2 },
    ]);
    const roles = await runner.query(
      `select r.dignitary_id, r.role, o.name_vi from ceremony_roles r join document_parties p on p.id = r.document_party_id
       join event_sides s on s.id = p.side_id join organizations o on o.id = s.organization_id order by p.position`,
    );
    expect(roles).toEqual([
      { dignitary_id: ids.dig1, role: "signatory", name_vi: "Ban Tuyên giáo Tỉnh ủy" },
      { dignitary_id: ids.dig2, role: "signatory", name_vi: "Sở Tư pháp" },
    ]);
    // The guest joins the guest side of their own organization, not merely the first guest side.
    const people = await runner.query(
      `select d.id, o.name_vi from dignitaries d join event_sides s on s.id = d.side_id
       join organizations o on o.id = s.organization_id order by d.name desc`,
    );
    expect(people).toEqual([
      { id: ids.dig1, name_vi: "Ban Tuyên giáo Tỉnh ủy" },
      { id: ids.dig2, name_vi: "Sở Tư pháp" },
    ]);
    const items = await runner.query(
      `select i.title, d.title as document from agenda_items i left join event_documents d on d.id = i.document_id order by i.position`,
    );
    expect(items).toEqual([
      { title: "Ký kết", document: "Chương trình phối hợp công tác giai đoạn 2017 – 2020" },
      { title: "Phát biểu", document: null },
    ]);
    const old = await runner.query(
      `select table_name from information_schema.tables where table_name in ('agreements', 'agreement_parties', 'agreement_signatories', 'event_partners')`,
    );
    expect(old).toEqual([]);
  });
});
