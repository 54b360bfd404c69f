/**
 * The press summary's workflow, pure: draft → in review → approved → published, and back.
 *
 *   draft      → in_review   submit for review          press:edit (or press:approve)
 *   in_review  → approved    approve                    press:approve
 *   in_review  → draft       send back, with a comment  press:approve
 *   approved   → published   publish                    press:approve
 *   published  → draft       unpublish                  press:approve
 *
 * Anything else is refused with a reason (an i18n key) and the kind of refusal, which the service turns into
 * 403 (not allowed to), 409 (not from this status) or 422 (something missing, e.g. the send-back comment).
 * Editing: a draft or a summary in review stays where it is; editing an approved one sends it back to draft
 * (the approval lapses); editing a published one is a correction, which only approvers may make, and it stays
 * published (docs/decisions/007-press-workflow.md).
 *
 * Two guards on top of the permissions:
 * - Before the event's end, submitting, approving and publishing need an explicit confirmation: the report is
 *   written in the past tense, so going ahead early may publish an account of something that has not happened
 *   (422 without it).
 * - Four-eyes: where the event requires a second person to approve, whoever submitted the summary or made the
 *   last change to its text (drafted, edited or redrafted it) may not approve it themselves (403).
 */
import type { PressStatus } from "./types";

export interface PressPermissions {
  /** press:edit — organizers and communications staff of the event, admins. */
  edit: boolean;
  /** press:approve — communications staff of the event, admins. */
  approve: boolean;
}

export type PressTransitionName = "submit" | "approve" | "sendBack" | "publish" | "unpublish";

export interface PressTransition {
  name: PressTransitionName;
  from: PressStatus;
  to: PressStatus;
  /** Who may: "edit" = press:edit or press:approve; "approve" = press:approve only. */
  needs: "edit" | "approve";
  /** A comment is required (the reason for sending back). */
  needsComment: boolean;
  /** Worth a confirmation in the UI (it changes what the public sees, or undoes a reviewer's work). */
  confirm: boolean;
  /** Takes the past-tense report towards the public: before the event's end it needs an explicit confirmation. */
  warnBeforeEvent: boolean;
}

export const pressTransitions: readonly PressTransition[] = [
  { name: "submit", from: "draft", to: "in_review", needs: "edit", needsComment: false, confirm: false, warnBeforeEvent: true },
  { name: "approve", from: "in_review", to: "approved", needs: "approve", needsComment: false, confirm: false, warnBeforeEvent: true },
  { name: "sendBack", from: "in_review", to: "draft", needs: "approve", needsComment: true, confirm: false, warnBeforeEvent: false },
  { name: "publish", from: "approved", to: "published", needs: "approve", needsComment: false, confirm: true, warnBeforeEvent: true },
  { name: "unpublish", from: "published", to: "draft", needs: "approve", needsComment: false, confirm: true, warnBeforeEvent: false },
];

export type RefusalKind = "forbidden" | "conflict" | "invalid";
/** A refusal names the form field it concerns, if any (the send-back comment, the before-the-event confirmation). */
export type Check = { ok: true } | { ok: false; kind: RefusalKind; reason: string; field?: string };

const ok: Check = { ok: true };
const refuse = (kind: RefusalKind, reason: string, field?: string): Check => (field ? { ok: false, kind, reason, field } : { ok: false, kind, reason });

/** The event has not ended yet at `now` (its end is the moment the report's past tense becomes true). */
export function eventNotOver(now: Date, eventEndsAt: Date): boolean {
  return now.getTime() < eventEndsAt.getTime();
}

/** Who the approver is to the summary, for the four-eyes rule. */
export interface SecondApprover {
  /** The event requires a second person to approve. */
  required: boolean;
  /** The person approving submitted the summary for review. */
  actorSubmitted: boolean;
  /** The person approving made the last change to the text (drafted, edited or redrafted it). */
  actorWroteLastText: boolean;
}

/** Four-eyes: why this person may not approve (an i18n key), or null when they may. */
export function selfApprovalRefusal(second: SecondApprover | undefined): string | null {
  if (!second?.required) return null;
  if (second.actorWroteLastText) return "press.workflow.fourEyes.ownText";
  if (second.actorSubmitted) return "press.workflow.fourEyes.ownSubmission";
  return null;
}

export interface TransitionContext {
  comment?: string | null;
  /** The event has not ended yet (see eventNotOver). */
  eventNotOver?: boolean;
  /** The person confirmed they mean to go ahead before the event's end. */
  confirmBeforeEvent?: boolean;
  /** The four-eyes rule and the person's part in the summary (approving only). */
  secondApprover?: SecondApprover;
}

function mayAct(needs: PressTransition["needs"], can: PressPermissions): boolean {
  return needs === "edit" ? can.edit || can.approve : can.approve;
}

export function findTransition(from: PressStatus, to: PressStatus): PressTransition | null {
  return pressTransitions.find((t) => t.from === from && t.to === to) ?? null;
}

/** Why a move from `from` to `to` is not in the workflow (status refusals, 409). */
function stateRefusal(from: PressStatus, to: PressStatus): string {
  if (from === to) return `press.workflow.already.${to}`;
  if (to === "published") return "press.workflow.publishNeedsApproval";
  if (to === "approved" && from === "draft") return "press.workflow.approveNeedsReview";
  if (to === "in_review") return "press.workflow.submitOnlyDraft";
  return "press.workflow.notAllowed";
}

/** This step, taken now, needs the before-the-event confirmation. */
export function needsBeforeEventConfirmation(transition: PressTransition, notOver: boolean): boolean {
  return transition.warnBeforeEvent && notOver;
}

/**
 * May this person move a summary from `from` to `to`? The status is checked first (publishing a summary that
 * was never approved is refused as such, whoever asks), then the permission, the four-eyes rule, the comment,
 * and last the confirmation before the event's end (so a confirmation never hides a real refusal).
 */
export function checkTransition(from: PressStatus, to: PressStatus, can: PressPermissions, options: TransitionContext = {}): Check {
  const transition = findTransition(from, to);
  if (!transition) return refuse("conflict", stateRefusal(from, to));
  if (!mayAct(transition.needs, can))
    return refuse("forbidden", transition.needs === "approve" ? `press.workflow.needsApprover.${transition.name}` : "press.workflow.needsEditor");
  if (transition.name === "approve") {
    const self = selfApprovalRefusal(options.secondApprover);
    if (self) return refuse("forbidden", self);
  }
  if (transition.needsComment && !options.comment?.trim()) return refuse("invalid", "press.workflow.commentRequired", "comment");
  if (needsBeforeEventConfirmation(transition, options.eventNotOver ?? false) && !options.confirmBeforeEvent)
    return refuse("invalid", `press.workflow.beforeEvent.required.${transition.name}`, "confirmBeforeEvent");
  return ok;
}

/** The transitions this person may make from this status (the buttons to show). */
export function availableTransitions(status: PressStatus, can: PressPermissions): PressTransition[] {
  return pressTransitions.filter((t) => t.from === status && mayAct(t.needs, can));
}

export interface EditOutcome {
  /** The status after the save. */
  status: PressStatus;
  /** The approval lapses (approved → draft). */
  approvalLapses: boolean;
  /** A correction of a published summary. */
  correction: boolean;
}

/** May this person save the text of a summary in this status, and what status results? */
export function checkEdit(status: PressStatus, can: PressPermissions): ({ ok: true } & EditOutcome) | { ok: false; kind: RefusalKind; reason: string } {
  if (!can.edit && !can.approve) return { ok: false, kind: "forbidden", reason: "press.workflow.needsEditor" };
  switch (status) {
    case "draft":
    case "in_review":
      return { ok: true, status, approvalLapses: false, correction: false };
    case "approved":
      return { ok: true, status: "draft", approvalLapses: true, correction: false };
    case "published":
      if (!can.approve) return { ok: false, kind: "forbidden", reason: "press.workflow.correctionNeedsApprover" };
      return { ok: true, status: "published", approvalLapses: false, correction: true };
  }
}

/** Comments: anyone who may edit or approve. */
export function canComment(can: PressPermissions): boolean {
  return can.edit || can.approve;
}

/** Regenerating from the event's data: like an edit, but never on a published summary (unpublish first). */
export function checkRegenerate(status: PressStatus, can: PressPermissions): Check {
  if (!can.edit && !can.approve) return refuse("forbidden", "press.workflow.needsEditor");
  if (status === "published") return refuse("conflict", "press.workflow.regeneratePublished");
  return ok;
}
