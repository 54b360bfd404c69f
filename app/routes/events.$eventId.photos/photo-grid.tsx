import { Form, Link } from "@remix-run/react";
import { formatDateTime } from "~/domain/dates/phrasing";
import { useReorderableList } from "~/components/use-reorderable-list";
import { useT } from "~/i18n/use-t";

export interface GridPhoto {
  id: string;
  number: number;
  thumbnailUrl: string;
  /** Null for readers who may not download originals (EXIF, GPS). */
  originalUrl: string | null;
  width: number;
  height: number;
  captionVi: string | null;
  captionEn: string | null;
  credit: string | null;
  takenAt: Date | string | null;
  camera: string | null;
  isCover: boolean;
  includeInPress: boolean;
  tags: string[];
  version: number;
}

/**
 * The gallery in order. Reordering happens here, in the browser — drag and drop, or the Earlier/Later buttons,
 * which keep the keyboard focus so they can be pressed again — until "Save order" sends the whole order with
 * the version it started from (the precedence list's pattern). Without JavaScript each button saves one step.
 * The cover and press buttons submit the same form with their own value ("cover:<id>:<version>").
 */
export function PhotoGrid({
  eventId,
  photos,
  orderVersion,
  timeZone,
  canManage,
  busy,
}: {
  eventId: string;
  photos: GridPhoto[];
  orderVersion: string;
  timeZone: string;
  canManage: boolean;
  busy: boolean;
}) {
  const { t, locale } = useT();
  const byId = new Map(photos.map((p) => [p.id, p]));
  const initial = photos.map((p) => p.id);
  const label = (p: GridPhoto) => p.captionVi ?? p.captionEn ?? t("photos.number", { number: p.number });
  const { order, dirty, live, onStep, onDragStart, onDragOver, onDrop, onDragEnd, itemState } = useReorderableList({
    initial,
    axis: "horizontal",
    busy,
    describeMove: (id, place) => {
      const p = byId.get(id);
      return t("photos.order.moved", { caption: p ? label(p) : "", place });
    },
  });

  return (
    <Form method="post" aria-label={t("photos.title")} preventScrollReset>
      <input type="hidden" name="version" value={orderVersion} />
      {order.map((id) => (
        <input key={id} type="hidden" name="ids" value={id} />
      ))}
      {canManage ? <p className="muted" style={{ marginTop: 0 }}>{t("photos.order.hint")}</p> : null}
      <ol className="photo-grid" data-testid="photo-grid">
        {order.map((id, index) => {
          const p = byId.get(id);
          if (!p) return null;
          const place = index + 1;
          const classes = ["photo-card", itemState(id), initial[index] !== id ? "unsaved" : ""].filter(Boolean);
          return (
            <li
              key={id}
              className={classes.join(" ")}
              data-testid="photo-card"
              data-photo-id={id}
              draggable={canManage && !busy}
              onDragStart={canManage ? (e) => onDragStart(e, id) : undefined}
              onDragOver={canManage ? (e) => onDragOver(e, id) : undefined}
              onDrop={canManage ? (e) => onDrop(e, id) : undefined}
              onDragEnd={canManage ? onDragEnd : undefined}
            >
              <div className="photo-thumb" title={canManage ? t("photos.dragHandle", { number: place }) : undefined}>
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
                {canManage ? (
                  <>
                    <span className="order-buttons">
                      <button
                        type="submit"
                        name="move"
                        value={`${id}:up`}
                        aria-disabled={index === 0 || busy}
                        aria-label={t("photos.moveUpLabel", { number: place })}
                        onClick={(e) => onStep(e, id, -1)}
                      >
                        ← {t("photos.moveUp")}
                      </button>
                      <button
                        type="submit"
                        name="move"
                        value={`${id}:down`}
                        aria-disabled={index === order.length - 1 || busy}
                        aria-label={t("photos.moveDownLabel", { number: place })}
                        onClick={(e) => onStep(e, id, 1)}
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
        })}
      </ol>
      {canManage ? (
        <div className="order-bar">
          <button type="submit" name="intent" value="order" className="button" disabled={!dirty || busy}>
            {t("photos.order.save")}
          </button>
          {dirty ? (
            <span role="status" style={{ color: "var(--warn)" }}>
              {t("photos.order.unsaved")}
            </span>
          ) : null}
          <span className="muted">{t("photos.count", { count: photos.length })}</span>
        </div>
      ) : null}
      <div aria-live="polite" className="visually-hidden">
        {live}
      </div>
    </Form>
  );
}
