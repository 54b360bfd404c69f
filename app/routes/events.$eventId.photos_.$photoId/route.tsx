import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { canOnEvent } from "~/domain/access/permissions";
import { cameraLabel } from "~/domain/photos/camera";
import { formatDateTime } from "~/domain/dates/phrasing";
import { fieldErrors } from "~/domain/forms/fields";
import { MAX_CAPTION, MAX_CREDIT, photoEditClientSchema, photoEditSchema, photoTagSchema } from "~/domain/photos/photo.schema";
import { megabytes } from "~/domain/photos/rules";
import { shortAddress } from "~/domain/protocol/address";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { searchTagCandidates } from "~/models/photos.server";
import { isServiceError } from "~/utils/errors";
import { deletePhoto, getEventPhoto, getGallery, tagPhoto, untagPhoto, updatePhoto } from "~/services/photos.server";
import { isUuid, requireEventPermission, seesPersonalData } from "~/services/auth.server";
import { formDataToObject, readForm, versionField } from "~/utils/form-data.server";
import { pageTitle } from "~/utils/meta";
import { notFound } from "~/utils/responses.server";
import styles from "~/components/photos/photos.css";
import { revalidateWhenOutOfDate } from "~/utils/revalidate";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "photos.title");

export const shouldRevalidate = revalidateWhenOutOfDate;

const SEARCH_LIMIT = 20;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const photoId = params.photoId ?? "";
  if (!isUuid(photoId)) throw notFound();
  const gallery = await getGallery(context.db, access.event.id);
  const photo = gallery.photos.find((p) => p.id === photoId);
  if (!photo) throw notFound();
  const canManage = canOnEvent(access.user, "photos:manage", { ownerId: access.event.createdBy, memberRole: access.memberRole });
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const tagged = new Set(photo.tags.map((t) => t.invitationId));
  const candidates =
    canManage && q.trim()
      ? (await searchTagCandidates(context.db, access.event.id, q, SEARCH_LIMIT + tagged.size)).filter((c) => !tagged.has(c.invitationId)).slice(0, SEARCH_LIMIT)
      : [];
  return {
    eventId: access.event.id,
    timeZone: gallery.event.timeZone,
    canManage,
    q,
    photo: {
      id: photo.id,
      number: photo.number,
      url: photo.url,
      // The original keeps EXIF (GPS): the event's team and admins only.
      originalUrl: seesPersonalData(access) ? photo.originalUrl : null,
      width: photo.width,
      height: photo.height,
      captionVi: photo.captionVi,
      captionEn: photo.captionEn,
      credit: photo.credit,
      takenAt: photo.takenAt,
      camera: cameraLabel(photo.cameraMake, photo.cameraModel),
      isCover: photo.isCover,
      includeInPress: photo.includeInPress,
      originalFilename: photo.originalFilename,
      originalType: photo.originalType,
      originalBytes: photo.originalBytes,
      tags: photo.tags,
      version: photo.version,
    },
    candidates: candidates.map((c) => ({
      invitationId: c.invitationId,
      name: shortAddress({ honorific: c.honorific, name: c.fullName, positions: [] }),
      organization: c.organization,
    })),
  };
}

type FormValues = { captionVi: string; captionEn: string; credit: string; includeInPress: boolean; isCover: boolean };

interface ActionResult {
  error: string | null;
  fieldErrors: Record<string, string> | null;
  values: FormValues | null;
  /** On a conflict: what the other person saved, and the version to save over it knowingly. */
  theirs: (FormValues & { version: number }) | null;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "photos:manage");
  const eventId = access.event.id;
  const photoId = params.photoId ?? "";
  if (!isUuid(photoId)) throw notFound();
  const actor = { id: access.user.id, name: access.user.name };
  const raw = formDataToObject(await readForm(request));
  const result = (r: Partial<ActionResult>, status: number) =>
    data<ActionResult>({ error: null, fieldErrors: null, values: null, theirs: null, ...r }, { status });
  const here = (query: string) => redirect(`/events/${eventId}/photos/${photoId}?${query}`);
  const values: FormValues = {
    captionVi: str(raw.captionVi),
    captionEn: str(raw.captionEn),
    credit: str(raw.credit),
    includeInPress: raw.includeInPress === "on",
    isCover: raw.isCover === "on",
  };
  try {
    switch (raw.intent) {
      case "save": {
        const parsed = photoEditSchema.safeParse(raw);
        if (!parsed.success) return result({ fieldErrors: fieldErrors(parsed.error), values }, 400);
        const { version, ...change } = parsed.data;
        try {
          await updatePhoto(context.db, actor, eventId, photoId, change, version);
        } catch (error) {
          if (!isServiceError(error) || error.code !== "conflict") throw error;
          const now = await getEventPhoto(context.db, eventId, photoId);
          if (!now) throw error;
          const theirs = {
            captionVi: now.captionVi ?? "",
            captionEn: now.captionEn ?? "",
            credit: now.credit ?? "",
            includeInPress: now.includeInPress,
            isCover: now.isCover,
            version: now.version,
          };
          return result({ error: error.message, values, theirs }, 409);
        }
        return here("done=saved");
      }
      case "tag":
      case "untag": {
        const parsed = photoTagSchema.safeParse(raw);
        if (!parsed.success) return result({ error: "errors.invalid" }, 400);
        const { invitationId, version } = parsed.data;
        const before = await getEventPhoto(context.db, eventId, photoId);
        const saved =
          raw.intent === "tag"
            ? await tagPhoto(context.db, actor, eventId, photoId, invitationId, version)
            : await untagPhoto(context.db, actor, eventId, photoId, invitationId, version);
        const name = [...(before?.tags ?? []), ...saved.tags].find((t) => t.invitationId === invitationId)?.name ?? "";
        const q = str(raw.q);
        return here(`done=${raw.intent === "tag" ? "tagged" : "untagged"}&name=${encodeURIComponent(name)}${q ? `&q=${encodeURIComponent(q)}` : ""}`);
      }
      case "delete": {
        const version = versionField(raw.version);
        if (version === null) return result({ error: "errors.invalid" }, 400);
        const photo = await getEventPhoto(context.db, eventId, photoId);
        await deletePhoto(context.db, context.storage, actor, eventId, photoId, version);
        return redirect(`/events/${eventId}/photos?done=deleted&number=${photo?.number ?? ""}`);
      }
      default:
        return result({ error: "errors.invalid" }, 400);
    }
  } catch (error) {
    if (!isServiceError(error)) throw error;
    const status = error.code === "not_found" ? 404 : error.code === "conflict" ? 409 : 422;
    const fieldError = error.fields.taggedInvitationIds;
    return result({ error: fieldError ?? error.message }, status);
  }
}

const notices: Record<string, MessageKey> = { saved: "photos.edit.saved", tagged: "photos.tags.added", untagged: "photos.tags.removed" };

export default function PhotoPage() {
  const { eventId, photo, canManage, candidates, q, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t, tError, locale } = useT();
  const busy = navigation.state !== "idle";
  const notice = notices[params.get("done") ?? ""];
  const confirmDelete = canManage && params.get("delete") === "1";
  const theirs = actionData?.theirs ?? null;
  const typed = actionData?.values ?? null;
  const defaults: FormValues = typed ?? {
    captionVi: photo.captionVi ?? "",
    captionEn: photo.captionEn ?? "",
    credit: photo.credit ?? "",
    includeInPress: photo.includeInPress,
    isCover: photo.isCover,
  };
  const { form, onSubmit } = useSchemaForm(photoEditClientSchema, {
    defaultValues: defaults,
    serverErrors: actionData?.fieldErrors,
  });
  const title = t("photos.edit.title", { number: photo.number });
  return (
    <>
      <p style={{ marginTop: 0 }}>
        <Link to={`/events/${eventId}/photos`}>← {t("photos.edit.back")}</Link>
      </p>
      <h2>{title}</h2>
      {notice && !actionData ? (
        <div className="notice notice-ok" role="status">
          {t(notice, { name: params.get("name") ?? "" })}
        </div>
      ) : null}
      {actionData?.error ? (
        <div className={`notice ${theirs ? "notice-warn" : "notice-error"}`} role="alert">
          {tError(actionData.error)}
        </div>
      ) : null}
      <div className="photo-page">
        <div>
          <div className="photo-large">
            <img src={photo.url} alt={photo.captionVi ?? photo.captionEn ?? ""} width={photo.width} height={photo.height} />
          </div>
          <p className="photo-facts">
            {photo.takenAt ? t("photos.takenAt", { time: formatDateTime(new Date(photo.takenAt), timeZone, locale) }) : t("photos.takenUnknown")}
            {photo.camera ? <> · {t("photos.camera", { camera: photo.camera })}</> : null}
            <br />
            {t("photos.edit.file", {
              name: photo.originalFilename,
              type: photo.originalType,
              size: megabytes(photo.originalBytes),
              width: photo.width,
              height: photo.height,
            })}
          </p>
          <p className="actions" style={{ marginTop: ".5rem" }}>
            {photo.originalUrl ? (
              <a href={photo.originalUrl} className="button secondary" download>
                {t("photos.download")}
              </a>
            ) : null}
            {canManage && !confirmDelete ? (
              <Link to="?delete=1" className="button danger secondary" aria-label={t("photos.deleteLabel", { number: photo.number })}>
                {t("photos.delete")}
              </Link>
            ) : null}
          </p>
          {confirmDelete ? (
            <div className="card notice-warn" role="alertdialog" aria-label={t("photos.deleteLabel", { number: photo.number })}>
              <p style={{ marginTop: 0 }}>{t("photos.deleteConfirm", { number: photo.number })}</p>
              <Form method="post" className="actions">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="version" value={photo.version} />
                <button type="submit" className="button danger" disabled={busy}>
                  {t("action.confirm")}: {t("action.delete")}
                </button>
                <Link to="?" className="button secondary">
                  {t("action.back")}
                </Link>
              </Form>
            </div>
          ) : null}
        </div>
        <div>
          {canManage ? (
            <Form method="post" className="card" onSubmit={onSubmit} noValidate aria-label={t("photos.edit.details")}>
              <FormErrorSummary show={!!actionData?.fieldErrors} />
              {theirs ? (
                <div className="theirs" data-testid="theirs">
                  <strong>{t("photos.edit.theirs")}</strong>
                  <dl>
                    <dt>{t("photos.field.captionVi")}</dt>
                    <dd>{theirs.captionVi || "—"}</dd>
                    <dt>{t("photos.field.captionEn")}</dt>
                    <dd>{theirs.captionEn || "—"}</dd>
                    <dt>{t("photos.field.credit")}</dt>
                    <dd>{theirs.credit || "—"}</dd>
                  </dl>
                </div>
              ) : null}
              <input type="hidden" name="intent" value="save" />
              <input type="hidden" name="version" value={theirs?.version ?? photo.version} />
              <TextField form={form} name="captionVi" label={t("photos.field.captionVi")} lang="vi" maxLength={MAX_CAPTION} />
              <TextField form={form} name="captionEn" label={t("photos.field.captionEn")} lang="en" maxLength={MAX_CAPTION} />
              <TextField form={form} name="credit" label={t("photos.field.credit")} maxLength={MAX_CREDIT} />
              <div className="field">
                <label className="checkbox">
                  <input type="checkbox" value="on" defaultChecked={defaults.includeInPress} {...form.register("includeInPress")} />{" "}
                  {t("photos.field.includeInPress")}
                </label>
                <label className="checkbox">
                  <input type="checkbox" value="on" defaultChecked={defaults.isCover} {...form.register("isCover")} /> {t("photos.field.isCover")}
                </label>
              </div>
              <button type="submit" className="button" disabled={busy}>
                {t("action.save")}
              </button>
            </Form>
          ) : (
            <div className="card">
              <p className="photo-caption" lang="vi">{photo.captionVi ?? t("photos.noCaption")}</p>
              {photo.captionEn ? <p className="photo-caption en" lang="en">{photo.captionEn}</p> : null}
              {photo.credit ? <p className="photo-meta">{t("photos.creditLabel", { credit: photo.credit })}</p> : null}
              <p className="photo-meta">
                {photo.isCover ? `${t("photos.cover")} · ` : ""}
                {t(photo.includeInPress ? "photos.inPress" : "photos.notInPress")}
              </p>
            </div>
          )}
          <section className="card" aria-labelledby="tags-title">
            <h3 id="tags-title" style={{ marginTop: 0 }}>
              {t("photos.tags.title")}
            </h3>
            {photo.tags.length === 0 ? <p className="muted">{t("photos.tags.none")}</p> : null}
            <ul className="tag-list" data-testid="tag-list">
              {photo.tags.map((tag) => (
                <li key={tag.invitationId}>
                  <span>
                    {tag.name}
                    {tag.organization ? <span className="org">{tag.organization}</span> : null}
                  </span>
                  {canManage ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="untag" />
                      <input type="hidden" name="invitationId" value={tag.invitationId} />
                      <input type="hidden" name="version" value={photo.version} />
                      <input type="hidden" name="q" value={q} />
                      <button type="submit" className="button secondary small" disabled={busy} aria-label={t("photos.tags.removeLabel", { name: tag.name })}>
                        {t("photos.tags.remove")}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
            {canManage ? (
              <>
                <Form method="get" className="tag-search" role="search">
                  <div className="field">
                    <label htmlFor="tag-q">{t("photos.tags.search")}</label>
                    <input id="tag-q" type="search" name="q" defaultValue={q} key={q} maxLength={200} aria-describedby="tag-q-hint" />
                  </div>
                  <button type="submit" className="button secondary">
                    {t("photos.tags.searchSubmit")}
                  </button>
                </Form>
                <p className="hint muted" id="tag-q-hint" style={{ fontSize: ".85rem" }}>
                  {t("photos.tags.hint")}
                </p>
                {q && candidates.length === 0 ? <p className="muted">{t("photos.tags.noResults")}</p> : null}
                {candidates.length ? (
                  <ul className="tag-list" data-testid="tag-candidates">
                    {candidates.map((c) => (
                      <li key={c.invitationId}>
                        <span>
                          {c.name}
                          {c.organization ? <span className="org">{c.organization}</span> : null}
                        </span>
                        <Form method="post">
                          <input type="hidden" name="intent" value="tag" />
                          <input type="hidden" name="invitationId" value={c.invitationId} />
                          <input type="hidden" name="version" value={photo.version} />
                          <input type="hidden" name="q" value={q} />
                          <button type="submit" className="button small" disabled={busy} aria-label={t("photos.tags.addLabel", { name: c.name })}>
                            {t("photos.tags.add")}
                          </button>
                        </Form>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : null}
          </section>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
