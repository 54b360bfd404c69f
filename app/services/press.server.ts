/**
 * Press summaries: drafted from the event's data, edited by people (optimistic concurrency: a save from an
 * older version is refused with the current text), taken through review and published, redrafted from updated
 * data with a paragraph three-way merge that keeps human edits. Every change is a version; every step is in
 * the audit log. Who may do what is decided here (app/domain/press/workflow.ts with the event permissions),
 * so every caller — form, API, seed — gets the same answer. docs/decisions/007-press-workflow.md.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "#db/client.server";
import { canOnEvent } from "~/domain/access/permissions";
import { diffVersions, type VersionDiff } from "~/domain/press/diff";
import { adoptConflict, mergeBodies, mergeTitle, type DataChange, type MergeConflict, type TitleMerge } from "~/domain/press/merge";
import { isProvisionalSlug, provisionalSlug, publicSlug, uniqueSlug } from "~/domain/press/slug";
import type { PressLanguage, PressStatus } from "~/domain/press/types";
import {
  availableTransitions,
  canComment,
  checkEdit,
  checkRegenerate,
  checkTransition,
  eventNotOver,
  findTransition,
  needsBeforeEventConfirmation,
  selfApprovalRefusal,
  type PressPermissions,
  type PressTransition,
  type SecondApprover,
} from "~/domain/press/workflow";
import { recordAudit } from "~/models/audit.server";
import { getMemberRole } from "~/models/events.server";
import {
  getLastTextAuthorId,
  getPressEvent,
  getPressEventSettingsRow,
  getPressSummaryRow,
  getPressVersionRow,
  getUserRoleAndName,
  insertPressComment,
  insertPressSummary,
  insertPressVersion,
  listPressCommentRows,
  listPressSummaryRows,
  listPressVersionRows,
  lockPressSummary,
  slugTaken,
  updatePressSummaryRow,
  upsertPressEventSettings,
  type PressCommentRow,
  type PressEventSettingsRow,
  type PressSummaryChange,
  type PressSummaryRow,
  type PressVersionKind,
  type PressVersionRow,
} from "~/models/press.server";
import { ServiceError } from "~/utils/errors";
import { emitWebhook } from "./webhooks.server";
import type { Actor } from "~/domain/access/permissions";
import { defaultPressDrafter, type PressDrafter } from "./press-drafter.server";

export type PressSummary = PressSummaryRow;
export type PressVersion = PressVersionRow;
export type PressComment = PressCommentRow;

/** The public address of a published summary, else null. */
export function publicPressPath(summary: { status: PressStatus; slug: string }): string | null {
  return summary.status === "published" && !isProvisionalSlug(summary.slug) ? `/press/${summary.slug}` : null;
}

/** A save or step from an older version: 409, carrying the current summary so nothing has to be guessed. */
export class PressConflictError extends ServiceError {
  constructor(
    readonly current: PressSummary,
    /** Who saved the current version and when (from the history). */
    readonly latest: { authorName: string | null; at: Date; kind: PressVersionKind } | null,
  ) {
    super("conflict", `press.errors.stale?version=${current.version}`);
    this.name = "PressConflictError";
  }
}

export function isPressConflict(error: unknown): error is PressConflictError {
  return error instanceof PressConflictError;
}

// ---------------------------------------------------------------------------------------------------
// Permissions

/** What this person may do with the event's press summaries (their role is read from the database). */
export async function pressPermissions(db: Db, actor: { id: string }, eventId: string): Promise<PressPermissions> {
  const [user, event, memberRole] = await Promise.all([
    getUserRoleAndName(db, actor.id),
    getPressEvent(db, eventId),
    getMemberRole(db, eventId, actor.id),
  ]);
  if (!user?.active || !event) return { edit: false, approve: false };
  const subject = { id: actor.id, role: user.role };
  const relation = { ownerId: event.createdBy, memberRole };
  return { edit: canOnEvent(subject, "press:edit", relation), approve: canOnEvent(subject, "press:approve", relation) };
}

/**
 * Refuses (ServiceError "forbidden") anyone who neither edits nor approves this event's press summaries. Routes
 * call it before they read the request's body, so a viewer is told "forbidden", never "invalid"
 * (docs/decisions/025-authorization-matrix.md); the services keep their own checks.
 */
export async function requirePressEditor(db: Db, actor: { id: string }, eventId: string): Promise<PressPermissions> {
  const can = await pressPermissions(db, actor, eventId);
  if (!canComment(can)) throw new ServiceError("forbidden", "press.workflow.needsEditor");
  return can;
}

/** The four-eyes rule of the summary's event and this person's part in the summary. */
async function secondApproverFor(db: Db, actor: { id: string }, summary: PressSummary): Promise<SecondApprover> {
  const settings = await getPressEventSettingsRow(db, summary.eventId);
  if (!settings.requireSecondApprover) return { required: false, actorSubmitted: false, actorWroteLastText: false };
  const lastAuthor = await getLastTextAuthorId(db, summary.id);
  return { required: true, actorSubmitted: summary.submittedBy === actor.id, actorWroteLastText: lastAuthor === actor.id };
}

/** The workflow buttons for this person and summary, with the warnings that go with them at `now`. */
export async function pressActionsFor(db: Db, actor: { id: string }, summary: PressSummary, options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const [can, event, second] = await Promise.all([
    pressPermissions(db, actor, summary.eventId),
    getPressEvent(db, summary.eventId),
    secondApproverFor(db, actor, summary),
  ]);
  const edit = checkEdit(summary.status, can);
  const notOver = event ? eventNotOver(now, event.endsAt) : false;
  return {
    can,
    transitions: availableTransitions(summary.status, can).map((t) => ({
      ...t,
      /** The step needs the before-the-event confirmation now. */
      confirmBeforeEvent: needsBeforeEventConfirmation(t, notOver),
      /** Why this person may not take the step (four-eyes), or null. */
      blocked: t.name === "approve" ? selfApprovalRefusal(second) : null,
    })),
    /** The event's end while it is still ahead, else null. */
    eventEndsAt: notOver && event ? event.endsAt : null,
    requireSecondApprover: second.required,
    edit: edit.ok ? { allowed: true as const, approvalLapses: edit.approvalLapses, correction: edit.correction } : { allowed: false as const, reason: edit.reason },
    comment: canComment(can),
    regenerate: checkRegenerate(summary.status, can).ok,
  };
}

function refuse(check: { ok: false; kind: "forbidden" | "conflict" | "invalid"; reason: string; field?: string }): never {
  throw new ServiceError(check.kind, check.reason, check.field ? { [check.field]: check.reason } : {});
}

// ---------------------------------------------------------------------------------------------------
// The event's press rules

export type PressSettings = PressEventSettingsRow;

export function getPressSettings(db: Db, eventId: string): Promise<PressSettings> {
  return getPressEventSettingsRow(db, eventId);
}

/** Who may change the event's press rules: its organizers (owner, organizer members) and admins — not the approvers they bind. */
export async function mayChangePressSettings(db: Db, actor: { id: string }, eventId: string): Promise<boolean> {
  const [user, event, memberRole] = await Promise.all([getUserRoleAndName(db, actor.id), getPressEvent(db, eventId), getMemberRole(db, eventId, actor.id)]);
  if (!user?.active || !event) return false;
  return canOnEvent({ id: actor.id, role: user.role }, "event:update", { ownerId: event.createdBy, memberRole });
}

/** Turns the four-eyes rule of the event's press summaries on or off (audited as press.settings). */
export async function updatePressSettings(
  db: Db,
  actor: Actor,
  eventId: string,
  input: { requireSecondApprover: boolean },
  options: { now?: Date } = {},
): Promise<PressSettings> {
  const now = options.now ?? new Date();
  const event = await getPressEvent(db, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  if (!(await mayChangePressSettings(db, actor, eventId))) throw new ServiceError("forbidden", "press.settings.forbidden");
  await db.transaction(async (tx) => {
    const before = await getPressEventSettingsRow(tx, eventId);
    if (before.requireSecondApprover === input.requireSecondApprover) return;
    await upsertPressEventSettings(tx, eventId, { requireSecondApprover: input.requireSecondApprover, updatedBy: actor.id, updatedAt: now });
    await recordAudit(tx, {
      actor,
      action: "press.settings",
      entityType: "event",
      entityId: eventId,
      eventId,
      details: { requireSecondApprover: input.requireSecondApprover },
    });
  });
  return getPressEventSettingsRow(db, eventId);
}

// ---------------------------------------------------------------------------------------------------
// Reading

export function getPressSummary(db: Db, id: string): Promise<PressSummary | null> {
  return getPressSummaryRow(db, id);
}

export function listEventPressSummaries(db: Db, eventId: string): Promise<PressSummary[]> {
  return listPressSummaryRows(db, eventId);
}

async function requireSummary(db: Db, id: string): Promise<PressSummary> {
  const summary = await getPressSummaryRow(db, id);
  if (!summary) throw new ServiceError("not_found", "press.errors.notFound");
  return summary;
}

/** Newest first. */
export function listPressVersions(db: Db, summaryId: string): Promise<PressVersion[]> {
  return listPressVersionRows(db, summaryId);
}

export function getPressVersion(db: Db, summaryId: string, version: number): Promise<PressVersion | null> {
  return getPressVersionRow(db, summaryId, version);
}

/** The differences from one version to another (either order). */
export async function diffPressVersions(db: Db, summaryId: string, from: number, to: number): Promise<VersionDiff> {
  const [a, b] = await Promise.all([getPressVersionRow(db, summaryId, from), getPressVersionRow(db, summaryId, to)]);
  if (!a || !b) throw new ServiceError("not_found", "press.errors.versionUnknown");
  return diffVersions(a, b);
}

export function listPressComments(db: Db, summaryId: string): Promise<PressComment[]> {
  return listPressCommentRows(db, summaryId);
}

// ---------------------------------------------------------------------------------------------------
// Writing

interface Locked {
  summary: PressSummary;
  can: PressPermissions;
}

/** Inside a transaction: locks the summary, loads it and the actor's permissions, checks the version. */
async function lockForChange(tx: Db, actor: Actor, id: string, expectedVersion: number | undefined): Promise<Locked> {
  const locked = await lockPressSummary(tx, id);
  if (!locked) throw new ServiceError("not_found", "press.errors.notFound");
  const summary = await requireSummary(tx, id);
  const can = await pressPermissions(tx, actor, summary.eventId);
  if (!can.edit && !can.approve) throw new ServiceError("forbidden", "press.workflow.needsEditor");
  if (expectedVersion !== undefined && expectedVersion !== summary.version) {
    const latest = await getPressVersionRow(tx, id, summary.version);
    throw new PressConflictError(summary, latest ? { authorName: latest.authorName, at: latest.createdAt, kind: latest.kind } : null);
  }
  return { summary, can };
}

async function recordVersion(
  tx: Db,
  actor: Actor,
  summary: PressSummary,
  change: PressSummaryChange & { version: number },
  kind: PressVersionKind,
  note: string | null,
  now: Date,
) {
  await updatePressSummaryRow(tx, summary.id, { ...change, updatedAt: now });
  await insertPressVersion(tx, {
    summaryId: summary.id,
    version: change.version,
    kind,
    title: change.title ?? summary.title,
    body: change.body ?? summary.body,
    byline: change.byline !== undefined ? change.byline : summary.byline,
    status: change.status ?? summary.status,
    authorId: actor.id,
    note,
    createdAt: now,
  });
}

export interface CreateOptions {
  now?: Date;
  drafter?: PressDrafter;
  /** Name only the dignitaries checked in at the door (docs/decisions/022-offline-door.md). */
  attendedOnly?: boolean;
}

/**
 * Drafts the event's press summary in one language from its data (publishedOn = now, byline = the actor's
 * name) and saves it as version 1. An event may have several summaries in one language (a report and a
 * follow-up, or a fresh start after the first was published); each has its own history and public address.
 */
export async function createPressSummary(
  db: Db,
  actor: Actor,
  eventId: string,
  language: PressLanguage,
  options: CreateOptions = {},
): Promise<PressSummary> {
  const now = options.now ?? new Date();
  const event = await getPressEvent(db, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  const can = await pressPermissions(db, actor, eventId);
  if (!can.edit && !can.approve) throw new ServiceError("forbidden", "press.workflow.needsEditor");
  if (event.status === "cancelled") throw new ServiceError("conflict", "press.errors.eventCancelled");
  const draft = await (options.drafter ?? defaultPressDrafter)(db, eventId, language, { publishedOn: now, byline: actor.name, attendedOnly: options.attendedOnly });
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await insertPressSummary(tx, {
      id,
      eventId,
      language,
      slug: provisionalSlug(id),
      title: draft.title,
      body: draft.body,
      byline: draft.byline,
      generatedTitle: draft.title,
      generatedBody: draft.body,
      sources: draft.sources,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await insertPressVersion(tx, {
      summaryId: id,
      version: 1,
      kind: "generated",
      title: draft.title,
      body: draft.body,
      byline: draft.byline,
      status: "draft",
      authorId: actor.id,
      note: null,
      createdAt: now,
    });
    await recordAudit(tx, {
      actor,
      action: "press.create",
      entityType: "press_summary",
      entityId: id,
      eventId,
      details: { title: draft.title, language },
    });
  });
  return requireSummary(db, id);
}

export interface PressTextChange {
  title: string;
  body: string;
  byline: string | null;
  /** The version the text was loaded at. */
  version: number;
}

export interface SaveResult {
  summary: PressSummary;
  /** Nothing differed: no version was recorded. */
  unchanged: boolean;
  /** The summary was approved and is back to draft. */
  approvalLapsed: boolean;
  correction: boolean;
}

async function saveText(
  tx: Db,
  actor: Actor,
  locked: Locked,
  text: { title: string; body: string; byline: string | null },
  now: Date,
  noteExtra: string | null,
): Promise<Omit<SaveResult, "summary">> {
  const { summary, can } = locked;
  const edit = checkEdit(summary.status, can);
  if (!edit.ok) refuse(edit);
  if (text.title === summary.title && text.body === summary.body && text.byline === summary.byline)
    return { unchanged: true, approvalLapsed: false, correction: false };
  const version = summary.version + 1;
  const notes = [edit.correction ? "correction" : null, edit.approvalLapses ? "lapsed" : null, noteExtra].filter(Boolean);
  await recordVersion(
    tx,
    actor,
    summary,
    {
      ...text,
      version,
      status: edit.status,
      ...(edit.approvalLapses ? { approvedBy: null, approvedAt: null } : {}),
    },
    "edited",
    notes.length ? notes.join(" ") : null,
    now,
  );
  await recordAudit(tx, {
    actor,
    action: edit.correction ? "press.correct" : "press.update",
    entityType: "press_summary",
    entityId: summary.id,
    eventId: summary.eventId,
    details: { title: text.title, version, ...(edit.approvalLapses ? { approvalLapsed: true } : {}) },
  });
  return { unchanged: false, approvalLapsed: edit.approvalLapses, correction: edit.correction };
}

/**
 * Saves title, body and byline. `version` must be the current one: otherwise nothing is saved and a
 * PressConflictError (409) carries the current text. Editing an approved summary returns it to draft;
 * a published one may be corrected by approvers only, and stays published.
 */
export async function updatePressSummary(
  db: Db,
  actor: Actor,
  id: string,
  change: PressTextChange,
  options: { now?: Date } = {},
): Promise<SaveResult> {
  const now = options.now ?? new Date();
  const outcome = await db.transaction(async (tx) => {
    const locked = await lockForChange(tx, actor, id, change.version);
    return saveText(tx, actor, locked, { title: change.title, body: change.body, byline: change.byline }, now, null);
  });
  return { summary: await requireSummary(db, id), ...outcome };
}

/** Replaces the kept human text of one regeneration conflict with the generated text (a new "edited" version). */
export async function adoptGeneratedText(
  db: Db,
  actor: Actor,
  id: string,
  input: { version: number; at: number; mine: string[]; theirs: string[] },
  options: { now?: Date } = {},
): Promise<SaveResult> {
  const now = options.now ?? new Date();
  const outcome = await db.transaction(async (tx) => {
    const locked = await lockForChange(tx, actor, id, input.version);
    const body = adoptConflict(locked.summary.body, input);
    if (body === null) throw new ServiceError("conflict", "press.errors.adoptStale");
    return saveText(tx, actor, locked, { title: locked.summary.title, body, byline: locked.summary.byline }, now, "adopted");
  });
  return { summary: await requireSummary(db, id), ...outcome };
}

/** Adopts the regenerated title offered by a title conflict. */
export async function adoptGeneratedTitle(
  db: Db,
  actor: Actor,
  id: string,
  input: { version: number; title: string },
  options: { now?: Date } = {},
): Promise<SaveResult> {
  const now = options.now ?? new Date();
  const outcome = await db.transaction(async (tx) => {
    const locked = await lockForChange(tx, actor, id, input.version);
    return saveText(tx, actor, locked, { title: input.title, body: locked.summary.body, byline: locked.summary.byline }, now, "adopted");
  });
  return { summary: await requireSummary(db, id), ...outcome };
}

export interface TransitionOptions {
  comment?: string | null;
  version?: number;
  /** The person confirmed going ahead before the event's end (needed then for submit, approve, publish). */
  confirmBeforeEvent?: boolean;
  now?: Date;
}

/**
 * Moves a summary along the workflow (app/domain/press/workflow.ts), recording who and when, a version of
 * kind "status", and the comment (required when sending back) in the comments. On first publication the
 * public slug is set from the title and the date, and never changes after. Before the event's end, submitting,
 * approving and publishing need `confirmBeforeEvent` (else 422); where the event requires a second person to
 * approve, the submitter and the last writer may not approve (403).
 */
export async function transitionPressSummary(
  db: Db,
  actor: Actor,
  id: string,
  to: PressStatus,
  options: TransitionOptions = {},
): Promise<{ summary: PressSummary; transition: PressTransition }> {
  const now = options.now ?? new Date();
  const transition = await db.transaction(async (tx) => {
    const { summary, can } = await lockForChange(tx, actor, id, options.version);
    const [event, secondApprover] = await Promise.all([getPressEvent(tx, summary.eventId), secondApproverFor(tx, actor, summary)]);
    const check = checkTransition(summary.status, to, can, {
      comment: options.comment,
      eventNotOver: event ? eventNotOver(now, event.endsAt) : false,
      confirmBeforeEvent: options.confirmBeforeEvent ?? false,
      secondApprover,
    });
    if (!check.ok) refuse(check);
    const step = findTransition(summary.status, to)!;
    const change: PressSummaryChange & { version: number } = { status: to, version: summary.version + 1 };
    if (step.name === "submit") Object.assign(change, { submittedBy: actor.id, submittedAt: now, approvedBy: null, approvedAt: null });
    if (step.name === "approve") Object.assign(change, { approvedBy: actor.id, approvedAt: now });
    if (step.name === "sendBack") Object.assign(change, { approvedBy: null, approvedAt: null });
    if (step.name === "unpublish") Object.assign(change, { approvedBy: null, approvedAt: null, publishedBy: null, publishedAt: null });
    if (step.name === "publish") {
      Object.assign(change, { publishedBy: actor.id, publishedAt: now });
      if (isProvisionalSlug(summary.slug)) {
        change.slug = await uniqueSlug(publicSlug(summary.title, now, event?.timeZone ?? "Asia/Ho_Chi_Minh"), (s) => slugTaken(tx, s));
      }
    }
    await recordVersion(tx, actor, summary, change, "status", step.name, now);
    if (options.comment?.trim())
      await insertPressComment(tx, { summaryId: id, authorId: actor.id, body: options.comment.trim(), version: summary.version, createdAt: now });
    await recordAudit(tx, {
      actor,
      action: `press.${step.name}`,
      entityType: "press_summary",
      entityId: id,
      eventId: summary.eventId,
      details: { title: summary.title, from: summary.status, to, ...(change.slug ? { slug: change.slug } : {}) },
    });
    if (step.name === "publish") {
      // Published text is public: the same payload for every endpoint (the path is /press/<slug>).
      await emitWebhook(tx, {
        type: "press.published",
        eventId: summary.eventId,
        data: { summaryId: id, language: summary.language, title: summary.title, path: `/press/${change.slug ?? summary.slug}`, version: change.version },
        occurredAt: now,
      });
    }
    return step;
  });
  return { summary: await requireSummary(db, id), transition };
}

/** A reviewer's comment on the current version. Anyone who may edit or approve the summary may comment. */
export async function addPressComment(
  db: Db,
  actor: Actor,
  summaryId: string,
  body: string,
  options: { now?: Date } = {},
): Promise<PressComment> {
  const now = options.now ?? new Date();
  const summary = await requireSummary(db, summaryId);
  const can = await pressPermissions(db, actor, summary.eventId);
  if (!canComment(can)) throw new ServiceError("forbidden", "press.errors.commentForbidden");
  const text = body.trim();
  if (!text) throw new ServiceError("invalid", "form.fixErrors", { body: "errors.required" });
  const commentId = await insertPressComment(db, { summaryId, authorId: actor.id, body: text, version: summary.version, createdAt: now });
  const comments = await listPressCommentRows(db, summaryId);
  return comments.find((c) => c.id === commentId)!;
}

export interface RegenerationReport {
  /** Nothing changed: the data gave the same draft, and no version was recorded. */
  unchanged: boolean;
  title: TitleMerge;
  changes: DataChange[];
  conflicts: MergeConflict[];
  approvalLapsed: boolean;
}

/**
 * Redrafts from the event's current data and merges paragraph by paragraph (base = the last generated text,
 * mine = the current text, theirs = the new draft): human edits are kept; where the data changed a paragraph
 * people also edited, the human text stays and the new text is reported as a conflict to adopt or not.
 * Saved as a version of kind "regenerated". Like an edit, it returns an approved summary to draft.
 */
export async function regeneratePressSummary(
  db: Db,
  actor: Actor,
  id: string,
  input: { version: number },
  options: { now?: Date; drafter?: PressDrafter } = {},
): Promise<{ summary: PressSummary; report: RegenerationReport }> {
  const now = options.now ?? new Date();
  const before = await requireSummary(db, id);
  const draft = await (options.drafter ?? defaultPressDrafter)(db, before.eventId, before.language, {
    publishedOn: now,
    byline: before.byline ?? actor.name,
  });
  const report = await db.transaction(async (tx): Promise<RegenerationReport> => {
    const { summary, can } = await lockForChange(tx, actor, id, input.version);
    const check = checkRegenerate(summary.status, can);
    if (!check.ok) refuse(check);
    const title = mergeTitle(summary.generatedTitle, summary.title, draft.title);
    const body = mergeBodies(summary.generatedBody, summary.body, draft.body);
    const textChanged = title.title !== summary.title || body.text !== summary.body;
    const generatedChanged = draft.title !== summary.generatedTitle || draft.body !== summary.generatedBody;
    const base = { title, changes: body.changes, conflicts: body.conflicts };
    if (!textChanged && !generatedChanged) return { ...base, unchanged: true, approvalLapsed: false };
    const lapses = textChanged && summary.status === "approved";
    const version = summary.version + 1;
    const counts = {
      applied: body.changes.filter((c) => c.outcome === "applied").length + (title.changed && !title.conflict ? 1 : 0),
      kept: body.conflicts.length + (title.conflict ? 1 : 0),
    };
    await recordVersion(
      tx,
      actor,
      summary,
      {
        version,
        title: title.title,
        body: body.text,
        generatedTitle: draft.title,
        generatedBody: draft.body,
        sources: draft.sources,
        ...(lapses ? { status: "draft" as const, approvedBy: null, approvedAt: null } : {}),
      },
      "regenerated",
      `applied=${counts.applied} kept=${counts.kept}${lapses ? " lapsed" : ""}`,
      now,
    );
    await recordAudit(tx, {
      actor,
      action: "press.regenerate",
      entityType: "press_summary",
      entityId: id,
      eventId: summary.eventId,
      details: { title: title.title, version, ...counts },
    });
    return { ...base, unchanged: false, approvalLapsed: lapses };
  });
  return { summary: await requireSummary(db, id), report };
}
