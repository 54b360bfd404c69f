import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/ui/notice";
import { canOnEvent } from "~/domain/access/permissions";
import { cameraLabel } from "~/domain/photos/camera";
import { shortAddress } from "~/domain/protocol/address";
import { useT } from "~/i18n/use-t";
import { searchTagCandidates } from "~/models/photos.server";
import { getGallery } from "~/services/photos.server";
import { isUuid, requireEventPermission, seesPersonalData } from "~/services/auth.server";
import { parseForm } from "~/utils/action-kit.server";
import { pageTitle } from "~/utils/meta";
import { notFound } from "~/utils/responses.server";
import { revalidateWhenOutOfDate } from "~/utils/revalidate";
import styles from "~/components/photos/photos.css";
import { photoActionResult, runPhotoAction, typedPhotoValues } from "./photo-actions.server";
import { PhotoDetailsCard, PhotoDetailsForm } from "./photo-details";
import { photoPageActionSchema } from "./photo-page.schema";
import { PhotoTags } from "./photo-tags";
import { PhotoView } from "./photo-view";

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

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "photos:manage");
  const photoId = params.photoId ?? "";
  if (!isUuid(photoId)) throw notFound();
  const form = await parseForm(request, photoPageActionSchema);
  if (!form.success)
    // The details form keeps what was typed, each field with its message; any other refusal is a tampered form.
    return form.values.intent === "save"
      ? photoActionResult({ fieldErrors: form.fieldErrors, values: typedPhotoValues(form.values) }, 400)
      : photoActionResult({ error: "errors.invalid" }, 400);
  const actor = { id: access.user.id, name: access.user.name };
  return runPhotoAction({ context, actor, eventId: access.event.id, photoId, values: form.values }, form.data);
}

export type PhotoPageData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function PhotoPage() {
  const loaded = useLoaderData<typeof loader>();
  const { eventId, photo, canManage } = loaded;
  const actionData = useActionData<typeof action>();
  const { t, tError } = useT();
  const theirs = actionData?.theirs ?? null;
  return (
    <>
      <p className="flush-top">
        <Link to={`/events/${eventId}/photos`}>← {t("photos.edit.back")}</Link>
      </p>
      <h2>{t("photos.edit.title", { number: photo.number })}</h2>
      {actionData?.error ? (
        <Notice tone={theirs ? "warn" : "error"} role="alert">
          {tError(actionData.error)}
        </Notice>
      ) : null}
      <div className="photo-page">
        <PhotoView loaded={loaded} />
        <div>
          {canManage ? <PhotoDetailsForm photo={photo} actionData={actionData ?? null} /> : <PhotoDetailsCard photo={photo} />}
          <PhotoTags loaded={loaded} />
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
