import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createInvitation, createUser } from "#db/factories";
import { users } from "#db/schema/index";
import { testDatabaseWithActor } from "#db/testing";
import { agendaAsText } from "~/domain/agenda/agenda-text";
import { listAgenda } from "~/models/agenda.server";
import { listAudit } from "~/models/audit.server";
import {
  addAgendaItem,
  deleteAgendaItem,
  getAgendaView,
  insertSigningTemplate,
  moveAgendaItem,
  reorderAgenda,
  updateAgendaItem,
  type AgendaView,
  type NewAgendaItem,
} from "./agenda.server";
import { ServiceError } from "~/utils/errors";
import { cancelEvent } from "./events.server";
import type { Actor } from "~/domain/access/permissions";

const ZONE = "Asia/Ho_Chi_Minh";
const at = (local: string) => new Date(`2031-04-10T${local}:00+07:00`);
const hhmm = (d: Date) => new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit" }).format(d);
const times = (view: AgendaView) => view.items.map((i) => `${hhmm(i.startsAt)} ${i.title}`);

function newItem(overrides: Partial<NewAgendaItem> = {}): NewAgendaItem {
  return {
    startsAt: null,
    durationMinutes: 10,
    title: "Mục mới",
    kind: "other",
    responsibleUserId: null,
    speakerInvitationId: null,
    place: null,
    notes: null,
    keyPoints: [],
    ...overrides,
  };
}

async function refused(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error("expected a ServiceError");
}

describe("agenda service", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;

  beforeAll(async () => ({ database, db, actor } = await testDatabaseWithActor({ name: "Cán bộ tổ chức" })));
  afterAll(() => database.close());

  const ceremony = () =>
    createEvent(db, actor, { kind: "signing_ceremony", startsAt: at("14:00"), endsAt: at("16:00"), timeZone: ZONE });

  it("inserts the signing ceremony template from the event's start, and replaces an agenda only when confirmed", async () => {
    const event = await ceremony();
    const view = await insertSigningTemplate(db, actor, event.id, "vi");
    expect(times(view)).toEqual([
      "13:45 Đón tiếp đại biểu",
      "14:00 Chào cờ, Quốc ca",
      "14:05 Tuyên bố lý do, giới thiệu đại biểu",
      "14:10 Phát biểu của đại diện cơ quan chủ trì",
      "14:20 Ký kết chương trình phối hợp",
      "14:30 Phát biểu của lãnh đạo",
      "14:45 Chụp ảnh lưu niệm",
      "14:50 Bế mạc",
    ]);
    expect(view.items.map((i) => i.kind)).toEqual(["arrival", "opening", "introduction", "speech", "signing", "speech", "photo", "closing"]);
    // The arrival before the ceremony is not a problem; nothing else is either.
    expect(view.items.flatMap((i) => i.issues)).toEqual([]);

    const notEmpty = await refused(insertSigningTemplate(db, actor, event.id, "en"));
    expect(notEmpty.code).toBe("conflict");
    expect(notEmpty.message).toBe("agenda.template.notEmpty?count=8");

    const stale = await refused(insertSigningTemplate(db, actor, event.id, "en", { replace: true, expected: { agendaVersion: "old" } }));
    expect(stale.message).toBe("agenda.errors.stale");

    const replaced = await insertSigningTemplate(db, actor, event.id, "en", { replace: true, expected: { agendaVersion: view.version } });
    expect(replaced.items).toHaveLength(8);
    expect(replaced.items[0]!.title).toBe("Arrival and reception of guests");
    expect(replaced.version).not.toBe(view.version);
    const audit = await listAudit(db, { eventId: event.id });
    expect(audit.map((a) => a.action)).toContain("agenda.template");
  });

  it("adds items: at the end by default, by start time otherwise, later items moving only as needed", async () => {
    const event = await ceremony();
    await addAgendaItem(db, actor, event.id, newItem({ title: "A", durationMinutes: 30 }));
    await addAgendaItem(db, actor, event.id, newItem({ title: "C", startsAt: at("15:00") }));
    let view = (await addAgendaItem(db, actor, event.id, newItem({ title: "B", durationMinutes: 15 }), { index: 1 })).view;
    expect(times(view)).toEqual(["14:00 A", "14:30 B", "15:00 C"]);
    const { view: after, id } = await addAgendaItem(db, actor, event.id, newItem({ title: "B2", startsAt: at("14:30"), durationMinutes: 40 }));
    expect(times(after)).toEqual(["14:00 A", "14:30 B2", "15:10 B", "15:25 C"]);
    expect(after.items.map((i) => i.id)).toContain(id);
    view = after;
    const rows = await listAgenda(db, event.id);
    expect(rows.map((r) => r.position)).toEqual([0, 1, 2, 3]);
    expect(rows.map((r) => r.title)).toEqual(view.items.map((i) => i.title));
  });

  it("cascades a changed duration to the later items, keeping their gaps; an unchanged save writes nothing", async () => {
    const event = await ceremony();
    let view = await insertSigningTemplate(db, actor, event.id, "vi");
    const speech = view.items[3]!;
    view = await updateAgendaItem(db, actor, event.id, speech.id, { durationMinutes: 25 }, { itemVersion: speech.version });
    expect(times(view).slice(3)).toEqual([
      "14:10 Phát biểu của đại diện cơ quan chủ trì",
      "14:35 Ký kết chương trình phối hợp",
      "14:45 Phát biểu của lãnh đạo",
      "15:00 Chụp ảnh lưu niệm",
      "15:05 Bế mạc",
    ]);
    expect(times(view).slice(0, 3)).toEqual(["13:45 Đón tiếp đại biểu", "14:00 Chào cờ, Quốc ca", "14:05 Tuyên bố lý do, giới thiệu đại biểu"]);
    const same = await updateAgendaItem(db, actor, event.id, speech.id, { durationMinutes: 25, title: speech.title });
    expect(same.version).toBe(view.version);
  });

  it("keeps an item's English title: added, changed, cleared, and audited as a change", async () => {
    const event = await ceremony();
    let view = await addAgendaItem(db, actor, event.id, newItem({ title: "Chụp ảnh lưu niệm", titleEn: "Souvenir photo" })).then((r) => r.view);
    const item = view.items[0]!;
    expect(item.titleEn).toBe("Souvenir photo");
    expect((await addAgendaItem(db, actor, event.id, newItem({ title: "Bế mạc" }))).view.items[1]!.titleEn).toBeNull();
    view = await updateAgendaItem(db, actor, event.id, item.id, { titleEn: "Group photograph" }, { itemVersion: item.version });
    expect(view.items[0]!.titleEn).toBe("Group photograph");
    const audit = await listAudit(db, { eventId: event.id });
    expect(audit.find((a) => a.action === "agenda.item.update")?.details).toMatchObject({ changed: ["titleEn"] });
    view = await updateAgendaItem(db, actor, event.id, item.id, { titleEn: null });
    expect(view.items[0]!.titleEn).toBeNull();
  });

  it("refuses a change based on an outdated item version (409) and changes nothing", async () => {
    const event = await ceremony();
    const view = await insertSigningTemplate(db, actor, event.id, "vi");
    const [first, second] = view.items;
    // Someone lengthens the first item: the second one's time is recalculated, so its version changes.
    await updateAgendaItem(db, actor, event.id, first!.id, { durationMinutes: 20 }, { itemVersion: first!.version });
    const error = await refused(updateAgendaItem(db, actor, event.id, second!.id, { title: "Chào cờ" }, { itemVersion: second!.version }));
    expect(error.code).toBe("conflict");
    expect(error.message).toBe("agenda.errors.staleItem");
    expect((await getAgendaView(db, event.id)).items[1]!.title).toBe("Chào cờ, Quốc ca");
    const deleteError = await refused(deleteAgendaItem(db, actor, event.id, second!.id, { itemVersion: second!.version }));
    expect(deleteError.message).toBe("agenda.errors.staleItem");
  });

  it("flags an overlap (not refused) after an item's start moves before the previous one ends", async () => {
    const event = await ceremony();
    const view = await insertSigningTemplate(db, actor, event.id, "vi");
    const signing = view.items[4]!;
    const after = await updateAgendaItem(db, actor, event.id, signing.id, { startsAt: at("14:15") });
    const speech = after.items[3]!;
    expect(after.items[4]!.issues).toEqual([{ kind: "overlap", withId: speech.id }]);
    expect(speech.issues).toEqual([{ kind: "overlap", withId: signing.id }]);
    // Items after it follow it (their gap kept): no overlap further down.
    expect(after.items.slice(5).flatMap((i) => i.issues)).toEqual([]);
    const late = await updateAgendaItem(db, actor, event.id, after.items[7]!.id, { durationMinutes: 120 });
    expect(late.items[7]!.issues).toEqual([{ kind: "pastEventEnd" }]);
  });

  it("reorders (drag and drop) and moves up/down, laying the agenda out back to back; refuses a stale order", async () => {
    const event = await ceremony();
    const view = await insertSigningTemplate(db, actor, event.id, "vi");
    const ids = view.items.map((i) => i.id);
    const order = [ids[0]!, ids[1]!, ids[2]!, ids[4]!, ids[3]!, ...ids.slice(5)];
    const reordered = await reorderAgenda(db, actor, event.id, order, { agendaVersion: view.version });
    expect(reordered.items.map((i) => i.id)).toEqual(order);
    expect(times(reordered).slice(3, 5)).toEqual(["14:10 Ký kết chương trình phối hợp", "14:20 Phát biểu của đại diện cơ quan chủ trì"]);

    const stale = await refused(reorderAgenda(db, actor, event.id, ids, { agendaVersion: view.version }));
    expect(stale.message).toBe("agenda.errors.stale");
    const mismatch = await refused(reorderAgenda(db, actor, event.id, ids.slice(1), { agendaVersion: reordered.version }));
    expect(mismatch.message).toBe("agenda.errors.orderMismatch");

    const moved = await moveAgendaItem(db, actor, event.id, ids[3]!, "up", { agendaVersion: reordered.version });
    expect(moved.items.map((i) => i.id)).toEqual(ids);
    const top = await moveAgendaItem(db, actor, event.id, ids[0]!, "up", { agendaVersion: moved.version });
    expect(top.version).toBe(moved.version);
    const staleMove = await refused(moveAgendaItem(db, actor, event.id, ids[2]!, "down", { agendaVersion: reordered.version }));
    expect(staleMove.message).toBe("agenda.errors.stale");
  });

  it("accepts only a speaker invited to this event, and only an active responsible staff member", async () => {
    const event = await ceremony();
    const other = await ceremony();
    const invited = await createInvitation(db, {
      eventId: event.id,
      person: { honorific: "đồng chí", fullName: "Nguyễn Hồng Chuyên", positions: ["Trưởng ban Tuyên giáo Tỉnh ủy"] },
      role: "speaker",
    });
    const elsewhere = await createInvitation(db, { eventId: other.id });
    const withdrawn = await createInvitation(db, { eventId: event.id, withdrawnAt: new Date() });

    for (const speakerInvitationId of [elsewhere.invitation.id, withdrawn.invitation.id, "00000000-0000-4000-8000-000000000000"]) {
      const error = await refused(addAgendaItem(db, actor, event.id, newItem({ kind: "speech", speakerInvitationId })));
      expect(error.code).toBe("invalid");
      expect(error.fields).toEqual({ speakerInvitationId: "agenda.errors.speakerNotInvited" });
    }
    expect((await getAgendaView(db, event.id)).items).toHaveLength(0);

    const { view, id } = await addAgendaItem(
      db,
      actor,
      event.id,
      newItem({ kind: "speech", speakerInvitationId: invited.invitation.id, keyPoints: ["Ý một", "Ý hai"] }),
    );
    expect(view.items[0]).toMatchObject({ id, speakerInvitationId: invited.invitation.id, keyPoints: ["Ý một", "Ý hai"] });

    const deactivated = await createUser(db);
    await db.update(users).set({ active: false }).where(eq(users.id, deactivated.id));
    const error = await refused(updateAgendaItem(db, actor, event.id, id, { responsibleUserId: deactivated.id }));
    expect(error.fields).toEqual({ responsibleUserId: "agenda.errors.unknownUser" });
    const ok = await updateAgendaItem(db, actor, event.id, id, { responsibleUserId: actor.id });
    expect(ok.items[0]!.responsibleUserId).toBe(actor.id);
  });

  it("deletes an item without moving the others and closes up the positions", async () => {
    const event = await ceremony();
    const view = await insertSigningTemplate(db, actor, event.id, "vi");
    const after = await deleteAgendaItem(db, actor, event.id, view.items[2]!.id, { itemVersion: view.items[2]!.version });
    expect(times(after)).toEqual(times(view).filter((_, i) => i !== 2));
    expect((await listAgenda(db, event.id)).map((r) => r.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const gone = await refused(deleteAgendaItem(db, actor, event.id, view.items[2]!.id));
    expect(gone.code).toBe("not_found");
  });

  it("keeps a cancelled event's agenda as it is", async () => {
    const event = await createEvent(db, actor, { startsAt: at("14:00"), endsAt: at("16:00"), status: "scheduled" });
    await insertSigningTemplate(db, actor, event.id, "vi");
    await cancelEvent(db, actor, event.id);
    const error = await refused(addAgendaItem(db, actor, event.id, newItem()));
    expect(error.code).toBe("conflict");
    expect(error.message).toBe("agenda.errors.cancelled");
  });

  it("listAgenda + agendaAsText give the invitee's text in order", async () => {
    const event = await ceremony();
    await insertSigningTemplate(db, actor, event.id, "vi");
    const text = agendaAsText(await listAgenda(db, event.id), ZONE, "vi");
    expect(text.split("\n").slice(0, 3)).toEqual(["Chương trình:", "13:45 – 14:00  Đón tiếp đại biểu", "14:00 – 14:05  Chào cờ, Quốc ca"]);
  });
});
