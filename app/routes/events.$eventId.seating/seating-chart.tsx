import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useEffect, useState, type DragEvent, type KeyboardEvent } from "react";
import { useT } from "~/i18n/use-t";
import { seatRefText } from "~/domain/protocol/conflict-text";
import type { action, SeatingLoaderData } from "./route";
import { TableForm } from "./table-form";

type Table = SeatingLoaderData["tables"][number];
type Seat = Table["seats"][number];
type Person = SeatingLoaderData["dignitaries"][number];

interface Selection {
  invitationId: string;
  /** Set when the person was picked up from a seat: dropping them elsewhere moves them (a swap). */
  from: { tableId: string; seatIndex: number } | null;
}

const DRAG_TYPE = "application/x-signet-seat";

/**
 * The chart as the audience sees it, stage at the top: presidium tables, then the signing table (the row
 * standing behind above the two signing seats), then the guest rows. Seat a person by choosing them (in the
 * list or on a seat) and then a seat, with the mouse or the keyboard, or by drag and drop.
 */
export function SeatingChart({
  data,
  tableErrors,
}: {
  data: SeatingLoaderData;
  tableErrors: { form?: string; fieldErrors?: Record<string, string> | null } | null;
}) {
  const { t, locale } = useT();
  const fetcher = useFetcher<typeof action>({ key: "seat" });
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" || fetcher.state !== "idle";
  const [selected, setSelected] = useState<Selection | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const { tables, labels, canUpdate, conflicts, awaited } = data;
  const notArrived = new Set(awaited);

  const conflictSeats = new Set<string>();
  for (const c of conflicts) {
    if (c.kind === "seatedTwice") for (const s of c.seats) conflictSeats.add(`${s.tableId}:${s.seatIndex}`);
    if (c.kind === "emptyReserved") conflictSeats.add(`${c.tableId}:${c.seatIndex}`);
  }

  useEffect(() => {
    if (!selected) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === "Escape") setSelected(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected]);

  const place = (selection: Selection, table: Table, seat: Seat) => {
    const form: Record<string, string> = {
      intent: "assign",
      tableId: table.id,
      seatIndex: String(seat.index),
      invitationId: selection.invitationId,
    };
    if (selection.from) {
      form.fromTableId = selection.from.tableId;
      form.fromSeatIndex = String(selection.from.seatIndex);
    }
    fetcher.submit(form, { method: "post" });
    setSelected(null);
  };

  const onSeat = (table: Table, seat: Seat) => {
    if (!canUpdate || busy) return;
    if (selected) {
      if (selected.from && selected.from.tableId === table.id && selected.from.seatIndex === seat.index) setSelected(null);
      else place(selected, table, seat);
    } else if (seat.invitationId) {
      setSelected({ invitationId: seat.invitationId, from: { tableId: table.id, seatIndex: seat.index } });
    }
  };

  const onDropSeat = (event: DragEvent<HTMLButtonElement>, table: Table, seat: Seat) => {
    event.preventDefault();
    setDropTarget(null);
    const raw = event.dataTransfer.getData(DRAG_TYPE);
    if (!raw) return;
    const selection = JSON.parse(raw) as Selection;
    place(selection, table, seat);
  };
  const allowDrop = (event: DragEvent<HTMLButtonElement>, key: string) => {
    if (!canUpdate || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (dropTarget !== key) setDropTarget(key);
  };
  const startDrag = (event: DragEvent<HTMLElement>, selection: Selection) => {
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData(DRAG_TYPE, JSON.stringify(selection));
    event.dataTransfer.setData("text/plain", labels[selection.invitationId] ?? "");
  };

  const seatButton = (table: Table, seat: Seat) => {
    const key = `${table.id}:${seat.index}`;
    const name = seat.invitationId ? (labels[seat.invitationId] ?? "?") : null;
    const ref = seatRefText(tables, table.id, seat.index, t);
    const party = seat.party ? (locale === "en" && seat.party.nameEn ? seat.party.nameEn : seat.party.nameVi) : null;
    const isSelected = selected?.from?.tableId === table.id && selected.from.seatIndex === seat.index;
    const classes = [
      "seat",
      name ? "" : "empty",
      seat.reserved ? "reserved" : "",
      conflictSeats.has(key) ? "conflict" : "",
      seat.role === "signer" ? "signer" : "",
      isSelected ? "selected" : "",
      dropTarget === key ? "drop-target" : "",
      seat.invitationId && notArrived.has(seat.invitationId) ? "awaited" : "",
    ].filter(Boolean);
    const actionLabel =
      canUpdate && selected && !isSelected
        ? t("protocol.seat.choose", { name: labels[selected.invitationId] ?? "", seat: ref })
        : canUpdate && name && !selected
          ? t("protocol.seat.pick", { name, seat: ref })
          : t("protocol.seat.description", { seat: ref, name: name ?? t("protocol.seat.empty") });
    return (
      <div className="seat-cell" key={key}>
        <button
          type="button"
          className={classes.join(" ")}
          data-testid="seat"
          data-seat={key}
          aria-label={actionLabel}
          aria-pressed={isSelected || undefined}
          draggable={canUpdate && !!seat.invitationId && !busy}
          onClick={() => onSeat(table, seat)}
          onDragStart={(e) =>
            seat.invitationId && startDrag(e, { invitationId: seat.invitationId, from: { tableId: table.id, seatIndex: seat.index } })
          }
          onDragOver={(e) => allowDrop(e, key)}
          onDragLeave={() => setDropTarget(null)}
          onDrop={(e) => onDropSeat(e, table, seat)}
        >
          <span className="seat-no">
            {t("protocol.seat.label", { n: seat.index + 1 })}
            {seat.role === "signer" ? ` · ${t("protocol.seat.signer")}` : seat.rank ? ` · ${t("protocol.seat.rank", { n: seat.rank })}` : ""}
          </span>
          <span className="seat-name">{name ?? (seat.reserved ? t("protocol.seat.reserved") : t("protocol.seat.empty"))}</span>
          {party ? <span className="seat-party">{t("protocol.seat.forParty", { party })}</span> : null}
          {seat.invitationId && notArrived.has(seat.invitationId) ? (
            <span className="seat-awaited" data-testid="seat-awaited">
              {t("seating.awaited")}
            </span>
          ) : null}
        </button>
        {canUpdate ? (
          <div className="seat-tools">
            {seat.invitationId ? (
              <Form method="post" preventScrollReset>
                <input type="hidden" name="tableId" value={table.id} />
                <input type="hidden" name="seatIndex" value={seat.index} />
                <button type="submit" name="intent" value="clear" className="link-button" aria-label={t("protocol.seat.clearLabel", { seat: ref })}>
                  {t("protocol.seat.clear")}
                </button>
              </Form>
            ) : null}
            <Form method="post" preventScrollReset>
              <input type="hidden" name="tableId" value={table.id} />
              <input type="hidden" name="seatIndex" value={seat.index} />
              <button
                type="submit"
                name="intent"
                value={seat.reserved ? "unreserve" : "reserve"}
                className="link-button"
                aria-label={`${t(seat.reserved ? "protocol.seat.unreserve" : "protocol.seat.reserve")}: ${ref}`}
              >
                {t(seat.reserved ? "protocol.seat.unreserve" : "protocol.seat.reserve")}
              </button>
            </Form>
          </div>
        ) : null}
      </div>
    );
  };

  const tableBlock = (table: Table) => {
    const front = table.seats.slice(0, table.frontSeats);
    const behind = table.seats.slice(table.frontSeats);
    const editErrors = tableErrors?.form === `table:${table.id}` ? (tableErrors.fieldErrors ?? null) : null;
    return (
      <section className="seating-table" key={table.id} aria-label={table.name} data-testid="seating-table">
        <div className="seating-table-head">
          <h3>{table.name}</h3>
          <span className="muted">
            {table.name === t(`protocol.table.kind.${table.kind}`) ? "" : `${t(`protocol.table.kind.${table.kind}`)} · `}
            {t("protocol.table.seats", { count: table.seatCount })}
            {table.kind !== "signing" ? ` · ${t(`protocol.table.mode.${table.mode}`)}` : ""}
          </span>
        </div>
        {table.kind === "signing" ? (
          <p className="hint" data-testid="signing-table-document">
            {table.document ? t("protocol.table.document", { title: table.document.title }) : t("protocol.table.noDocument")}
          </p>
        ) : null}
        {behind.length ? <div className="seat-row behind">{behind.map((s) => seatButton(table, s))}</div> : null}
        <div className="seat-row">{front.map((s) => seatButton(table, s))}</div>
        {table.kind === "signing" ? <div className="signing-desk" aria-hidden="true" /> : null}
        {canUpdate ? (
          <details className="table-edit" open={!!editErrors}>
            <summary>
              {t("protocol.table.edit")}: {table.name}
            </summary>
            <TableForm
              intent="updateTable"
              tableId={table.id}
              defaults={{ name: table.name, kind: table.kind, seatCount: String(table.seatCount), mode: table.mode, secondTo: table.secondTo }}
              serverErrors={editErrors}
              submitLabel={t("protocol.table.save")}
            />
          </details>
        ) : null}
      </section>
    );
  };

  const stage = tables.filter((x) => x.kind !== "row");
  const hall = tables.filter((x) => x.kind === "row");
  const ordered = [...stage.filter((x) => x.kind === "presidium"), ...stage.filter((x) => x.kind === "signing")];
  return (
    <div className="seating-layout">
      <div className="stage-chart" data-testid="seating-chart">
        <div className="stage-label">{t("protocol.seating.stage")}</div>
        {ordered.map(tableBlock)}
        <div className="audience-label">{t("protocol.seating.audience")}</div>
        {hall.map(tableBlock)}
      </div>
      <PeoplePanel data={data} selected={selected} setSelected={setSelected} startDrag={startDrag} busy={busy} />
    </div>
  );
}

function PeoplePanel({
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
      <h2 id="people-heading" style={{ fontSize: "1.05rem" }}>
        {t("protocol.people.title")}
      </h2>
      {canUpdate ? <p className="hint">{t("protocol.people.hint")}</p> : null}
      <div aria-live="polite" role="status" className="hint" style={{ minHeight: "1.2em", color: "var(--accent)" }}>
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
        <details style={{ marginTop: "1rem" }}>
          <summary>{t("protocol.assign.title")}</summary>
          <Form method="post" className="stack" style={{ marginTop: ".5rem" }}>
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
