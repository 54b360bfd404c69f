/** A photo as the API answers it (docs/api.md, "Photos"; the schema: app/domain/api/resources.ts). */
import type { PhotoJson } from "~/domain/api/resources";
import type { PhotoView } from "~/services/photos.server";
import { isoInZoneOrNull } from "./iso.server";

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
    takenAt: isoInZoneOrNull(p.takenAt, timeZone),
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
