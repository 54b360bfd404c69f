import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { seatRefText } from "~/domain/protocol/conflict-text";
import type { action, SeatingLoaderData } from "./route";
import { PeoplePanel } from "./people-panel";
import { TableForm } from "./table-form";
import { useSeatSelection } from "./use-seat-selection";

type Table = SeatingLoaderData["tables"][number];
type Seat = Table["seats"][number];

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
  const { selected, setSelected, dropTarget, setDropTarget, onSeat, onDropSeat, allowDrop, startDrag } = useSeatSelection({
    labels: data.labels,
    canUpdate: data.canUpdate,
    busy,
    submit: (form) => fetcher.submit(form, { method: "post" }),
  });
  const { tables, labels, canUpdate, conflicts, awaited } = data;
  const notArrived = new Set(awaited);

  const conflictSeats = new Set<string>();
  for (const c of conflicts) {
    if (c.kind === "seatedTwice") for (const s of c.seats) conflictSeats.add(`${s.tableId}:${s.seatIndex}`);
    if (c.kind === "emptyReserved") conflictSeats.add(`${c.tableId}:${c.seatIndex}`);
  }

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
        {canUpdate ? <SeatTools tableId={table.id} seat={seat} seatRef={ref} /> : null}
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

/** A seat's own buttons: clear it, keep it free (reserved) or free it again. Plain forms: they work without JavaScript. */
function SeatTools({ tableId, seat, seatRef }: { tableId: string; seat: Seat; seatRef: string }) {
  const { t } = useT();
  return (
    <div className="seat-tools">
      {seat.invitationId ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="tableId" value={tableId} />
          <input type="hidden" name="seatIndex" value={seat.index} />
          <button type="submit" name="intent" value="clear" className="link-button" aria-label={t("protocol.seat.clearLabel", { seat: seatRef })}>
            {t("protocol.seat.clear")}
          </button>
        </Form>
      ) : null}
      <Form method="post" preventScrollReset>
        <input type="hidden" name="tableId" value={tableId} />
        <input type="hidden" name="seatIndex" value={seat.index} />
        <button
          type="submit"
          name="intent"
          value={seat.reserved ? "unreserve" : "reserve"}
          className="link-button"
          aria-label={`${t(seat.reserved ? "protocol.seat.unreserve" : "protocol.seat.reserve")}: ${seatRef}`}
        >
          {t(seat.reserved ? "protocol.seat.unreserve" : "protocol.seat.reserve")}
        </button>
      </Form>
    </div>
  );
}
