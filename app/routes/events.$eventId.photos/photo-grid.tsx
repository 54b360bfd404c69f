import { Form } from "@remix-run/react";
import { useReorderableList } from "~/components/use-reorderable-list";
import { useT } from "~/i18n/use-t";
import { PhotoCard } from "./photo-card";

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
  const { t } = useT();
  const byId = new Map(photos.map((p) => [p.id, p]));
  const initial = photos.map((p) => p.id);
  const label = (p: GridPhoto) => p.captionVi ?? p.captionEn ?? t("photos.number", { number: p.number });
  const list = useReorderableList({
    initial,
    axis: "horizontal",
    busy,
    describeMove: (id, place) => {
      const p = byId.get(id);
      return t("photos.order.moved", { caption: p ? label(p) : "", place });
    },
  });
  const { order, dirty, live, itemState } = list;

  return (
    <Form method="post" aria-label={t("photos.title")} preventScrollReset>
      <input type="hidden" name="version" value={orderVersion} />
      {order.map((id) => (
        <input key={id} type="hidden" name="ids" value={id} />
      ))}
      {canManage ? <p className="muted flush-top">{t("photos.order.hint")}</p> : null}
      <ol className="photo-grid" data-testid="photo-grid">
        {order.map((id, index) => {
          const p = byId.get(id);
          if (!p) return null;
          const place = index + 1;
          const classes = ["photo-card", itemState(id), initial[index] !== id ? "unsaved" : ""].filter(Boolean);
          return (
            <PhotoCard
              key={id}
              photo={p}
              place={place}
              className={classes.join(" ")}
              first={index === 0}
              last={index === order.length - 1}
              list={canManage ? list : null}
              eventId={eventId}
              timeZone={timeZone}
              busy={busy}
            />
          );
        })}
      </ol>
      {canManage ? (
        <div className="order-bar">
          <button type="submit" name="intent" value="order" className="button" disabled={!dirty || busy}>
            {t("photos.order.save")}
          </button>
          {dirty ? (
            <span role="status" className="order-unsaved">
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
