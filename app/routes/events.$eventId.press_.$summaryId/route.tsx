import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PressExportActions } from "~/components/press/press-export";
import { photoUrl } from "~/domain/photos/urls";
import { formatDateTime } from "~/domain/dates/phrasing";
import { fieldErrors } from "~/domain/forms/fields";
import { diffVersions, diffWordsIn, type DiffPart, type VersionDiff } from "~/domain/press/diff";
import { pressAdoptSchema, pressCommentSchema, pressEditSchema, pressRegenerateSchema, pressTransitionSchema, type PressEditFormValues } from "~/domain/press/press.schema";
import { isProvisionalSlug } from "~/domain/press/slug";
import type { PressStatus } from "~/domain/press/types";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { getPressEvent, listEventPhotoRows } from "~/models/press.server";
import { isServiceError } from "~/utils/errors";
import { defaultPressDrafter } from "~/services/press-drafter.server";
import { addGlossaryEntry } from "~/services/glossary.server";
import { glossaryEntrySchema } from "~/domain/glossary/glossary.schema";
import {
  addPressComment,
  adoptGeneratedText,
  adoptGeneratedTitle,
  diffPressVersions,
  getPressSummary,
  isPressConflict,
  listPressComments,
  listPressVersions,
  pressActionsFor,
  publicPressPath,
  regeneratePressSummary,
  transitionPressSummary,
  updatePressSummary,
  type RegenerationReport,
  pressPermissions,
} from "~/services/press.server";
import { isUuid, requireEventPermission } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { pageTitle } from "~/utils/meta";
import { forbidden, notFound } from "~/utils/responses.server";
import { canComment } from "~/domain/press/workflow";
import { PressStatusBadge } from "~/components/press/press-status";
import styles from "~/components/press/press.css";
import { DiffView } from "./diff-view";
import { PressEditor } from "./editor";
import { PressPreview, type EditorPhoto } from "./preview";
import { PressSidePanels } from "./side-panels";
import { revalidateWhenOutOfDate } from "~/utils/revalidate";

export const shouldRevalidate = revalidateWhenOutOfDate;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => pageTitle(matches, d ? null : "press.tab.title", d?.summary.title);

async function loadSummary(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  if (!params.summaryId || !isUuid(params.summaryId)) throw notFound();
  const summary = await getPressSummary(context.db, params.summaryId);
  if (!summary || summary.eventId !== access.event.id) throw notFound();
  return { access, summary };
}

const versionParam = (value: string | null) => (value && /^\d{1,9}$/.test(value) ? Number(value) : null);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { access, summary } = await loadSummary(request, context, params);
  const url = new URL(request.url);
  const [actions, versions, comments, photoRows, event] = await Promise.all([
    pressActionsFor(context.db, access.user, summary),
    listPressVersions(context.db, summary.id),
    listPressComments(context.db, summary.id),
    listEventPhotoRows(context.db, summary.eventId),
    getPressEvent(context.db, summary.eventId),
  ]);
  // English drafts: the terms the glossary could not translate, from a fresh draft of the current facts.
  const untranslatedTerms =
    summary.language === "en" && actions.regenerate
      ? ((await defaultPressDrafter(context.db, summary.eventId, "en", { publishedOn: new Date(), byline: summary.byline })).untranslatedTerms ?? [])
      : [];
  const from = versionParam(url.searchParams.get("from"));
  const to = versionParam(url.searchParams.get("to"));
  let diff: { from: number; to: number; diff: VersionDiff } | null = null;
  if (from !== null && to !== null && versions.some((v) => v.version === from) && versions.some((v) => v.version === to))
    diff = { from, to, diff: await diffPressVersions(context.db, summary.id, from, to) };
  const photos: EditorPhoto[] = photoRows.map((p) => ({
    id: p.id,
    thumbUrl: photoUrl(p, "thumb"),
    webUrl: photoUrl(p, "web"),
    caption: (summary.language === "en" ? (p.captionEn ?? p.captionVi) : (p.captionVi ?? p.captionEn)) ?? null,
    credit: p.credit,
  }));
  return {
    eventId: summary.eventId,
    untranslatedTerms,
    timeZone: event?.timeZone ?? "Asia/Ho_Chi_Minh",
    summary: {
      id: summary.id,
      language: summary.language,
      title: summary.title,
      body: summary.body,
      byline: summary.byline,
      status: summary.status,
      version: summary.version,
      slug: isProvisionalSlug(summary.slug) ? null : summary.slug,
      publicPath: publicPressPath(summary),
      sources: summary.sources,
      createdByName: summary.createdByName,
      createdAt: summary.createdAt,
      submittedByName: summary.submittedByName,
      submittedAt: summary.submittedAt,
      approvedByName: summary.approvedByName,
      approvedAt: summary.approvedAt,
      publishedByName: summary.publishedByName,
      publishedAt: summary.publishedAt,
    },
    actions: {
      edit: actions.edit,
      transitions: actions.transitions.map((t) => ({
        name: t.name,
        to: t.to,
        needsComment: t.needsComment,
        confirm: t.confirm,
        confirmBeforeEvent: t.confirmBeforeEvent,
        blocked: t.blocked,
      })),
      eventEndsAt: actions.eventEndsAt,
      requireSecondApprover: actions.requireSecondApprover,
      comment: actions.comment,
      regenerate: actions.regenerate,
      approverOnlyNote: actions.can.edit && !actions.can.approve,
    },
    versions: versions.map((v) => ({ version: v.version, kind: v.kind, status: v.status, authorName: v.authorName, note: v.note, createdAt: v.createdAt })),
    comments: comments.map((c) => ({ id: c.id, body: c.body, version: c.version, authorName: c.authorName, createdAt: c.createdAt })),
    photos,
    diff,
    defaults: { title: summary.title, body: summary.body, byline: summary.byline ?? "", version: String(summary.version) } satisfies PressEditFormValues,
  };
}

type Intent = "save" | "overwrite" | "transition" | "comment" | "regenerate" | "adopt" | "adoptTitle" | "glossaryAdd";

interface ActionResult {
  intent: Intent;
  formError: string | null;
  fieldErrors: Record<string, string> | null;
  values?: PressEditFormValues;
  conflict?: { version: number; authorName: string | null; at: string | null; diff: VersionDiff; title: string; body: string; byline: string };
  regenerated?: RegenerationReport & { version: number; changeParts: (DiffPart[] | null)[] };
  comment?: string;
  /** The glossary term whose inline form failed, so its typed English stays. */
  glossaryTerm?: string;
  glossaryEn?: string;
}

function statusOf(code: string): number {
  return code === "forbidden" ? 403 : code === "not_found" ? 404 : code === "conflict" ? 409 : 422;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { access, summary } = await loadSummary(request, context, params);
  // Every intent here is for the event's press editors and approvers: anyone else is refused before the form is read.
  if (!canComment(await pressPermissions(context.db, access.user, summary.eventId))) throw forbidden();
  const raw = formDataToObject(await readForm(request));
  const intent = (typeof raw.intent === "string" ? raw.intent : "save") as Intent;
  const db = context.db;
  const actor = access.user;
  const base = `/events/${summary.eventId}/press/${summary.id}`;
  const values: PressEditFormValues = {
    title: typeof raw.title === "string" ? raw.title : "",
    body: typeof raw.body === "string" ? raw.body : "",
    byline: typeof raw.byline === "string" ? raw.byline : "",
    version: typeof raw.version === "string" ? raw.version : "",
  };
  const fail = (status: number, result: Omit<ActionResult, "intent">) => data<ActionResult>({ intent, ...result }, { status });
  try {
    switch (intent) {
      case "save":
      case "overwrite": {
        const input = intent === "overwrite" ? { ...raw, version: raw.overwriteVersion } : raw;
        const parsed = pressEditSchema.safeParse(input);
        if (!parsed.success) return fail(400, { formError: null, fieldErrors: fieldErrors(parsed.error), values });
        const saved = await updatePressSummary(db, actor, summary.id, parsed.data);
        const done = saved.unchanged ? "unchanged" : saved.approvalLapsed ? "lapsed" : saved.correction ? "corrected" : "saved";
        throw redirect(`${base}?done=${done}&v=${saved.summary.version}`);
      }
      case "transition": {
        const parsed = pressTransitionSchema.safeParse(raw);
        if (!parsed.success) return fail(400, { formError: "form.fixErrors", fieldErrors: fieldErrors(parsed.error), comment: String(raw.comment ?? "") });
        const { summary: after } = await transitionPressSummary(db, actor, summary.id, parsed.data.to, {
          comment: parsed.data.comment,
          version: parsed.data.version,
          confirmBeforeEvent: parsed.data.confirmBeforeEvent,
        });
        throw redirect(`${base}?done=${after.status}`);
      }
      case "comment": {
        const parsed = pressCommentSchema.safeParse(raw);
        if (!parsed.success) return fail(400, { formError: null, fieldErrors: fieldErrors(parsed.error), comment: String(raw.body ?? "") });
        await addPressComment(db, actor, summary.id, parsed.data.body);
        throw redirect(`${base}?done=comment#comments`);
      }
      case "regenerate": {
        const parsed = pressRegenerateSchema.safeParse(raw);
        if (!parsed.success) return fail(400, { formError: "errors.invalid", fieldErrors: null });
        const { summary: after, report } = await regeneratePressSummary(db, actor, summary.id, parsed.data);
        const changeParts = report.changes.map((c) => (c.kind === "changed" ? diffWordsIn(c.before.join("\n\n"), c.after.join("\n\n")) : null));
        return data<ActionResult>({ intent, formError: null, fieldErrors: null, regenerated: { ...report, version: after.version, changeParts } });
      }
      case "adopt": {
        const parsed = pressAdoptSchema.safeParse(raw);
        if (!parsed.success) return fail(400, { formError: "errors.invalid", fieldErrors: null });
        const lines = (s: string) => (s === "" ? [] : (JSON.parse(s) as unknown[]).filter((x): x is string => typeof x === "string"));
        const saved = await adoptGeneratedText(db, actor, summary.id, {
          version: parsed.data.version,
          at: parsed.data.at,
          mine: lines(parsed.data.mine),
          theirs: lines(parsed.data.theirs),
        });
        throw redirect(`${base}?done=adopted&v=${saved.summary.version}`);
      }
      case "glossaryAdd": {
        // The press editor's inline form: add the term to the glossary, then redraft with it.
        if (!(await pressActionsFor(db, actor, summary)).regenerate) return fail(403, { formError: "errors.forbidden", fieldErrors: null });
        const entry = glossaryEntrySchema.safeParse(raw);
        const regen = pressRegenerateSchema.safeParse(raw);
        if (!entry.success || !regen.success)
          return fail(400, { formError: "form.fixErrors", fieldErrors: entry.success ? null : fieldErrors(entry.error), glossaryTerm: String(raw.vi ?? ""), glossaryEn: String(raw.en ?? "") });
        await addGlossaryEntry(db, actor, entry.data);
        const { summary: after, report } = await regeneratePressSummary(db, actor, summary.id, regen.data);
        const changeParts = report.changes.map((c) => (c.kind === "changed" ? diffWordsIn(c.before.join("\n\n"), c.after.join("\n\n")) : null));
        return data<ActionResult>({ intent: "regenerate", formError: null, fieldErrors: null, regenerated: { ...report, version: after.version, changeParts } });
      }
      case "adoptTitle": {
        const parsed = pressEditSchema.pick({ title: true, version: true }).safeParse(raw);
        if (!parsed.success) return fail(400, { formError: "errors.invalid", fieldErrors: null });
        const saved = await adoptGeneratedTitle(db, actor, summary.id, parsed.data);
        throw redirect(`${base}?done=adopted&v=${saved.summary.version}`);
      }
      default:
        return fail(400, { formError: "errors.invalid", fieldErrors: null });
    }
  } catch (error) {
    if (error instanceof SyntaxError) return fail(400, { formError: "errors.invalid", fieldErrors: null });
    if (isPressConflict(error)) {
      const current = error.current;
      const mine = { title: values.title, body: values.body, byline: values.byline || null };
      return fail(409, {
        formError: null,
        fieldErrors: null,
        values,
        conflict: {
          version: current.version,
          authorName: error.latest?.authorName ?? null,
          at: error.latest?.at.toISOString() ?? null,
          diff: diffVersions(current, mine),
          title: current.title,
          body: current.body,
          byline: current.byline ?? "",
        },
      });
    }
    if (!isServiceError(error)) throw error;
    return fail(statusOf(error.code), {
      formError: error.message,
      fieldErrors: Object.keys(error.fields).length ? error.fields : null,
      values: intent === "save" || intent === "overwrite" ? values : undefined,
      comment: typeof raw.comment === "string" ? raw.comment : typeof raw.body === "string" && intent === "comment" ? raw.body : undefined,
    });
  }
}

const doneMessages: Partial<Record<string, MessageKey>> = {
  created: "press.created",
  comment: "press.comments.added",
  unchanged: "press.editor.unchanged",
  in_review: "press.workflow.done.in_review",
  approved: "press.workflow.done.approved",
  published: "press.workflow.done.published",
  draft: "press.workflow.done.draft",
};

function DoneNotice() {
  const { t } = useT();
  const [params] = useSearchParams();
  const done = params.get("done") ?? "";
  const version = params.get("v") ?? "";
  let text: string | null = null;
  if (done === "saved" || done === "corrected") text = t("press.editor.saved", { version });
  else if (done === "lapsed") text = t("press.editor.savedLapsed", { version });
  else if (done === "adopted") text = t("press.regenerate.adopted", { version });
  else if (doneMessages[done]) text = t(doneMessages[done]!);
  if (!text) return null;
  return (
    <div className="notice notice-ok" role="status" data-testid="press-notice">
      {text}
    </div>
  );
}

export default function PressSummaryPage() {
  const loaded = useLoaderData<typeof loader>();
  const { summary, actions, photos, defaults, eventId, timeZone } = loaded;
  const actionData = useActionData<typeof action>();
  const { t, tError, locale } = useT();
  const at = (d: Date | string) => formatDateTime(new Date(d), timeZone, locale);
  const who = (name: string | null) => name ?? t("press.who.unknown");
  const editResult = actionData && (actionData.intent === "save" || actionData.intent === "overwrite") ? actionData : null;
  const conflict = editResult?.conflict ?? null;
  const status: PressStatus = summary.status;
  const edit = actions.edit;
  const saveLabel = edit.allowed && edit.approvalLapses ? t("press.editor.saveApproved") : edit.allowed && edit.correction ? t("press.editor.saveCorrection") : t("press.editor.save");
  const warning = edit.allowed && edit.approvalLapses ? t("press.editor.approvedWarning") : edit.allowed && edit.correction ? t("press.editor.publishedWarning") : null;
  // After a refused save the editor keeps what this person typed (a new key remounts it with their text).
  const formKey = editResult?.values ? `typed-${conflict?.version ?? "invalid"}` : `v${summary.version}`;
  const otherFormError = actionData && !editResult && actionData.intent !== "comment" && actionData.intent !== "transition" ? actionData.formError : null;
  return (
    <section className="press-summary-page">
      <p>
        <Link to={`/events/${eventId}/press`}>{t("press.back")}</Link>
      </p>
      <div className="press-page-head">
        <h2>{summary.title}</h2>
        <span className="badge">{t(`press.language.${summary.language}`)}</span>
        <PressStatusBadge status={status} />
        <span className="muted">{t("press.history.version", { version: summary.version })}</span>
      </div>
      <ul className="press-who muted">
        <li>{t("press.who.created", { name: who(summary.createdByName), at: at(summary.createdAt) })}</li>
        {summary.submittedAt ? <li>{t("press.who.submitted", { name: who(summary.submittedByName), at: at(summary.submittedAt) })}</li> : null}
        {summary.approvedAt ? <li>{t("press.who.approved", { name: who(summary.approvedByName), at: at(summary.approvedAt) })}</li> : null}
        {summary.publishedAt ? <li>{t("press.who.published", { name: who(summary.publishedByName), at: at(summary.publishedAt) })}</li> : null}
      </ul>
      <DoneNotice />
      {otherFormError ? (
        <div className="notice notice-error" role="alert">
          {tError(otherFormError)}
        </div>
      ) : null}
      {conflict ? (
        <div className="card notice-warn press-conflict" role="alert" data-testid="press-conflict">
          <h3>{t("press.conflict.title")}</h3>
          <p>
            {t("press.conflict.body", {
              name: who(conflict.authorName),
              version: conflict.version,
              at: conflict.at ? at(conflict.at) : "",
            })}
          </p>
          <h4>{t("press.conflict.diff", { name: who(conflict.authorName) })}</h4>
          <DiffView diff={conflict.diff} label={t("press.conflict.diff", { name: who(conflict.authorName) })} />
          <details>
            <summary>{t("press.conflict.theirs", { name: who(conflict.authorName) })}</summary>
            <PressPreview title={conflict.title} body={conflict.body} byline={conflict.byline} photos={photos} />
          </details>
          <div className="actions">
            <Link to={`/events/${eventId}/press/${summary.id}`} className="button secondary" reloadDocument>
              {t("press.conflict.reload")}
            </Link>
          </div>
        </div>
      ) : null}
      {edit.allowed ? (
        <PressEditor
          key={formKey}
          defaults={editResult?.values ?? defaults}
          serverErrors={editResult?.fieldErrors ?? null}
          formError={editResult && !conflict ? editResult.formError : null}
          photos={photos}
          saveLabel={saveLabel}
          warning={warning}
          overwriteVersion={conflict ? conflict.version : null}
        />
      ) : (
        <>
          <p className="notice notice-warn" role="note">
            {tError(edit.reason === "press.workflow.needsEditor" ? "press.editor.readOnly" : edit.reason)}
          </p>
          <PressPreview title={summary.title} body={summary.body} byline={summary.byline ?? ""} photos={photos} />
        </>
      )}
      <PressSidePanels loaded={loaded} actionData={actionData ?? null} />
      <section className="card press-section">
        <PressExportActions eventId={eventId} summaryId={summary.id} status={status} slug={summary.slug} />
      </section>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
