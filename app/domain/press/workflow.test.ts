import { describe, expect, it } from "vitest";
import { isMessageKey } from "~/i18n/i18n";
import type { PressStatus } from "./types";
import { pressStatuses } from "./types";
import {
  availableTransitions,
  canComment,
  checkEdit,
  checkRegenerate,
  checkTransition,
  eventNotOver,
  findTransition,
  selfApprovalRefusal,
  type PressPermissions,
  type SecondApprover,
} from "./workflow";

const nobody: PressPermissions = { edit: false, approve: false };
const organizer: PressPermissions = { edit: true, approve: false };
const communications: PressPermissions = { edit: true, approve: true };
const approverOnly: PressPermissions = { edit: false, approve: true };
const people = { nobody, organizer, communications, approverOnly };

/** The workflow as the issue states it, written out by hand: from → to → who may. */
const allowed: Record<string, "edit" | "approve"> = {
  "draft>in_review": "edit",
  "in_review>approved": "approve",
  "in_review>draft": "approve",
  "approved>published": "approve",
  "published>draft": "approve",
};

describe("checkTransition, every pair of statuses for every kind of person", () => {
  for (const from of pressStatuses)
    for (const to of pressStatuses)
      for (const [who, can] of Object.entries(people)) {
        const needs = allowed[`${from}>${to}`];
        const comment = "Xin bổ sung tên đại biểu.";
        it(`${from} → ${to} by ${who}`, () => {
          const result = checkTransition(from, to, can, { comment });
          if (!needs) {
            expect(result).toMatchObject({ ok: false, kind: "conflict" });
          } else if (needs === "edit" ? can.edit || can.approve : can.approve) {
            expect(result).toEqual({ ok: true });
          } else {
            expect(result).toMatchObject({ ok: false, kind: "forbidden" });
          }
          if (!result.ok) expect(isMessageKey(result.reason), result.reason).toBe(true);
        });
      }
});

describe("checkTransition, the refusals people meet", () => {
  it("publishing without approval is refused as such, for anyone", () => {
    for (const from of ["draft", "in_review"] as const)
      for (const can of [organizer, communications])
        expect(checkTransition(from, "published", can)).toEqual({ ok: false, kind: "conflict", reason: "press.workflow.publishNeedsApproval" });
  });
  it("an organizer may submit but neither approve nor publish nor unpublish", () => {
    expect(checkTransition("draft", "in_review", organizer)).toEqual({ ok: true });
    expect(checkTransition("in_review", "approved", organizer)).toEqual({ ok: false, kind: "forbidden", reason: "press.workflow.needsApprover.approve" });
    expect(checkTransition("approved", "published", organizer)).toEqual({ ok: false, kind: "forbidden", reason: "press.workflow.needsApprover.publish" });
    expect(checkTransition("published", "draft", organizer)).toEqual({ ok: false, kind: "forbidden", reason: "press.workflow.needsApprover.unpublish" });
  });
  it("sending back needs a comment; blank does not count", () => {
    expect(checkTransition("in_review", "draft", communications)).toEqual({ ok: false, kind: "invalid", reason: "press.workflow.commentRequired", field: "comment" });
    expect(checkTransition("in_review", "draft", communications, { comment: "  \n " })).toMatchObject({ ok: false, kind: "invalid" });
    expect(checkTransition("in_review", "draft", communications, { comment: "Sửa câu mở đầu." })).toEqual({ ok: true });
  });
  it("the same status again and approving a draft name the actual problem", () => {
    expect(checkTransition("published", "published", communications)).toMatchObject({ reason: "press.workflow.already.published" });
    expect(checkTransition("draft", "approved", communications)).toMatchObject({ reason: "press.workflow.approveNeedsReview" });
    expect(checkTransition("published", "in_review", communications)).toMatchObject({ reason: "press.workflow.submitOnlyDraft" });
  });
});

describe("before the event's end: submitting, approving and publishing need an explicit confirmation", () => {
  const end = new Date("2024-10-17T09:00:00Z");
  it("the event is not over until its end, to the millisecond", () => {
    expect(eventNotOver(new Date("2024-10-17T08:59:59.999Z"), end)).toBe(true);
    expect(eventNotOver(end, end)).toBe(false);
    expect(eventNotOver(new Date("2024-10-18T00:00:00Z"), end)).toBe(false);
  });
  const steps = [
    ["draft", "in_review", "submit"],
    ["in_review", "approved", "approve"],
    ["approved", "published", "publish"],
  ] as const;
  for (const [from, to, name] of steps) {
    it(`${name}: refused without the confirmation (422, on its field), allowed with it or after the end`, () => {
      const refused = checkTransition(from, to, communications, { eventNotOver: true });
      expect(refused).toEqual({ ok: false, kind: "invalid", reason: `press.workflow.beforeEvent.required.${name}`, field: "confirmBeforeEvent" });
      if (!refused.ok) expect(isMessageKey(refused.reason), refused.reason).toBe(true);
      expect(checkTransition(from, to, communications, { eventNotOver: true, confirmBeforeEvent: false })).toMatchObject({ ok: false, kind: "invalid" });
      expect(checkTransition(from, to, communications, { eventNotOver: true, confirmBeforeEvent: true })).toEqual({ ok: true });
      expect(checkTransition(from, to, communications, { eventNotOver: false })).toEqual({ ok: true });
      expect(findTransition(from, to)?.warnBeforeEvent).toBe(true);
    });
  }
  it("sending back and unpublishing take nothing towards the public: no confirmation", () => {
    expect(checkTransition("in_review", "draft", communications, { eventNotOver: true, comment: "Chờ sau buổi lễ." })).toEqual({ ok: true });
    expect(checkTransition("published", "draft", communications, { eventNotOver: true })).toEqual({ ok: true });
  });
  it("a confirmation never hides a real refusal: status, permission and comment come first", () => {
    expect(checkTransition("draft", "published", communications, { eventNotOver: true })).toMatchObject({ kind: "conflict", reason: "press.workflow.publishNeedsApproval" });
    expect(checkTransition("in_review", "approved", organizer, { eventNotOver: true })).toMatchObject({ kind: "forbidden" });
    expect(checkTransition("in_review", "draft", communications, { eventNotOver: true })).toMatchObject({ reason: "press.workflow.commentRequired" });
  });
});

describe("four-eyes: a second person approves", () => {
  const off: SecondApprover = { required: false, actorSubmitted: true, actorWroteLastText: true };
  const submitter: SecondApprover = { required: true, actorSubmitted: true, actorWroteLastText: false };
  const writer: SecondApprover = { required: true, actorSubmitted: false, actorWroteLastText: true };
  const someoneElse: SecondApprover = { required: true, actorSubmitted: false, actorWroteLastText: false };
  it("when the event requires it, the submitter and the last writer may not approve their own summary (403)", () => {
    expect(checkTransition("in_review", "approved", communications, { secondApprover: submitter })).toEqual({
      ok: false,
      kind: "forbidden",
      reason: "press.workflow.fourEyes.ownSubmission",
    });
    expect(checkTransition("in_review", "approved", communications, { secondApprover: writer })).toEqual({
      ok: false,
      kind: "forbidden",
      reason: "press.workflow.fourEyes.ownText",
    });
    expect(checkTransition("in_review", "approved", approverOnly, { secondApprover: { ...writer, actorSubmitted: true } })).toMatchObject({
      reason: "press.workflow.fourEyes.ownText",
    });
    for (const key of ["press.workflow.fourEyes.ownSubmission", "press.workflow.fourEyes.ownText"]) expect(isMessageKey(key)).toBe(true);
  });
  it("another approver may; without the rule anyone with the permission may", () => {
    expect(checkTransition("in_review", "approved", communications, { secondApprover: someoneElse })).toEqual({ ok: true });
    expect(checkTransition("in_review", "approved", communications, { secondApprover: off })).toEqual({ ok: true });
    expect(checkTransition("in_review", "approved", communications)).toEqual({ ok: true });
    expect(selfApprovalRefusal(undefined)).toBeNull();
    expect(selfApprovalRefusal(off)).toBeNull();
  });
  it("applies to approving only: the submitter may still send back, publish what another approved, unpublish", () => {
    expect(checkTransition("in_review", "draft", communications, { secondApprover: submitter, comment: "Tự rút lại." })).toEqual({ ok: true });
    expect(checkTransition("approved", "published", communications, { secondApprover: writer })).toEqual({ ok: true });
    expect(checkTransition("published", "draft", communications, { secondApprover: writer })).toEqual({ ok: true });
    expect(checkTransition("draft", "in_review", communications, { secondApprover: writer })).toEqual({ ok: true });
  });
  it("the four-eyes refusal comes before the before-the-event confirmation", () => {
    expect(checkTransition("in_review", "approved", communications, { secondApprover: submitter, eventNotOver: true })).toMatchObject({
      reason: "press.workflow.fourEyes.ownSubmission",
    });
  });
});

describe("availableTransitions", () => {
  it("lists the buttons each person sees, per status", () => {
    const names = (status: PressStatus, can: PressPermissions) => availableTransitions(status, can).map((t) => t.name);
    expect(names("draft", organizer)).toEqual(["submit"]);
    expect(names("in_review", organizer)).toEqual([]);
    expect(names("in_review", communications)).toEqual(["approve", "sendBack"]);
    expect(names("approved", communications)).toEqual(["publish"]);
    expect(names("approved", organizer)).toEqual([]);
    expect(names("published", communications)).toEqual(["unpublish"]);
    expect(names("draft", nobody)).toEqual([]);
    for (const status of pressStatuses)
      for (const can of Object.values(people))
        for (const t of availableTransitions(status, can)) expect(checkTransition(status, t.to, can, { comment: "x" })).toEqual({ ok: true });
  });
});

describe("checkEdit", () => {
  it("keeps a draft or a summary in review where it is", () => {
    expect(checkEdit("draft", organizer)).toEqual({ ok: true, status: "draft", approvalLapses: false, correction: false });
    expect(checkEdit("in_review", organizer)).toEqual({ ok: true, status: "in_review", approvalLapses: false, correction: false });
  });
  it("sends an approved summary back to draft: the approval lapses", () => {
    expect(checkEdit("approved", organizer)).toEqual({ ok: true, status: "draft", approvalLapses: true, correction: false });
    expect(checkEdit("approved", communications)).toEqual({ ok: true, status: "draft", approvalLapses: true, correction: false });
  });
  it("lets only approvers correct a published summary, which stays published", () => {
    expect(checkEdit("published", communications)).toEqual({ ok: true, status: "published", approvalLapses: false, correction: true });
    expect(checkEdit("published", organizer)).toEqual({ ok: false, kind: "forbidden", reason: "press.workflow.correctionNeedsApprover" });
  });
  it("refuses viewers in every status", () => {
    for (const status of pressStatuses) expect(checkEdit(status, nobody)).toMatchObject({ ok: false, kind: "forbidden" });
  });
});

describe("comments and regeneration", () => {
  it("lets editors and approvers comment, not viewers", () => {
    expect(canComment(organizer)).toBe(true);
    expect(canComment(approverOnly)).toBe(true);
    expect(canComment(nobody)).toBe(false);
  });
  it("regenerates anything but a published summary", () => {
    expect(checkRegenerate("draft", organizer)).toEqual({ ok: true });
    expect(checkRegenerate("approved", organizer)).toEqual({ ok: true });
    expect(checkRegenerate("published", communications)).toEqual({ ok: false, kind: "conflict", reason: "press.workflow.regeneratePublished" });
    expect(checkRegenerate("draft", nobody)).toMatchObject({ ok: false, kind: "forbidden" });
  });
});
