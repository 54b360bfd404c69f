import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { testDatabase, testDriver } from "#db/testing";
import type { DignitaryInput } from "~/domain/protocol/dignitary.schema";
import { checkInGuest, type StaffActor } from "./check-in.server";
import { insertSigningTemplate } from "./agenda.server";
import { arrivalsBoard, awaitedDignitaries } from "./arrivals.server";
import { createDignitary } from "./dignitaries.server";
import { dropAbsentFromMcScript, getMcScript, mcPresence } from "./mc-script.server";
import { loadPressFacts, pressAttendance } from "./press-facts.server";

function person(name: string, positions: string[]): DignitaryInput {
  return {
    honorific: "đồng chí",
    name,
    positions,
    organization: null,
    delegation: null,
    side: null,
    arrivalAt: null,
    escortUserId: null,
    notes: null,
    email: null,
    fullAddressOverride: null,
    shortAddressOverride: null,
    englishAddressOverride: null,
  };
}

describe(`arrivals drive the ceremony: press, MC script, board (${testDriver()})`, () => {
  let database: Database;
  let db: Db;
  let actor: StaffActor;
  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const u = await createUser(db, { name: "Tổ chức", role: "organizer" });
    actor = { id: u.id, name: u.name, role: u.role };
  });
  afterAll(() => database.close());

  it("names only the checked-in dignitaries when asked, lists the absent, and is the default after the event", async () => {
    const startsAt = new Date("2031-04-10T07:00:00Z");
    const event = await createEvent(db, actor, { startsAt, endsAt: new Date("2031-04-10T09:00:00Z") });
    const came = await createDignitary(db, actor, event.id, person("Nguyễn Văn Đến", ["Bí thư Tỉnh ủy"]));
    await createDignitary(db, actor, event.id, person("Trần Văn Vắng", ["Chủ tịch UBND tỉnh"]));
    const before = await pressAttendance(db, event.id, new Date("2031-04-10T10:00:00Z"));
    expect(before).toMatchObject({ arrivals: 0, attendedOnlyByDefault: false });

    await checkInGuest(db, actor, event.id, came.invitationId, new Date("2031-04-10T06:55:00Z"));
    const options = { publishedOn: new Date("2031-04-10T12:00:00Z"), byline: null };
    expect((await loadPressFacts(db, event.id, options)).dignitaries.map((d) => d.name).sort()).toEqual(["Nguyễn Văn Đến", "Trần Văn Vắng"]);
    expect((await loadPressFacts(db, event.id, { ...options, attendedOnly: true })).dignitaries.map((d) => d.name)).toEqual(["Nguyễn Văn Đến"]);
    expect(await pressAttendance(db, event.id, new Date("2031-04-10T10:00:00Z"))).toEqual({
      arrivals: 1,
      attendedOnlyByDefault: true,
      absent: ["Đồng chí Trần Văn Vắng"],
    });
    expect((await pressAttendance(db, event.id, new Date("2031-04-10T08:00:00Z"))).attendedOnlyByDefault).toBe(false);
  });

  it("the MC page marks who is present and can drop the introductions of the absent; the board agrees", async () => {
    const event = await createEvent(db, actor, { kind: "signing_ceremony" });
    const came = await createDignitary(db, actor, event.id, person("Nguyễn Văn Có Mặt", ["Bí thư Tỉnh ủy"]));
    await createDignitary(db, actor, event.id, person("Trần Văn Vắng Mặt", ["Chủ tịch UBND tỉnh"]));
    const absentOne = (await loadPressFacts(db, event.id, { publishedOn: new Date(), byline: null })).dignitaries.find((d) => d.name === "Trần Văn Vắng Mặt")!;
    await insertSigningTemplate(db, actor, event.id, "vi");
    // Before the door opens nobody is awaited; after the first arrival, the absent dignitary's seat is.
    expect(await awaitedDignitaries(db, event.id)).toEqual([]);
    await checkInGuest(db, actor, event.id, came.invitationId);
    expect(await awaitedDignitaries(db, event.id)).toEqual([absentOne.invitationId]);
    const presence = await mcPresence(db, event.id);
    expect(presence).toMatchObject({ arrivals: 1, absent: 1 });
    expect(presence.dignitaries.map((d) => [d.address, d.present])).toEqual([
      ["Đồng chí Nguyễn Văn Có Mặt", true],
      ["Đồng chí Trần Văn Vắng Mặt", false],
    ]);
    const before = await getMcScript(db, event.id, "vi");
    expect(before.text).toContain("Trần Văn Vắng Mặt");
    await dropAbsentFromMcScript(db, actor, event.id, "vi", before.version);
    const after = await getMcScript(db, event.id, "vi");
    expect(after.saved).not.toBeNull();
    expect(after.text).toContain("Nguyễn Văn Có Mặt");
    expect(after.text).not.toContain("Trần Văn Vắng Mặt");

    const board = await arrivalsBoard(db, event.id);
    expect(board.dignitaries.map((d) => [d.address, d.principal, !!d.arrivedAt])).toEqual([
      ["Đồng chí Nguyễn Văn Có Mặt", true, true],
      ["Đồng chí Trần Văn Vắng Mặt", true, false],
    ]);
    expect(board.latest.map((a) => a.address)).toEqual(["Đồng chí Nguyễn Văn Có Mặt"]);
  });
});
