import { Form } from "@remix-run/react";
import type { DragEvent, KeyboardEvent } from "react";
import { seatRefText } from "~/domain/protocol/conflict-text";
import { useT } from "~/i18n/use-t";
import type { SeatingLoaderData } from "./route";
import type { Selection } from "./use-seat-selection";

type Person = SeatingLoaderData["dignitaries"][number];

/** The people to seat, in precedence order: choose one (or drag them) and then a seat; or pick both from two lists. */
export function PeoplePanel({
  data,
  selected,
  setSelected,
  startDrag,
  busy,
}: {
  data: SeatingLoaderData;
  selected: Selection | null;
  setSelected: (s: Selection | null) => void;
  startDrag: (event: DragEvent<HTMLElement>, selection: Selection) => void;
  busy: boolean;
}) {
  const { t, tError } = useT();
  const { dignitaries, others, companionOptions, tables, canUpdate, labels } = data;
  const chip = (p: Person) => {
    const pressed = selected?.invitationId === p.invitationId && !selected.from;
    const where = p.seats.map((s) => seatRefText(tables, s.tableId, s.seatIndex, t)).join("; ");
    const content = (
      <>
        <span className="place">{p.place ?? "·"}</span>
        <span className="label">{p.label}</span>
        <span className={`meta${where ? "" : " unseated"}`}>{where || t("protocol.people.notSeated")}</span>
      </>
    );
    // Read-only (viewers): the same card, not a button.
    if (!canUpdate)
      return (
        <li key={p.invitationId}>
          <div className="person-chip" data-testid="person">
            {content}
          </div>
        </li>
      );
    return (
      <li key={p.invitationId}>
        <button
          type="button"
          className="person-chip"
          data-testid="person"
          aria-pressed={pressed}
          draggable={!busy}
          onDragStart={(e) => startDrag(e, { invitationId: p.invitationId, from: null })}
          onClick={() => setSelected(pressed ? null : { invitationId: p.invitationId, from: null })}
          onKeyDown={(e: KeyboardEvent<HTMLButtonElement>) => {
            if (e.key === "Escape") setSelected(null);
          }}
        >
          {content}
        </button>
      </li>
    );
  };
  return (
    <aside className="people-panel" aria-labelledby="people-heading">
      <h2 id="people-heading" className="people-heading">
        {t("protocol.people.title")}
      </h2>
      {canUpdate ? <p className="hint">{t("protocol.people.hint")}</p> : null}
      <div aria-live="polite" role="status" className="hint people-selected">
        {selected ? t("protocol.people.selected", { name: labels[selected.invitationId] ?? "" }) : ""}
      </div>
      {selected ? (
        <button type="button" className="link-button" onClick={() => setSelected(null)}>
          {t("protocol.people.cancel")}
        </button>
      ) : null}
      {dignitaries.length === 0 && others.length === 0 ? <p className="muted">{t("protocol.people.none")}</p> : null}
      {dignitaries.length ? (
        <>
          <h3>{t("protocol.people.dignitaries")}</h3>
          <ul className="people-list">{dignitaries.map(chip)}</ul>
        </>
      ) : null}
      {others.length ? (
        <>
          <h3>{t("protocol.people.others")}</h3>
          <ul className="people-list">{others.map(chip)}</ul>
        </>
      ) : null}
      {companionOptions.length ? (
        <>
          <h3>{t("protocol.people.companions")}</h3>
          <ul className="people-list" data-testid="companion-people">
            {companionOptions.map(chip)}
          </ul>
        </>
      ) : null}
      {canUpdate && (dignitaries.length || others.length) ? (
        <details className="space-above">
          <summary>{t("protocol.assign.title")}</summary>
          <Form method="post" className="stack space-above-sm">
            <div className="field">
              <label htmlFor="assign-person">{t("protocol.assign.person")}</label>
              <select id="assign-person" name="invitationId" required>
                {[...dignitaries, ...others, ...companionOptions].map((p) => (
                  <option key={p.invitationId} value={p.invitationId}>
                    {p.place ? `${p.place}. ` : ""}
                    {p.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="assign-seat">{t("protocol.assign.seat")}</label>
              <select id="assign-seat" name="seat" required>
                {tables.flatMap((table) =>
                  table.seats.map((s) => (
                    <option key={`${table.id}:${s.index}`} value={`${table.id}:${s.index}`}>
                      {seatRefText(tables, table.id, s.index, t)}
                      {s.invitationId ? ` — ${labels[s.invitationId] ?? ""}` : ""}
                    </option>
                  )),
                )}
              </select>
            </div>
            <button type="submit" name="intent" value="assignForm" className="button secondary" disabled={busy}>
              {t("protocol.assign.submit")}
            </button>
            {data.tables.length === 0 ? <p className="hint">{tError("protocol.errors.tableNotFound")}</p> : null}
          </Form>
        </details>
      ) : null}
    </aside>
  );
}
