import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { pressComments, pressSummaries } from "#db/schema/index";
import { expectServiceError, testDatabase } from "#db/testing";
import type { PressDraft, PressLanguage } from "~/domain/press/types";
import { listAudit } from "~/models/audit.server";
import { addEventMember } from "~/models/events.server";
import type { Actor } from "~/domain/access/permissions";
import type { PressDrafter } from "./press-drafter.server";
import {
  addPressComment,
  adoptGeneratedText,
  createPressSummary,
  diffPressVersions,
  getPressSettings,
  getPressSummary,
  isPressConflict,
  listEventPressSummaries,
  listPressComments,
  listPressVersions,
  mayChangePressSettings,
  pressActionsFor,
  publicPressPath,
  regeneratePressSummary,
  transitionPressSummary,
  updatePressSettings,
  updatePressSummary,
  type PressConflictError,
} from "./press.server";

const LEAD = "Chiều ngày 19/10, Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020.";
const ATTEND = "Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy tới dự hội nghị.";
const AIMS = "Nhằm nâng cao chất lượng giáo dục toàn diện, hai cơ quan thống nhất phối hợp.";

/** A small drafter of our own: the text per event is whatever the test sets in `texts`. */
const texts = new Map<string, { title: string; paragraphs: string[] }>();
const drafterCalls: { eventId: string; language: PressLanguage; publishedOn: Date; byline: string | null }[] = [];
const drafter: PressDrafter = async (_db, eventId, language, options) => {
  drafterCalls.push({ eventId, language, ...options });
  const t = texts.get(eventId) ?? { title: "Ký kết chương trình phối hợp công tác", paragraphs: [LEAD, ATTEND, AIMS] };
  const title = language === "vi" ? t.title : `Signing: ${t.title}`;
  const draft: PressDraft = {
    title,
    byline: options.byline,
    body: t.paragraphs.join("\n\n"),
    sources: t.paragraphs.map((text, i) => ({ text, part: i === 0 ? "lead" : "content", facts: [`event.id = ${eventId}`] })),
  };
  return draft;
};

const NOW = new Date("2017-10-19T12:13:53Z"); // 19:13:53 in Hà Nội

describe("press summaries", () => {
  let database: Database;
  let db: Db;
  let organizer: Actor;
  let comms: Actor;
  let admin: Actor;
  let viewer: Actor;
  let outsiderComms: Actor;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const people = await Promise.all([
      createUser(db, { role: "organizer", name: "Cán bộ tổ chức" }),
      createUser(db, { role: "communications", name: "Đặng Anh" }),
      createUser(db, { role: "admin", name: "Quản trị viên" }),
      createUser(db, { role: "viewer", name: "Người xem" }),
      createUser(db, { role: "communications", name: "Truyền thông khác" }),
    ]);
    [organizer, comms, admin, viewer, outsiderComms] = people.map((u) => ({ id: u.id, name: u.name })) as [Actor, Actor, Actor, Actor, Actor];
  });
  afterAll(() => database.close());

  /**
   * An event of the organizer's with the communications officer as a member: by default the afternoon of 19/10/2017,
   * over before NOW (and long before the real clock), so the before-the-event confirmation does not apply.
   */
  async function newEvent(startsAt = new Date("2017-10-19T07:00:00Z")) {
    const event = await createEvent(db, organizer, { kind: "signing_ceremony", timeZone: "Asia/Ho_Chi_Minh", startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000) });
    await addEventMember(db, event.id, comms.id, "communications");
    return event;
  }
  const create = (actor: Actor, eventId: string, language: PressLanguage = "vi") => createPressSummary(db, actor, eventId, language, { now: NOW, drafter });

  describe("createPressSummary", () => {
    it("drafts version 1 from the event's data, with the actor as byline and now as the publication date", async () => {
      const event = await newEvent();
      const s = await create(comms, event.id);
      expect(s).toMatchObject({
        eventId: event.id,
        language: "vi",
        status: "draft",
        version: 1,
        title: "Ký kết chương trình phối hợp công tác",
        byline: "Đặng Anh",
        generatedTitle: "Ký kết chương trình phối hợp công tác",
        createdByName: "Đặng Anh",
      });
      expect(s.body).toBe([LEAD, ATTEND, AIMS].join("\n\n"));
      expect(s.generatedBody).toBe(s.body);
      expect(s.sources).toHaveLength(3);
      expect(s.slug).toBe(`draft-${s.id}`);
      expect(publicPressPath(s)).toBeNull();
      expect(drafterCalls.at(-1)).toEqual({ eventId: event.id, language: "vi", publishedOn: NOW, byline: "Đặng Anh" });
      const versions = await listPressVersions(db, s.id);
      expect(versions).toMatchObject([{ version: 1, kind: "generated", status: "draft", authorName: "Đặng Anh", body: s.body }]);
      const audit = await listAudit(db, { eventId: event.id });
      expect(audit.find((a) => a.action === "press.create")).toMatchObject({ entityId: s.id, actorName: "Đặng Anh" });
    });

    it("drafts a second summary in the same language as a separate one (own history, own address); English too", async () => {
      const event = await newEvent();
      const first = await create(organizer, event.id);
      const later = new Date(NOW.getTime() + 60_000);
      const second = await createPressSummary(db, comms, event.id, "vi", { now: later, drafter });
      expect(second.id).not.toBe(first.id);
      expect(second.slug).not.toBe(first.slug);
      expect(await listPressVersions(db, second.id)).toHaveLength(1);
      const english = await create(comms, event.id, "en");
      expect(english.language).toBe("en");
      expect((await listEventPressSummaries(db, event.id)).map((s) => s.id)).toEqual([first.id, second.id, english.id]);
    });

    it("drafts with Signet's own drafter from the event's data by default, and redrafts from it", async () => {
      const event = await newEvent();
      const s = await createPressSummary(db, comms, event.id, "vi", { now: NOW });
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.body.length).toBeGreaterThan(0);
      expect(s.byline).toBe("Đặng Anh");
      expect(s.sources.length).toBeGreaterThan(0);
      const again = await regeneratePressSummary(db, comms, s.id, { version: 1 }, { now: NOW });
      expect(again.report).toMatchObject({ unchanged: true, conflicts: [], changes: [] });
    });

    it("lets only press editors draft: viewers and communications staff of other events are refused", async () => {
      const event = await newEvent();
      await expectServiceError(create(viewer, event.id), "forbidden", "press.workflow.needsEditor");
      await expectServiceError(create(outsiderComms, event.id), "forbidden");
      expect(await create(admin, event.id)).toMatchObject({ version: 1 });
      await expectServiceError(create(organizer, "00000000-0000-4000-8000-000000000000"), "not_found");
    });
  });

  describe("updatePressSummary", () => {
    it("saves a new version and refuses a save from an older one with the current text", async () => {
      const event = await newEvent();
      const s = await create(organizer, event.id);
      const edited = { title: "Ký kết phối hợp", body: `${LEAD}\n\nĐoạn của người viết.`, byline: "Đặng Anh", version: 1 };
      const saved = await updatePressSummary(db, comms, s.id, edited, { now: new Date(NOW.getTime() + 60_000) });
      expect(saved).toMatchObject({ unchanged: false, approvalLapsed: false, summary: { version: 2, title: "Ký kết phối hợp", status: "draft" } });

      const stale = { title: "Bản của tổ chức", body: "Khác hẳn.", byline: null, version: 1 };
      const error = (await expectServiceError(updatePressSummary(db, organizer, s.id, stale), "conflict")) as PressConflictError;
      expect(isPressConflict(error)).toBe(true);
      expect(error.message).toBe("press.errors.stale?version=2");
      expect(error.current).toMatchObject({ version: 2, title: "Ký kết phối hợp", body: edited.body });
      expect(error.latest).toMatchObject({ authorName: "Đặng Anh", kind: "edited" });
      // Nothing of the stale save reached the database.
      expect((await getPressSummary(db, s.id))?.title).toBe("Ký kết phối hợp");

      // Overwriting knowingly: the same text, now naming the current version.
      const overwritten = await updatePressSummary(db, organizer, s.id, { ...stale, version: 2 });
      expect(overwritten.summary).toMatchObject({ version: 3, title: "Bản của tổ chức", byline: null });
      expect((await listPressVersions(db, s.id)).map((v) => [v.version, v.kind])).toEqual([
        [3, "edited"],
        [2, "edited"],
        [1, "generated"],
      ]);
    });

    it("lets only one of two simultaneous saves of the same version through", async () => {
      const event = await newEvent();
      const s = await create(organizer, event.id);
      const results = await Promise.allSettled([
        updatePressSummary(db, organizer, s.id, { title: "A", body: "Bản A.", byline: null, version: 1 }),
        updatePressSummary(db, comms, s.id, { title: "B", body: "Bản B.", byline: null, version: 1 }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(isPressConflict(rejected.reason)).toBe(true);
      expect((await getPressSummary(db, s.id))?.version).toBe(2);
    });

    it("records nothing for a save that changes nothing, and refuses viewers", async () => {
      const event = await newEvent();
      const s = await create(organizer, event.id);
      const same = await updatePressSummary(db, organizer, s.id, { title: s.title, body: s.body, byline: s.byline, version: 1 });
      expect(same).toMatchObject({ unchanged: true, summary: { version: 1 } });
      await expectServiceError(updatePressSummary(db, viewer, s.id, { title: "x", body: "y", byline: null, version: 1 }), "forbidden");
    });
  });

  describe("transitionPressSummary", () => {
    it("takes a summary from draft to published, recording who and when, and sets the public slug once", async () => {
      const event = await newEvent();
      const s = await create(organizer, event.id);
      const t1 = new Date(NOW.getTime() + 1000);
      const submitted = await transitionPressSummary(db, organizer, s.id, "in_review", { now: t1, version: 1 });
      expect(submitted.summary).toMatchObject({ status: "in_review", version: 2, submittedBy: organizer.id, submittedAt: t1, submittedByName: "Cán bộ tổ chức" });
      expect(submitted.transition.name).toBe("submit");

      await expectServiceError(transitionPressSummary(db, organizer, s.id, "approved"), "forbidden", "press.workflow.needsApprover.approve");
      const approved = await transitionPressSummary(db, comms, s.id, "approved", { now: t1 });
      expect(approved.summary).toMatchObject({ status: "approved", approvedBy: comms.id, approvedByName: "Đặng Anh" });

      await expectServiceError(transitionPressSummary(db, organizer, s.id, "published"), "forbidden", "press.workflow.needsApprover.publish");
      const published = await transitionPressSummary(db, comms, s.id, "published", { now: NOW });
      expect(published.summary).toMatchObject({ status: "published", publishedBy: comms.id, publishedAt: NOW, slug: "ky-ket-chuong-trinh-phoi-hop-cong-tac-19-10-2017" });
      expect(publicPressPath(published.summary)).toBe("/press/ky-ket-chuong-trinh-phoi-hop-cong-tac-19-10-2017");

      // Unpublish (approvers only) and publish again: the slug never changes, even with a new title and date.
      await expectServiceError(transitionPressSummary(db, organizer, s.id, "draft"), "forbidden", "press.workflow.needsApprover.unpublish");
      const unpublished = await transitionPressSummary(db, comms, s.id, "draft");
      expect(unpublished.summary).toMatchObject({ status: "draft", publishedAt: null, approvedAt: null, slug: "ky-ket-chuong-trinh-phoi-hop-cong-tac-19-10-2017" });
      expect(publicPressPath(unpublished.summary)).toBeNull();
      const v = unpublished.summary.version;
      await updatePressSummary(db, comms, s.id, { title: "Tiêu đề mới hẳn", body: s.body, byline: s.byline, version: v });
      await transitionPressSummary(db, comms, s.id, "in_review");
      await transitionPressSummary(db, comms, s.id, "approved");
      const again = await transitionPressSummary(db, comms, s.id, "published", { now: new Date("2018-01-01T00:00:00Z") });
      expect(again.summary.slug).toBe("ky-ket-chuong-trinh-phoi-hop-cong-tac-19-10-2017");

      const kinds = (await listPressVersions(db, s.id)).filter((x) => x.kind === "status").map((x) => x.note);
      expect(kinds.reverse()).toEqual(["submit", "approve", "publish", "unpublish", "submit", "approve", "publish"]);
      const actions = (await listAudit(db, { eventId: event.id })).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(["press.submit", "press.approve", "press.publish", "press.unpublish"]));
    });

    it("refuses publishing without approval, clearly, whoever asks", async () => {
      const event = await newEvent();
      const s = await create(organizer, event.id);
      await expectServiceError(transitionPressSummary(db, comms, s.id, "published"), "conflict", "press.workflow.publishNeedsApproval");
      await transitionPressSummary(db, organizer, s.id, "in_review");
      await expectServiceError(transitionPressSummary(db, admin, s.id, "published"), "conflict", "press.workflow.publishNeedsApproval");
      await expectServiceError(transitionPressSummary(db, comms, s.id, "in_review"), "conflict", "press.workflow.already.in_review");
      expect((await getPressSummary(db, s.id))?.status).toBe("in_review");
    });

    it("sends back with a comment only, which goes into the thread against the version reviewed", async () => {
      const event = await newEvent();
      const s = await create(organizer, event.id);
      await transitionPressSummary(db, organizer, s.id, "in_review");
      const error = await expectServiceError(transitionPressSummary(db, comms, s.id, "draft", { comment: "  " }), "invalid", "press.workflow.commentRequired");
      expect(error.fields).toEqual({ comment: "press.workflow.commentRequired" });
      const back = await transitionPressSummary(db, comms, s.id, "draft", { comment: "Bổ sung tên đại biểu." });
      expect(back.summary.status).toBe("draft");
      expect(await listPressComments(db, s.id)).toMatchObject([{ body: "Bổ sung tên đại biểu.", version: 2, authorName: "Đặng Anh" }]);
    });

    it("refuses a step from an outdated version, and gives slugs of their own to a second report and to English", async () => {
      const event = await newEvent();
      texts.set(event.id, { title: "Hội nghị sơ kết công tác phối hợp", paragraphs: [LEAD] });
      const s = await create(organizer, event.id);
      await updatePressSummary(db, organizer, s.id, { title: s.title, body: "Sửa.", byline: null, version: 1 });
      const stale = await expectServiceError(transitionPressSummary(db, organizer, s.id, "in_review", { version: 1 }), "conflict");
      expect(isPressConflict(stale)).toBe(true);

      const publish = async (id: string) => {
        await transitionPressSummary(db, comms, id, "in_review");
        await transitionPressSummary(db, comms, id, "approved");
        return (await transitionPressSummary(db, comms, id, "published", { now: NOW })).summary.slug;
      };
      const other = await newEvent();
      texts.set(other.id, { title: "Hội nghị sơ kết công tác phối hợp", paragraphs: [LEAD] });
      const sameTitle = await create(organizer, other.id);
      const english = await create(organizer, other.id, "en");
      const slugs = [await publish(s.id), await publish(sameTitle.id), await publish(english.id)];
      expect(slugs).toEqual([
        "hoi-nghi-so-ket-cong-tac-phoi-hop-19-10-2017",
        "hoi-nghi-so-ket-cong-tac-phoi-hop-19-10-2017-2",
        "signing-hoi-nghi-so-ket-cong-tac-phoi-hop-19-10-2017",
      ]);
      expect(new Set(slugs).size).toBe(3);
    });
  });

  describe("editing after approval and publication", () => {
    async function approvedSummary() {
      const event = await newEvent();
      const s = await create(organizer, event.id);
      await transitionPressSummary(db, organizer, s.id, "in_review");
      return (await transitionPressSummary(db, comms, s.id, "approved")).summary;
    }

    it("returns an approved summary to draft when edited: the approval lapses", async () => {
      const s = await approvedSummary();
      const saved = await updatePressSummary(db, organizer, s.id, { title: s.title, body: `${s.body}\n\nThêm.`, byline: s.byline, version: s.version });
      expect(saved).toMatchObject({ approvalLapsed: true, summary: { status: "draft", approvedBy: null, approvedAt: null } });
      expect((await listPressVersions(db, s.id))[0]).toMatchObject({ kind: "edited", note: "lapsed", status: "draft" });
      await expectServiceError(transitionPressSummary(db, comms, s.id, "published"), "conflict", "press.workflow.publishNeedsApproval");
    });

    it("lets approvers correct a published summary, which stays published; organizers are refused", async () => {
      const a = await approvedSummary();
      const { summary: s } = await transitionPressSummary(db, comms, a.id, "published", { now: NOW });
      const change = { title: s.title, body: `${s.body}\n\nĐính chính: tên đại biểu.`, byline: s.byline, version: s.version };
      await expectServiceError(updatePressSummary(db, organizer, s.id, change), "forbidden", "press.workflow.correctionNeedsApprover");
      const corrected = await updatePressSummary(db, comms, s.id, change);
      expect(corrected).toMatchObject({ correction: true, summary: { status: "published", slug: s.slug, publishedAt: NOW } });
      expect((await listPressVersions(db, s.id))[0]).toMatchObject({ kind: "edited", note: "correction", status: "published" });
      expect((await listAudit(db, { eventId: s.eventId })).some((e) => e.action === "press.correct")).toBe(true);
    });

    it("tells the UI what each person may do", async () => {
      const s = await approvedSummary();
      const forOrganizer = await pressActionsFor(db, organizer, s);
      expect(forOrganizer.transitions.map((t) => t.name)).toEqual([]);
      expect(forOrganizer.edit).toEqual({ allowed: true, approvalLapses: true, correction: false });
      const forComms = await pressActionsFor(db, comms, s);
      expect(forComms.transitions.map((t) => t.name)).toEqual(["publish"]);
      const forViewer = await pressActionsFor(db, viewer, s);
      expect(forViewer).toMatchObject({ transitions: [], comment: false, regenerate: false, edit: { allowed: false } });
    });
  });

  describe("before the event's end", () => {
    // The event runs 14:00–16:00 in Hà Nội on 19/10/2017 (07:00–09:00 UTC); it is 13:00 there.
    const before = new Date("2017-10-19T06:00:00Z");
    const end = new Date("2017-10-19T09:00:00Z");

    it("needs an explicit confirmation to submit, approve and publish; none after the end", async () => {
      const event = await newEvent();
      const s = await createPressSummary(db, organizer, event.id, "vi", { now: before, drafter });
      const refused = await expectServiceError(
        transitionPressSummary(db, organizer, s.id, "in_review", { now: before }),
        "invalid",
        "press.workflow.beforeEvent.required.submit",
      );
      expect(refused.fields).toEqual({ confirmBeforeEvent: "press.workflow.beforeEvent.required.submit" });
      expect((await getPressSummary(db, s.id))?.status).toBe("draft");
      await transitionPressSummary(db, organizer, s.id, "in_review", { now: before, confirmBeforeEvent: true });
      await expectServiceError(transitionPressSummary(db, comms, s.id, "approved", { now: before }), "invalid", "press.workflow.beforeEvent.required.approve");
      await transitionPressSummary(db, comms, s.id, "approved", { now: before, confirmBeforeEvent: true });
      // One millisecond before the end it still asks; at the end it does not.
      await expectServiceError(
        transitionPressSummary(db, comms, s.id, "published", { now: new Date(end.getTime() - 1) }),
        "invalid",
        "press.workflow.beforeEvent.required.publish",
      );
      const published = await transitionPressSummary(db, comms, s.id, "published", { now: end });
      expect(published.summary.status).toBe("published");
      // Unpublishing takes nothing towards the public: no confirmation, even before the end.
      expect((await transitionPressSummary(db, comms, s.id, "draft", { now: before })).summary.status).toBe("draft");
    });

    it("a permission refusal is not hidden behind the confirmation", async () => {
      const event = await newEvent();
      const s = await createPressSummary(db, organizer, event.id, "vi", { now: before, drafter });
      await transitionPressSummary(db, organizer, s.id, "in_review", { now: before, confirmBeforeEvent: true });
      await expectServiceError(transitionPressSummary(db, organizer, s.id, "approved", { now: before }), "forbidden", "press.workflow.needsApprover.approve");
    });

    it("tells the UI which step needs the confirmation and when the event ends", async () => {
      const event = await newEvent();
      const s = await createPressSummary(db, organizer, event.id, "vi", { now: before, drafter });
      const early = await pressActionsFor(db, organizer, s, { now: before });
      expect(early.eventEndsAt).toEqual(end);
      expect(early.transitions).toMatchObject([{ name: "submit", confirmBeforeEvent: true, blocked: null }]);
      const late = await pressActionsFor(db, organizer, s, { now: end });
      expect(late.eventEndsAt).toBeNull();
      expect(late.transitions).toMatchObject([{ name: "submit", confirmBeforeEvent: false }]);
    });
  });

  describe("four-eyes: a second person approves", () => {
    let secondComms: Actor;
    beforeAll(async () => {
      const u = await createUser(db, { role: "communications", name: "Lê Thu Hà" });
      secondComms = { id: u.id, name: u.name };
    });
    async function fourEyesEvent() {
      const event = await newEvent();
      await addEventMember(db, event.id, secondComms.id, "communications");
      await updatePressSettings(db, organizer, event.id, { requireSecondApprover: true }, { now: NOW });
      return event;
    }

    it("is off by default; the event's organizers and admins turn it on and off, approvers may not; it is audited", async () => {
      const event = await newEvent();
      expect(await getPressSettings(db, event.id)).toMatchObject({ requireSecondApprover: false, updatedBy: null });
      expect(await mayChangePressSettings(db, comms, event.id)).toBe(false);
      await expectServiceError(updatePressSettings(db, comms, event.id, { requireSecondApprover: false }), "forbidden", "press.settings.forbidden");
      await expectServiceError(updatePressSettings(db, viewer, event.id, { requireSecondApprover: true }), "forbidden", "press.settings.forbidden");
      const on = await updatePressSettings(db, organizer, event.id, { requireSecondApprover: true }, { now: NOW });
      expect(on).toMatchObject({ requireSecondApprover: true, updatedBy: organizer.id, updatedByName: "Cán bộ tổ chức", updatedAt: NOW });
      const off = await updatePressSettings(db, admin, event.id, { requireSecondApprover: false });
      expect(off).toMatchObject({ requireSecondApprover: false, updatedBy: admin.id });
      // Saving the same value again records nothing.
      await updatePressSettings(db, admin, event.id, { requireSecondApprover: false });
      const audit = (await listAudit(db, { eventId: event.id })).filter((a) => a.action === "press.settings");
      expect(audit.map((a) => a.actorName).sort()).toEqual(["Cán bộ tổ chức", "Quản trị viên"]);
      await expectServiceError(updatePressSettings(db, organizer, "00000000-0000-4000-8000-000000000000", { requireSecondApprover: true }), "not_found");
    });

    it("refuses the approval of the one who drafted and submitted it; another communications officer approves", async () => {
      const event = await fourEyesEvent();
      const s = await create(comms, event.id);
      await transitionPressSummary(db, comms, s.id, "in_review");
      await expectServiceError(transitionPressSummary(db, comms, s.id, "approved"), "forbidden", "press.workflow.fourEyes.ownText");
      const actions = await pressActionsFor(db, comms, (await getPressSummary(db, s.id))!);
      expect(actions.requireSecondApprover).toBe(true);
      expect(actions.transitions.find((t) => t.name === "approve")?.blocked).toBe("press.workflow.fourEyes.ownText");
      const approved = await transitionPressSummary(db, secondComms, s.id, "approved");
      expect(approved.summary).toMatchObject({ status: "approved", approvedBy: secondComms.id });
      // Publishing what someone else approved is the submitter's to do.
      expect((await transitionPressSummary(db, comms, s.id, "published")).summary.status).toBe("published");
    });

    it("refuses whoever submitted even if someone else wrote the text, and whoever last edited it in review", async () => {
      const event = await fourEyesEvent();
      const s = await create(organizer, event.id);
      await transitionPressSummary(db, comms, s.id, "in_review");
      await expectServiceError(transitionPressSummary(db, comms, s.id, "approved"), "forbidden", "press.workflow.fourEyes.ownSubmission");
      // The second officer edits it during review: now the edit is theirs, so they may not approve either.
      const current = (await getPressSummary(db, s.id))!;
      await updatePressSummary(db, secondComms, s.id, { title: current.title, body: `${current.body}

Bổ sung.`, byline: current.byline, version: current.version });
      await expectServiceError(transitionPressSummary(db, secondComms, s.id, "approved"), "forbidden", "press.workflow.fourEyes.ownText");
      expect((await pressActionsFor(db, secondComms, (await getPressSummary(db, s.id))!)).transitions.find((t) => t.name === "approve")?.blocked).toBe(
        "press.workflow.fourEyes.ownText",
      );
      // An admin who neither submitted nor wrote it approves.
      expect((await transitionPressSummary(db, admin, s.id, "approved")).summary.approvedBy).toBe(admin.id);
    });

    it("without the rule, the submitter approves their own summary as before", async () => {
      const event = await newEvent();
      const s = await create(comms, event.id);
      await transitionPressSummary(db, comms, s.id, "in_review");
      expect((await transitionPressSummary(db, comms, s.id, "approved")).summary.status).toBe("approved");
    });
  });

  describe("comments", () => {
    it("lets editors and approvers comment on the current version; viewers are refused", async () => {
      const event = await newEvent();
      const s = await create(organizer, event.id);
      await updatePressSummary(db, organizer, s.id, { title: s.title, body: "Bản 2.", byline: null, version: 1 });
      const c1 = await addPressComment(db, comms, s.id, "  Câu mở đầu cần ghi rõ thời gian.  ", { now: NOW });
      expect(c1).toMatchObject({ body: "Câu mở đầu cần ghi rõ thời gian.", version: 2, authorName: "Đặng Anh", createdAt: NOW });
      await addPressComment(db, organizer, s.id, "Đã sửa.", { now: new Date(NOW.getTime() + 1000) });
      await expectServiceError(addPressComment(db, viewer, s.id, "Tôi cũng muốn góp ý."), "forbidden", "press.errors.commentForbidden");
      await expectServiceError(addPressComment(db, organizer, s.id, "   "), "invalid");
      expect((await listPressComments(db, s.id)).map((c) => c.authorName)).toEqual(["Đặng Anh", "Cán bộ tổ chức"]);
      const stored = await db.select().from(pressComments).where(eq(pressComments.summaryId, s.id));
      expect(stored).toHaveLength(2);
    });
  });

  describe("versions and diffs", () => {
    it("diffs any two versions word by word within paragraphs", async () => {
      const event = await newEvent();
      const s = await create(organizer, event.id);
      const body2 = s.body.replace("Chiều ngày 19/10", "Sáng ngày 19/10");
      await updatePressSummary(db, organizer, s.id, { title: s.title, body: body2, byline: "Đặng Anh", version: 1 });
      await transitionPressSummary(db, organizer, s.id, "in_review");
      const d = await diffPressVersions(db, s.id, 1, 2);
      expect(d.same).toBe(false);
      expect(d.body[0]).toMatchObject({ kind: "changed" });
      expect(d.body[0]!.parts.filter((p) => p.kind !== "same")).toEqual([
        { kind: "del", text: "Chiều" },
        { kind: "ins", text: "Sáng" },
      ]);
      expect(d.body.slice(1).every((p) => p.kind === "same")).toBe(true);
      expect((await diffPressVersions(db, s.id, 2, 3)).same).toBe(true);
      await expectServiceError(diffPressVersions(db, s.id, 1, 99), "not_found", "press.errors.versionUnknown");
    });
  });

  describe("regeneratePressSummary", () => {
    it("keeps human edits, applies the data's changes elsewhere, and reports conflicts to adopt", async () => {
      const event = await newEvent();
      const s = await create(organizer, event.id);
      const humanLead = "Chiều 19/10, hai cơ quan đã ký chương trình phối hợp (bản người viết).";
      const humanExtra = "Một đoạn người viết thêm về không khí buổi lễ.";
      await updatePressSummary(db, comms, s.id, { title: "Tiêu đề do người sửa", body: [humanLead, ATTEND, humanExtra, AIMS].join("\n\n"), byline: "Đặng Anh", version: 1 });

      // The data change: the time of day (lead), a second dignitary (attendance) and a new remarks paragraph.
      const newLead = LEAD.replace("Chiều", "Sáng");
      const newAttend = "Dự lễ ký kết có các đồng chí: Nguyễn Hồng Chuyên, Trưởng ban Tuyên giáo Tỉnh ủy; Lê Văn A, Giám đốc Sở.";
      const remarks = "Tại buổi lễ, đồng chí Nguyễn Hồng Chuyên khẳng định sự phối hợp là đòn bẩy.";
      texts.set(event.id, { title: "Ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020", paragraphs: [newLead, newAttend, AIMS, remarks] });

      const { summary, report } = await regeneratePressSummary(db, comms, s.id, { version: 2 }, { now: NOW, drafter });
      expect(summary.body.split("\n\n")).toEqual([humanLead, newAttend, humanExtra, AIMS, remarks]);
      expect(summary.title).toBe("Tiêu đề do người sửa");
      expect(report.title.conflict).toEqual({ mine: "Tiêu đề do người sửa", base: s.title, theirs: "Ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020" });
      expect(report.conflicts).toEqual([{ at: 0, mine: [humanLead], base: [LEAD], theirs: [newLead] }]);
      expect(report.changes.map((c) => [c.kind, c.outcome])).toEqual([
        ["changed", "kept"],
        ["changed", "applied"],
        ["added", "applied"],
      ]);
      expect(summary).toMatchObject({ version: 3, generatedBody: [newLead, newAttend, AIMS, remarks].join("\n\n") });
      expect(summary.sources).toHaveLength(4);
      expect((await listPressVersions(db, s.id))[0]).toMatchObject({ kind: "regenerated", note: "applied=2 kept=2" });

      // Adopting the new lead replaces the kept human lead.
      const adopted = await adoptGeneratedText(db, comms, s.id, { version: 3, ...report.conflicts[0]! });
      expect(adopted.summary.body.split("\n\n")[0]).toBe(newLead);
      await expectServiceError(adoptGeneratedText(db, comms, s.id, { version: 4, ...report.conflicts[0]! }), "conflict", "press.errors.adoptStale");

      // Redrafting again from unchanged data changes nothing and records no version.
      const again = await regeneratePressSummary(db, comms, s.id, { version: 4 }, { now: NOW, drafter });
      expect(again.report.unchanged).toBe(true);
      expect(again.summary.version).toBe(4);
    });

    it("refuses an outdated version and a published summary", async () => {
      const event = await newEvent();
      const s = await create(organizer, event.id);
      const stale = await expectServiceError(regeneratePressSummary(db, organizer, s.id, { version: 7 }, { drafter }), "conflict");
      expect(isPressConflict(stale)).toBe(true);
      await transitionPressSummary(db, organizer, s.id, "in_review");
      await transitionPressSummary(db, comms, s.id, "approved");
      const { summary } = await transitionPressSummary(db, comms, s.id, "published");
      await expectServiceError(regeneratePressSummary(db, comms, s.id, { version: summary.version }, { drafter }), "conflict", "press.workflow.regeneratePublished");
    });

    it("returns an approved summary whose text the data changed to draft", async () => {
      const event = await newEvent();
      const s = await create(organizer, event.id);
      await transitionPressSummary(db, organizer, s.id, "in_review");
      const { summary } = await transitionPressSummary(db, comms, s.id, "approved");
      texts.set(event.id, { title: s.title, paragraphs: [LEAD, ATTEND, AIMS, "Đoạn mới từ dữ liệu."] });
      const { summary: after, report } = await regeneratePressSummary(db, organizer, s.id, { version: summary.version }, { drafter });
      expect(report.approvalLapsed).toBe(true);
      expect(after).toMatchObject({ status: "draft", approvedAt: null });
      const [row] = await db.select({ status: pressSummaries.status }).from(pressSummaries).where(eq(pressSummaries.id, s.id));
      expect(row?.status).toBe("draft");
    });
  });
});
