import { data, type ActionFunctionArgs, type AppLoadContext, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TeamAccessHint } from "~/components/team-access-hint";
import { Notice } from "~/components/ui/notice";
import { canOnEvent } from "~/domain/access/permissions";
import { cameraLabel } from "~/domain/photos/camera";
import { MAX_FILES_PER_FORM } from "~/domain/photos/rules";
import { submittedOrder } from "~/domain/protocol/precedence-list";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { listTeamManagers } from "~/models/events.server";
import { isPhotoRejected } from "~/services/photos-processing.server";
import { readPhotoUploads } from "~/services/photos-upload.server";
import { getGallery, savePhotoOrder, updatePhoto, uploadPhoto } from "~/services/photos.server";
import { requireEventPermission, seesPersonalData } from "~/services/auth.server";
import { attempt, parseForm } from "~/utils/action-kit.server";
import { photoLimits } from "~/utils/env.server";
import { pageTitle } from "~/utils/meta";
import { revalidateWhenOutOfDate } from "~/utils/revalidate";
import styles from "~/components/photos/photos.css";
import { galleryActionSchema, galleryIntent } from "./gallery.schema";
import { PhotoGrid } from "./photo-grid";
import { Uploader } from "./uploader";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "photos.title");

export const shouldRevalidate = revalidateWhenOutOfDate;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const gallery = await getGallery(context.db, access.event.id);
  const canManage = canOnEvent(access.user, "photos:manage", { ownerId: access.event.createdBy, memberRole: access.memberRole });
  return {
    eventId: access.event.id,
    timeZone: gallery.event.timeZone,
    orderVersion: gallery.orderVersion,
    canManage,
    // Someone who may only look is told who can add them to the event's team.
    teamManagers: canManage ? [] : await listTeamManagers(context.db, access.event.id),
    maxBytes: photoLimits().maxBytes,
    photos: gallery.photos.map((p) => ({
      id: p.id,
      number: p.number,
      thumbnailUrl: p.thumbnailUrl,
      // The original keeps EXIF (GPS): the event's team and admins only.
      originalUrl: seesPersonalData(access) ? p.originalUrl : null,
      width: p.width,
      height: p.height,
      captionVi: p.captionVi,
      captionEn: p.captionEn,
      credit: p.credit,
      takenAt: p.takenAt,
      camera: cameraLabel(p.cameraMake, p.cameraModel),
      isCover: p.isCover,
      includeInPress: p.includeInPress,
      tags: p.tags.map((t) => t.name),
      version: p.version,
    })),
  };
}

interface UploadOutcome {
  filename: string;
  /** null when stored; else the refusal's i18n key. */
  error: string | null;
}

interface ActionResult {
  ok: MessageKey | null;
  error: string | null;
  uploads?: UploadOutcome[];
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "photos:manage");
  const eventId = access.event.id;
  const actor = { id: access.user.id, name: access.user.name };
  // The plain form (before JavaScript): every chosen file in one request, each stored or refused on its own.
  if ((request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data")) return uploadFromForm(request, context, actor, eventId);

  const form = await parseForm(request, galleryActionSchema, { arrayFields: ["ids"] });
  if (!form.success) return fail(galleryIntent(form.values) === "order" ? "photos.errors.order" : "errors.invalid", 400);
  if (form.data.intent === "mark") {
    const { id, version, change } = form.data.act;
    const saved = await attempt(() => updatePhoto(context.db, actor, eventId, id, change, version));
    if (!saved.ok) return fail(saved.error.code === "conflict" ? "photos.errors.staleShort" : saved.error.message, saved.status);
    return data<ActionResult>({ ok: "photos.edit.saved", error: null });
  }
  const { ids, move, version } = form.data;
  const order = submittedOrder(ids, move);
  if (order === "invalid") return fail("errors.invalid", 400);
  // A step past either end changes nothing: nothing to save.
  if (order === "unchanged") return data<ActionResult>({ ok: null, error: null });
  const saved = await attempt(() => savePhotoOrder(context.db, actor, eventId, order.ids, version));
  if (!saved.ok) return fail(saved.error.message, saved.status);
  return data<ActionResult>({ ok: "photos.order.saved", error: null });
}

const fail = (error: string, status: number) => data<ActionResult>({ ok: null, error }, { status });

async function uploadFromForm(request: Request, context: AppLoadContext, actor: { id: string; name: string }, eventId: string) {
  const limits = photoLimits();
  try {
    const form = await readPhotoUploads(request, { maxBytes: limits.maxBytes, maxFiles: MAX_FILES_PER_FORM, single: false });
    if (form.files.length === 0) return fail("photos.errors.noFile", 400);
    const uploads: UploadOutcome[] = [];
    for (const file of form.files) {
      if (file.rejection) {
        uploads.push({ filename: file.filename, error: file.rejection.message });
        continue;
      }
      try {
        await uploadPhoto(context.db, context.storage, actor, eventId, file, { captionVi: null, captionEn: null, credit: null }, limits);
        uploads.push({ filename: file.filename, error: null });
      } catch (error) {
        if (!isPhotoRejected(error)) throw error;
        uploads.push({ filename: file.filename, error: error.message });
      }
    }
    return data<ActionResult>({ ok: null, error: null, uploads });
  } catch (error) {
    if (isPhotoRejected(error)) return fail(error.message, error.status);
    throw error;
  }
}

export default function PhotosPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { eventId, photos, canManage, teamManagers, orderVersion, timeZone, maxBytes } = loaderData;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, tError } = useT();
  const busy = navigation.state !== "idle";
  return (
    <>
      <div className="photos-toolbar">
        <h2>{t("photos.title")}</h2>
        {canManage && photos.length ? (
          <div className="actions">
            <Link to={`/events/${eventId}/photos/captions`} className="button secondary">
              {t("photos.bulk.link")}
            </Link>
          </div>
        ) : null}
      </div>
      {actionData?.ok ? <Notice tone="ok">{t(actionData.ok)}</Notice> : null}
      {actionData?.error ? <Notice tone="error">{tError(actionData.error)}</Notice> : null}
      {actionData?.uploads ? (
        <Notice tone={actionData.uploads.some((u) => u.error) ? "warn" : "ok"} data-testid="form-upload-results">
          <ul className="tight-list">
            {actionData.uploads.map((u, i) => (
              <li key={i}>{u.error ? `${u.filename}: ${tError(u.error)}` : t("photos.upload.resultOk", { name: u.filename })}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <p className="muted flush-top">
        {canManage ? t("photos.intro") : t("photos.readOnly")}
      </p>
      {canManage ? null : <TeamAccessHint managers={teamManagers} />}
      {canManage ? <Uploader eventId={eventId} maxBytes={maxBytes} busy={busy} /> : null}
      {photos.length === 0 ? (
        <p className="card muted" data-testid="photos-empty">
          {canManage ? t("photos.emptyManage") : t("photos.empty")}
        </p>
      ) : (
        <PhotoGrid
          // A new order (saved here or elsewhere, or a 409 reload) starts the arrangement afresh.
          key={`${orderVersion}:${photos.map((p) => p.version).join(",")}`}
          eventId={eventId}
          photos={photos}
          orderVersion={orderVersion}
          timeZone={timeZone}
          canManage={canManage}
          busy={busy}
        />
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
