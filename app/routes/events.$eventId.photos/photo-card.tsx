import { Link } from "@remix-run/react";
import type { ReorderableList } from "~/components/use-reorderable-list";
import { formatDateTime } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import type { GridPhoto } from "./photo-grid";

/**
 * One photo of the gallery at its place: thumbnail, captions and facts; for the team (`list` given) dragging, the
 * Earlier/Later steps, edit, cover and press buttons (which submit the gallery's form with their own value).
 */
export function PhotoCard({
  photo: p,
  place,
  className,
  first,
  last,
  list,
  eventId,
  timeZone,
  busy,
}: {
  photo: GridPhoto;
  place: number;
  className: string;
  first: boolean;
  last: boolean;
  list: ReorderableList | null;
  eventId: string;
  timeZone: string;
  busy: boolean;
}) {
  const { t, locale } = useT();
  const id = p.id;
  return (
    <li
      className={className}
      data-testid="photo-card"
      data-photo-id={id}
      draggable={list !== null && !busy}
      onDragStart={list ? (e) => list.onDragStart(e, id) : undefined}
      onDragOver={list ? (e) => list.onDragOver(e, id) : undefined}
      onDrop={list ? (e) => list.onDrop(e, id) : undefined}
      onDragEnd={list ? list.onDragEnd : undefined}
    >
      <div className="photo-thumb" title={list ? t("photos.dragHandle", { number: place }) : undefined}>
        <img src={p.thumbnailUrl} alt={p.captionVi ?? p.captionEn ?? ""} width={p.width} height={p.height} loading="lazy" draggable={false} />
        <span className="photo-badges">
          {p.isCover ? <span className="badge cover" data-testid="cover-badge">{t("photos.cover")}</span> : null}
          {p.includeInPress ? null : <span className="badge out" data-testid="out-badge">{t("photos.notInPress")}</span>}
        </span>
      </div>
      <div className="photo-body">
        <span className="photo-number" data-testid="photo-number">
          {t("photos.number", { number: place })}
        </span>
        {p.captionVi || p.captionEn ? (
          <>
            {p.captionVi ? <p className="photo-caption" data-testid="caption-vi" lang="vi">{p.captionVi}</p> : null}
            {p.captionEn ? <p className="photo-caption en" data-testid="caption-en" lang="en">{p.captionEn}</p> : null}
          </>
        ) : (
          <p className="photo-caption none">{t("photos.noCaption")}</p>
        )}
        {p.credit ? <p className="photo-meta">{t("photos.creditLabel", { credit: p.credit })}</p> : null}
        <p className="photo-meta">
          {p.takenAt ? t("photos.takenAt", { time: formatDateTime(new Date(p.takenAt), timeZone, locale) }) : t("photos.takenUnknown")}
        </p>
        {p.camera ? <p className="photo-meta">{t("photos.camera", { camera: p.camera })}</p> : null}
        {p.tags.length ? <p className="photo-meta" data-testid="photo-tags">{t("photos.tagged", { names: p.tags.join(", ") })}</p> : null}
      </div>
      <div className="photo-tools">
        {list ? (
          <>
            <span className="order-buttons">
              <button
                type="submit"
                name="move"
                value={`${id}:up`}
                aria-disabled={first || busy}
                aria-label={t("photos.moveUpLabel", { number: place })}
                onClick={(e) => list.onStep(e, id, -1)}
              >
                ← {t("photos.moveUp")}
              </button>
              <button
                type="submit"
                name="move"
                value={`${id}:down`}
                aria-disabled={last || busy}
                aria-label={t("photos.moveDownLabel", { number: place })}
                onClick={(e) => list.onStep(e, id, 1)}
              >
                {t("photos.moveDown")} →
              </button>
            </span>
            <Link to={`/events/${eventId}/photos/${id}`} className="button secondary" aria-label={t("photos.editLabel", { number: place })}>
              {t("photos.edit")}
            </Link>
            {p.isCover ? null : (
              <button
                type="submit"
                name="act"
                value={`cover:${id}:${p.version}`}
                className="button secondary"
                disabled={busy}
                aria-label={t("photos.makeCoverLabel", { number: place })}
              >
                {t("photos.makeCover")}
              </button>
            )}
            <button
              type="submit"
              name="act"
              value={`${p.includeInPress ? "exclude" : "include"}:${id}:${p.version}`}
              className="button secondary"
              disabled={busy}
              aria-label={t(p.includeInPress ? "photos.excludeLabel" : "photos.includeLabel", { number: place })}
            >
              {t(p.includeInPress ? "photos.exclude" : "photos.include")}
            </button>
          </>
        ) : null}
        {p.originalUrl ? (
          <a href={p.originalUrl} className="button secondary" download aria-label={t("photos.downloadLabel", { number: place })}>
            {t("photos.download")}
          </a>
        ) : null}
      </div>
    </li>
  );
}
