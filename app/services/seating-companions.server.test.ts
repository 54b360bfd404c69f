import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { buildDignitaryInput, buildEventInput, createInvitation, createOrganization } from "#db/factories";
import { invitations, seats } from "#db/schema/index";
import { expectServiceError, testDatabaseWithActor } from "#db/testing";
import { listSeats, listSeatsOfInvitations } from "~/models/seating.server";
import { setCompanions } from "./delegation.server";
import { createDignitary } from "./dignitaries.server";
import { createEvent } from "./events.server";
import type { Actor } from "~/domain/access/permissions";
import { assignSeat, createTable, loadSeating, proposeSeating } from "./seating.server";

const startsAt = new Date("2031-04-10T07:00:00Z");
const endsAt = new Date("2031-04-10T09:00:00Z");
const now = new Date("2031-04-01T03:00:00Z");

const dignitary = (name: string, positions: string[], side: "host" | "guest") => buildDignitaryInput(name, positions, side);

describe("companions in the seating plan", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;

  beforeAll(async () => ({ database, db, actor } = await testDatabaseWithActor({ name: "Cán bộ lễ tân" })));
  afterAll(() => database.close());

  async function ceremony() {
    const host = await createOrganization(db, { nameVi: `Sở Ngoại vụ ${Math.random().toString(36).slice(2, 7)}` });
    const event = await createEvent(db, actor, buildEventInput({ kind: "signing_ceremony", hostOrganizationId: host.id, startsAt, endsAt, status: "scheduled" }));
    const chief = await createDignitary(db, actor, event.id, dignitary("Trần Văn Giám", ["Giám đốc Sở Ngoại vụ"], "host"));
    await db.update(invitations).set({ status: "accepted", plusOnes: 1 }).where(eq(invitations.id, chief.invitationId));
    await setCompanions(db, { invitationId: chief.invitationId, names: ["Lê Thư Ký"] }, now);
    const { invitation: guest } = await createInvitation(db, { eventId: event.id, plusOnes: 2, status: "accepted" });
    await setCompanions(db, { invitationId: guest.id, names: ["Nguyễn Văn An", "Trần Thị Bình"] }, now);
    const presidium = await createTable(db, actor, event.id, { name: "Đoàn chủ tịch", kind: "presidium", seatCount: 1, mode: "centre-out", secondTo: "right" });
    const row = await createTable(db, actor, event.id, { name: "Hàng 1", kind: "row", seatCount: 6, mode: "left-to-right", secondTo: "right" });
    return { event, chief, guest, presidium, row };
  }

  it("proposes each companion a seat in the guest rows right after who brings them, named after them", async () => {
    const { event, chief, guest, presidium, row } = await ceremony();
    await proposeSeating(db, actor, event.id);
    const view = await loadSeating(db, event.id);
    const holders = (tableId: string) => view.tables.find((t) => t.id === tableId)!.seats.map((s) => s.invitationId);
    expect(holders(presidium)).toEqual([chief.invitationId]);
    // The chief sits at the presidium: his companion leads the guest rows; the guest's two follow the guest.
    expect(holders(row)).toEqual([`${chief.invitationId}:1`, guest.id, `${guest.id}:1`, `${guest.id}:2`, null, null]);
    expect(view.companionOptions.map((c) => c.label)).toEqual(["Lê Thư Ký", "Nguyễn Văn An", "Trần Thị Bình"]);
    expect(view.companionOf[`${chief.invitationId}:1`]).toEqual({ name: "Lê Thư Ký", host: "ông Trần Văn Giám" });
    expect(view.unseated).toEqual([]);
    // The stored rows: the invitation and the companion index.
    const stored = (await listSeats(db, event.id)).filter((s) => s.tableId === row);
    expect(stored.map((s) => [s.invitationId, s.companionIndex])).toEqual([
      [chief.invitationId, 1],
      [guest.id, 0],
      [guest.id, 1],
      [guest.id, 2],
    ]);
    // The door's "where do I sit" names the invitee's own seat, not a companion's.
    expect(await listSeatsOfInvitations(db, [guest.id])).toEqual([{ invitationId: guest.id, tableName: "Hàng 1", seatIndex: 1 }]);
  });

  it("lists unseated companions, seats and swaps them by hand, and refuses one the invitee does not bring", async () => {
    const { event, guest, row } = await ceremony();
    expect((await loadSeating(db, event.id)).unseated).toContain(`${guest.id}:2`);
    await assignSeat(db, event.id, { tableId: row, seatIndex: 0, invitationId: guest.id });
    await assignSeat(db, event.id, { tableId: row, seatIndex: 5, invitationId: `${guest.id}:2` });
    // A move onto an occupied seat swaps the two.
    await assignSeat(db, event.id, { tableId: row, seatIndex: 0, invitationId: `${guest.id}:2`, from: { tableId: row, seatIndex: 5 } });
    const seated = (await loadSeating(db, event.id)).tables.find((t) => t.id === row)!.seats;
    expect(seated[0]!.invitationId).toBe(`${guest.id}:2`);
    expect(seated[5]!.invitationId).toBe(guest.id);
    await expectServiceError(assignSeat(db, event.id, { tableId: row, seatIndex: 1, invitationId: `${guest.id}:3` }), "invalid", "protocol.errors.noSuchCompanion");
  });

  it("frees a companion's seat when the invitee names fewer (a reserved seat stays reserved, empty)", async () => {
    const { event, guest, row } = await ceremony();
    await assignSeat(db, event.id, { tableId: row, seatIndex: 2, invitationId: `${guest.id}:1` });
    await assignSeat(db, event.id, { tableId: row, seatIndex: 3, invitationId: `${guest.id}:2` });
    await db.update(seats).set({ reserved: true }).where(and(eq(seats.tableId, row), eq(seats.seatIndex, 3)));
    await setCompanions(db, { invitationId: guest.id, names: ["Nguyễn Văn An"] }, now);
    const stored = (await listSeats(db, event.id)).filter((s) => s.tableId === row);
    expect(stored.map((s) => [s.seatIndex, s.invitationId, s.companionIndex, s.reserved])).toEqual([
      [2, guest.id, 1, false],
      [3, null, 0, true],
    ]);
    const view = await loadSeating(db, event.id);
    expect(view.companionOptions.map((c) => c.invitationId)).toEqual([`${view.dignitaries[0]!.invitationId}:1`, `${guest.id}:1`]);
  });
});
