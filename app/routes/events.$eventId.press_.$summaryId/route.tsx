import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PressExportActions } from "~/components/press/press-export";
import { PressStatusBadge } from "~/components/press/press-status";
import styles from "~/components/press/press.css";
import { Notice } from "~/components/ui/notice";
import { photoUrl } from "~/domain/photos/urls";
import { formatDateTime } from "~/domain/dates/phrasing";
import type { VersionDiff } from "~/domain/press/diff";
import type { PressEditFormValues } from "~/domain/press/press.schema";
import { isProvisionalSlug } from "~/domain/press/slug";
import type { PressStatus } from "~/domain/press/types";
import { canComment } from "~/domain/press/workflow";
import { useT } from "~/i18n/use-t";
import { getPressEvent, listEventPhotoRows } from "~/models/press.server";
import { defaultPressDrafter } from "~/services/press-drafter.server";
import {
  diffPressVersions,
  getPressSummary,
  listPressComments,
  listPressVersions,
  pressActionsFor,
  pressPermissions,
  publicPressPath,
} from "~/services/press.server";
import { isUuid, requireEventPermission } from "~/services/auth.server";
import { parseForm } from "~/utils/action-kit.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { pageTitle } from "~/utils/meta";
import { forbidden, notFound } from "~/utils/responses.server";
import { revalidateWhenOutOfDate } from "~/utils/revalidate";
import { guardPressAction, invalidPressForm, runPressAction, type PressActionContext } from "./press-actions.server";
import { pressSummaryActionSchema, pressSummaryIntent } from "./press-summary.schema";
import { DiffView } from "./diff-view";
import { PressEditor } from "./editor";
import { PressPreview, type EditorPhoto } from "./preview";
import { PressSidePanels } from "./side-panels";

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

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { access, summary } = await loadSummary(request, context, params);
  // Every intent here is for the event's press editors and approvers: anyone else is refused before the form is read.
  if (!canComment(await pressPermissions(context.db, access.user, summary.eventId))) throw forbidden();
  const formData = await readForm(request);
  const values = formDataToObject(formData);
  const c: PressActionContext = { context, actor: access.user, summary, intent: pressSummaryIntent(values), values };
  const refusedEarly = await guardPressAction(c);
  if (refusedEarly) return refusedEarly;
  const form = await parseForm(request, pressSummaryActionSchema, { formData });
  if (!form.success) return invalidPressForm(c, form.fieldErrors);
  return runPressAction(c, form.data);
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
      {otherFormError ? <Notice tone="error">{tError(otherFormError)}</Notice> : null}
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
          <Notice as="p" tone="warn" role="note">
            {tError(edit.reason === "press.workflow.needsEditor" ? "press.editor.readOnly" : edit.reason)}
          </Notice>
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
