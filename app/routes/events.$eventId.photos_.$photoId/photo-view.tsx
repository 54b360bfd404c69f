import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import { formatDateTime } from "~/domain/dates/phrasing";
import { megabytes } from "~/domain/photos/rules";
import { useT } from "~/i18n/use-t";
import type { PhotoPageData } from "./route";

/** The photo itself, its file's facts, the download, and the delete button with its confirmation (?delete=1). */
export function PhotoView({ loaded }: { loaded: PhotoPageData }) {
  const { photo, canManage, timeZone } = loaded;
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t, locale } = useT();
  const busy = navigation.state !== "idle";
  const confirmDelete = canManage && params.get("delete") === "1";
  return (
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
      <p className="actions space-above-sm">
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
          <p>{t("photos.deleteConfirm", { number: photo.number })}</p>
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
  );
}
