import { Form, Link, useNavigation } from "@remix-run/react";
import type { FormEvent, ReactNode } from "react";
import { endOf, type AgendaKind } from "~/domain/agenda/agenda";
import { issuesByItem, moveTo, reorder, type ItemIssue } from "~/domain/agenda/agenda-edit";
import { formatDate, formatDayMonth, formatTime } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { useAgendaDrag } from "./use-agenda-drag";
import { ConfirmPanel } from "~/components/ui/confirm-panel";

export interface AgendaItemShown {
  id: string;
  startsAt: Date;
  endsAt: Date;
  durationMinutes: number;
  title: string;
  kind: AgendaKind;
  responsibleUserId: string | null;
  speakerInvitationId: string | null;
  place: string | null;
  notes: string | null;
  keyPoints: string[];
  issues: ItemIssue[];
  version: string;
}

interface ListData {
  event: { startsAt: Date; endsAt: Date; timeZone: string };
  items: AgendaItemShown[];
  version: string;
  canEdit: boolean;
  speakerNames: Record<string, string>;
  staffNames: Record<string, string>;
}

/** While a move or reorder is on its way, show its result already (times laid out as the server will). */
function pendingItems(items: AgendaItemShown[], formData: FormData | undefined, event: ListData["event"]): AgendaItemShown[] | null {
  if (!formData) return null;
  const intent = formData.get("intent");
  let next: AgendaItemShown[] | null = null;
  if (intent === "reorder") {
    next = reorder(items, String(formData.get("order") ?? "").split(","));
  } else if (intent === "move") {
    const id = String(formData.get("itemId") ?? "");
    const index = items.findIndex((x) => x.id === id);
    const to = formData.get("direction") === "up" ? index - 1 : index + 1;
    if (index >= 0 && to >= 0 && to < items.length) next = moveTo(items, id, to);
  }
  if (!next) return null;
  const issues = issuesByItem(next, event);
  return next.map((x) => ({ ...x, endsAt: endOf(x), issues: issues.get(x.id) ?? [] }));
}

export function AgendaList({
  loaderData,
  editId,
  deleteId,
  renderEdit,
}: {
  loaderData: ListData;
  editId: string | null;
  deleteId: string | null;
  renderEdit: (item: AgendaItemShown) => ReactNode;
}) {
  const { event, version, canEdit, speakerNames, staffNames } = loaderData;
  const { t } = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const items = pendingItems(loaderData.items, navigation.formData, event) ?? loaderData.items;
  const { dragId, dropIndex, onDragStart, onDragOver, onDrop, onDragEnd } = useAgendaDrag(items, version, busy);
  const zone = event.timeZone;
  const eventDay = formatDate(event.startsAt, zone);
  const titleOf = (id: string) => items.find((x) => x.id === id)?.title ?? "";

  const guard = (e: FormEvent) => {
    if (busy) e.preventDefault();
  };

  return (
    <>
      {canEdit ? <p className="muted agenda-hint">{t("agenda.reorderHint")}</p> : null}
      <ol className="agenda-list" aria-label={t("agenda.list")} data-testid="agenda-list">
        {items.map((item, index) => {
          const editing = canEdit && editId === item.id;
          const dayPrefix = formatDate(item.startsAt, zone) === eventDay ? "" : `${formatDayMonth(item.startsAt, zone)} `;
          const classes = [
            "agenda-item",
            item.issues.length ? "agenda-item-flagged" : "",
            dragId === item.id ? "agenda-item-dragging" : "",
            dropIndex === index && dragId ? "agenda-drop-before" : "",
            dropIndex === index + 1 && dragId && index === items.length - 1 ? "agenda-drop-after" : "",
            editing ? "agenda-item-editing" : "",
          ]
            .filter(Boolean)
            .join(" ");
          return (
            <li
              key={item.id}
              id={`item-${item.id}`}
              className={classes}
              data-testid="agenda-item"
              draggable={canEdit && !editing && !busy}
              onDragStart={(e) => onDragStart(e, item.id)}
              onDragOver={(e) => onDragOver(e, index)}
              onDrop={onDrop}
              onDragEnd={onDragEnd}
            >
              {editing ? (
                renderEdit(item)
              ) : (
                <>
                  {canEdit ? (
                    <span className="agenda-handle" aria-hidden="true" title={t("agenda.dragLabel", { title: item.title })}>
                      ⠿
                    </span>
                  ) : null}
                  <div className="agenda-time">
                    <span className="agenda-range" data-testid="item-time">
                      {dayPrefix}
                      {formatTime(item.startsAt, zone)} – {formatTime(item.endsAt, zone)}
                    </span>
                    <span className="agenda-duration">{t("agenda.minutes", { minutes: item.durationMinutes })}</span>
                  </div>
                  <div className="agenda-body">
                    <p className="agenda-title">
                      <span className={`badge agenda-kind agenda-kind-${item.kind}`}>{t(`agenda.kind.${item.kind}`)}</span>{" "}
                      <strong data-testid="item-title">{item.title}</strong>
                    </p>
                    <ItemMeta item={item} speakerNames={speakerNames} staffNames={staffNames} />
                    {item.issues.length ? (
                      <ul className="agenda-issues" data-testid="item-issues">
                        {item.issues.map((issue, i) => (
                          <li key={i}>
                            <span aria-hidden="true">⚠ </span>
                            {issue.kind === "overlap"
                              ? t("agenda.issue.overlap", { title: titleOf(issue.withId) })
                              : issue.kind === "pastEventEnd"
                                ? t("agenda.issue.pastEventEnd", { time: formatTime(event.endsAt, zone) })
                                : t("agenda.issue.beforeEventStart", { time: formatTime(event.startsAt, zone) })}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {deleteId === item.id && canEdit ? <DeleteConfirm item={item} guard={guard} /> : null}
                  </div>
                  {canEdit ? (
                    <div className="agenda-controls">
                      <Form method="post" replace preventScrollReset className="agenda-move" onSubmit={guard}>
                        <input type="hidden" name="intent" value="move" />
                        <input type="hidden" name="itemId" value={item.id} />
                        <input type="hidden" name="version" value={version} />
                        <button
                          type="submit"
                          name="direction"
                          value="up"
                          id={`move-up-${item.id}`}
                          className="button secondary small"
                          disabled={index === 0}
                          aria-label={t("agenda.moveUpLabel", { title: item.title })}
                        >
                          ↑ {t("agenda.moveUp")}
                        </button>
                        <button
                          type="submit"
                          name="direction"
                          value="down"
                          id={`move-down-${item.id}`}
                          className="button secondary small"
                          disabled={index === items.length - 1}
                          aria-label={t("agenda.moveDownLabel", { title: item.title })}
                        >
                          ↓ {t("agenda.moveDown")}
                        </button>
                      </Form>
                      <Link
                        to={{ search: `?edit=${item.id}`, hash: `item-${item.id}` }}
                        className="button secondary small"
                        aria-label={t("agenda.editLabel", { title: item.title })}
                        preventScrollReset
                      >
                        {t("action.edit")}
                      </Link>
                      <Link
                        to={{ search: `?delete=${item.id}`, hash: `item-${item.id}` }}
                        className="button danger secondary small"
                        aria-label={t("agenda.deleteLabel", { title: item.title })}
                        preventScrollReset
                      >
                        {t("action.delete")}
                      </Link>
                    </div>
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

function ItemMeta({
  item,
  speakerNames,
  staffNames,
}: {
  item: AgendaItemShown;
  speakerNames: Record<string, string>;
  staffNames: Record<string, string>;
}) {
  const { t } = useT();
  const speaker = item.speakerInvitationId ? speakerNames[item.speakerInvitationId] : null;
  const responsible = item.responsibleUserId ? staffNames[item.responsibleUserId] : null;
  if (!speaker && !responsible && !item.place && !item.keyPoints.length && !item.notes) return null;
  return (
    <>
      {speaker || responsible || item.place ? (
        <dl className="agenda-meta">
          {speaker ? (
            <div>
              <dt>{t("agenda.speakerLabel")}</dt>
              <dd data-testid="item-speaker">{speaker}</dd>
            </div>
          ) : null}
          {responsible ? (
            <div>
              <dt>{t("agenda.responsibleLabel")}</dt>
              <dd>{responsible}</dd>
            </div>
          ) : null}
          {item.place ? (
            <div>
              <dt>{t("agenda.placeLabel")}</dt>
              <dd>{item.place}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {item.keyPoints.length ? (
        <div className="agenda-points">
          <span className="agenda-points-label">{t("agenda.keyPointsLabel")}</span>
          <ul>
            {item.keyPoints.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {item.notes ? (
        <p className="agenda-notes">
          <span className="agenda-points-label">{t("agenda.notesLabel")}: </span>
          <span className="prose">{item.notes}</span>
        </p>
      ) : null}
    </>
  );
}

/** "Delete this item?" under the item, with a way back to it. */
function DeleteConfirm({ item, guard }: { item: AgendaItemShown; guard: (e: FormEvent) => void }) {
  const { t } = useT();
  return (
    <ConfirmPanel label={t("agenda.deleteLabel", { title: item.title })} className="agenda-confirm">
      <p>{t("agenda.deleteConfirm", { title: item.title })}</p>
      <Form method="post" replace className="actions" onSubmit={guard}>
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="itemId" value={item.id} />
        <input type="hidden" name="itemVersion" value={item.version} />
        <button type="submit" className="button danger">
          {t("action.confirm")}: {t("action.delete")}
        </button>
        <Link to={{ search: "", hash: `item-${item.id}` }} className="button secondary" preventScrollReset>
          {t("action.back")}
        </Link>
      </Form>
    </ConfirmPanel>
  );
}
