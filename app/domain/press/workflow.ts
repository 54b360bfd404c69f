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
 * published (docs/decisions/006-press-workflow.md).
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
}

export const pressTransitions: readonly PressTransition[] = [
  { name: "submit", from: "draft", to: "in_review", needs: "edit", needsComment: false, confirm: false },
  { name: "approve", from: "in_review", to: "approved", needs: "approve", needsComment: false, confirm: false },
  { name: "sendBack", from: "in_review", to: "draft", needs: "approve", needsComment: true, confirm: false },
  { name: "publish", from: "approved", to: "published", needs: "approve", needsComment: false, confirm: true },
  { name: "unpublish", from: "published", to: "draft", needs: "approve", needsComment: false, confirm: true },
];

export type RefusalKind = "forbidden" | "conflict" | "invalid";
export type Check = { ok: true } | { ok: false; kind: RefusalKind; reason: string };

const ok: Check = { ok: true };
const refuse = (kind: RefusalKind, reason: string): Check => ({ ok: false, kind, reason });

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

/**
 * May this person move a summary from `from` to `to`? The status is checked first (publishing a summary that
 * was never approved is refused as such, whoever asks), then the permission, then the comment.
 */
export function checkTransition(
  from: PressStatus,
  to: PressStatus,
  can: PressPermissions,
  options: { comment?: string | null } = {},
): Check {
  const transition = findTransition(from, to);
  if (!transition) return refuse("conflict", stateRefusal(from, to));
  if (!mayAct(transition.needs, can))
    return refuse("forbidden", transition.needs === "approve" ? `press.workflow.needsApprover.${transition.name}` : "press.workflow.needsEditor");
  if (transition.needsComment && !options.comment?.trim()) return refuse("invalid", "press.workflow.commentRequired");
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
