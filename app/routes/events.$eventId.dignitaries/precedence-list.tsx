import { Form, Link, useLoaderData } from "@remix-run/react";
import { arrivalText } from "~/domain/protocol/arrival-text";
import { useReorderableList } from "~/components/use-reorderable-list";
import { precedenceReasonText } from "~/domain/protocol/reason-text";
import { useT } from "~/i18n/use-t";
import type { loader } from "./route";
import { sideName } from "~/components/ceremony/side-name";

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/**
 * The dignitaries in precedence order. Reordering happens here, in the browser (drag and drop, or the Up/Down
 * buttons, which keep the keyboard focus so they can be pressed again), until "Save order" sends the whole
 * order with the version it started from. Without JavaScript each Up/Down button saves one step at once.
 */
export function PrecedenceList({ data, busy }: { data: Data; busy: boolean }) {
  const { t, locale } = useT();
  const { sides, documents } = data;
  const sideOf = (id: string | null) => {
    const side = sides.find((s) => s.id === id);
    return side ? sideName(side, locale, (k) => t(`ceremony.side.kind.${k}`)) : "";
  };
  const roleText = (r: (typeof dignitaries)[number]["roles"][number]) =>
    r.kind === "signatory"
      ? t("ceremony.signsFor", { document: documents.find((d) => d.id === r.documentId)?.title ?? "", side: sideOf(r.sideId) })
      : t(`ceremony.role.${r.kind}`);
  const { dignitaries, canUpdate, version, equalsFirst, timeZone, eventDate, manual, eventId } = data;
  const byId = new Map(dignitaries.map((d) => [d.id, d]));
  const initial = dignitaries.map((d) => d.id);
  const { order, dirty, live, onStep, onDragStart, onDragOver, onDrop, onDragEnd, itemState } = useReorderableList({
    initial,
    axis: "vertical",
    busy,
    describeMove: (id, place) => t("protocol.order.moved", { name: byId.get(id)?.shortAddress ?? "", place }),
  });

  return (
    <Form method="post" aria-label={t("protocol.dignitaries.title")}>
      <input type="hidden" name="version" value={version} />
      {order.map((id) => (
        <input key={id} type="hidden" name="ids" value={id} />
      ))}
      <table className="list precedence" data-testid="precedence-list">
        <thead>
          <tr>
            <th className="col-place">{t("protocol.col.place")}</th>
            <th>{t("protocol.col.dignitary")}</th>
            <th className="hide-sm">{t("protocol.col.organization")}</th>
            <th className="hide-sm">{t("protocol.col.side")}</th>
            <th>{t("protocol.col.arrival")}</th>
            <th className="hide-sm">{t("protocol.col.escort")}</th>
            <th>{t("protocol.col.reason")}</th>
            {canUpdate ? <th className="col-order">{t("protocol.col.order")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {order.map((id, index) => {
            const d = byId.get(id);
            if (!d) return null;
            const unsaved = initial[index] !== id;
            const classes = [itemState(id), unsaved ? "unsaved" : ""].filter(Boolean);
            return (
              <tr
                key={id}
                data-testid="dignitary-row"
                className={classes.join(" ") || undefined}
                draggable={canUpdate && !busy}
                onDragStart={canUpdate ? (e) => onDragStart(e, id) : undefined}
                onDragOver={canUpdate ? (e) => onDragOver(e, id) : undefined}
                onDrop={canUpdate ? (e) => onDrop(e, id) : undefined}
                onDragEnd={canUpdate ? onDragEnd : undefined}
              >
                <td className="col-place" data-testid="place">
                  {index + 1}
                </td>
                <td className="address">
                  {canUpdate ? (
                    <span className="drag-handle" aria-hidden="true" title={t("protocol.order.dragHandle", { name: d.shortAddress })}>
                      ⠿
                    </span>
                  ) : null}{" "}
                  {canUpdate ? <Link to={`/events/${eventId}/dignitaries/${d.id}`}>{d.fullAddress}</Link> : d.fullAddress}
                  {d.roles.length ? (
                    <div className="muted roles" data-testid="roles">
                      {d.roles.map(roleText).join(" · ")}
                    </div>
                  ) : null}
                </td>
                <td className="hide-sm">
                  {d.organization ?? ""}
                  {d.delegation ? <div className="muted">{d.delegation}</div> : null}
                </td>
                <td className="hide-sm">
                  {d.side ? <span className={`side-badge ${d.side}`}>{t(`protocol.side.${d.side}`)}</span> : d.sideId ? null : "—"}
                  {d.sideId ? <div className="muted">{sideOf(d.sideId)}</div> : null}
                </td>
                <td>{arrivalText(d.arrivalAt, timeZone, eventDate) || "—"}</td>
                <td className="hide-sm">{d.escortName ?? "—"}</td>
                <td className={`reason${d.moved ? " manual" : ""}`} data-testid="reason">
                  {precedenceReasonText(d, d.positionCount, t, equalsFirst)}
                  {d.rankUnknown ? (
                    <div>
                      <span className={`rank-unknown${d.needsReview ? " needs-review" : ""}`} data-testid="rank-unknown">
                        {t("protocol.rankUnknown")}
                      </span>
                    </div>
                  ) : null}
                </td>
                {canUpdate ? (
                  <td className="col-order">
                    <span className="order-buttons">
                      <button
                        type="submit"
                        name="move"
                        value={`${id}:up`}
                        aria-disabled={index === 0 || busy}
                        aria-label={t("protocol.order.moveUpLabel", { name: d.shortAddress })}
                        onClick={(e) => onStep(e, id, -1)}
                      >
                        ↑ {t("protocol.order.moveUp")}
                      </button>
                      <button
                        type="submit"
                        name="move"
                        value={`${id}:down`}
                        aria-disabled={index === order.length - 1 || busy}
                        aria-label={t("protocol.order.moveDownLabel", { name: d.shortAddress })}
                        onClick={(e) => onStep(e, id, 1)}
                      >
                        ↓ {t("protocol.order.moveDown")}
                      </button>
                    </span>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="order-bar">
        {canUpdate ? (
          <button type="submit" name="intent" value="order" className="button" disabled={!dirty || busy}>
            {t("protocol.order.save")}
          </button>
        ) : null}
        <span className={`status ${dirty ? "" : "muted"}`} role={dirty ? "status" : undefined} style={dirty ? { color: "var(--warn)" } : undefined}>
          {dirty ? t("protocol.order.unsaved") : t(manual ? "protocol.order.manualNotice" : "protocol.order.proposedNotice")}
        </span>
        <span className="muted">{t("protocol.dignitaries.count", { count: dignitaries.length })}</span>
      </div>
      <div aria-live="polite" className="visually-hidden">
        {live}
      </div>
    </Form>
  );
}
