/** The JSON shape of a photo in the API (docs/api.md, "Photos"), and the translation of upload refusals. */
import type { PhotoJson } from "~/domain/api/resources";
import { translateError } from "~/i18n/i18n";
import { isPhotoRejected } from "~/services/photos-processing.server";
import type { PhotoView } from "~/services/photos.server";
import { apiError } from "~/utils/api.server";
import { isoInZone } from "~/services/api-presenters/iso.server";


/** Absolute URLs (appUrl + path), capture time with the event's offset; `originals`: may download the original. */
export function photoToJson(p: PhotoView, timeZone: string, appUrl: string, originals: boolean): PhotoJson {
  return {
    id: p.id,
    number: p.number,
    position: p.number,
    url: `${appUrl}${p.url}`,
    thumbnailUrl: `${appUrl}${p.thumbnailUrl}`,
    originalUrl: originals ? `${appUrl}${p.originalUrl}` : null,
    width: p.width,
    height: p.height,
    captionVi: p.captionVi,
    captionEn: p.captionEn,
    credit: p.credit,
    takenAt: p.takenAt ? isoInZone(p.takenAt, timeZone) : null,
    camera: { make: p.cameraMake, model: p.cameraModel },
    isCover: p.isCover,
    includeInPress: p.includeInPress,
    taggedInvitationIds: p.tags.map((t) => t.invitationId),
    tags: p.tags,
    originalFilename: p.originalFilename,
    originalType: p.originalType,
    originalBytes: p.originalBytes,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** An upload refusal as the API's JSON error with its status (400/409/413/415/422); other errors rethrown. */
export function rejectionToApiError(error: unknown): Response {
  if (isPhotoRejected(error)) return apiError(error.status, translateError("en", error.message));
  throw error;
}
