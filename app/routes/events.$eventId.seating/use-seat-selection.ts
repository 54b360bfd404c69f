import { useEffect, useState, type DragEvent } from "react";

export interface Selection {
  invitationId: string;
  /** Set when the person was picked up from a seat: dropping them elsewhere moves them (a swap). */
  from: { tableId: string; seatIndex: number } | null;
}

const DRAG_TYPE = "application/x-signet-seat";

/** A seat as the selection needs it: its table, its index, who sits there. */
type SeatAt = { id: string };
type SeatSpot = { index: number; invitationId: string | null };

/**
 * The seating chart's selection: who is picked up (from the list or from a seat), the seat under a drag, and what a
 * click, a drop or Escape does. Placing someone posts "assign" (with where they came from: a move is a swap).
 */
export function useSeatSelection({
  labels,
  canUpdate,
  busy,
  submit,
}: {
  labels: Record<string, string>;
  canUpdate: boolean;
  busy: boolean;
  submit: (form: Record<string, string>) => void;
}) {
  const [selected, setSelected] = useState<Selection | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!selected) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === "Escape") setSelected(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected]);

  const place = (selection: Selection, table: SeatAt, seat: SeatSpot) => {
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
    submit(form);
    setSelected(null);
  };

  const onSeat = (table: SeatAt, seat: SeatSpot) => {
    if (!canUpdate || busy) return;
    if (selected) {
      if (selected.from && selected.from.tableId === table.id && selected.from.seatIndex === seat.index) setSelected(null);
      else place(selected, table, seat);
    } else if (seat.invitationId) {
      setSelected({ invitationId: seat.invitationId, from: { tableId: table.id, seatIndex: seat.index } });
    }
  };

  const onDropSeat = (event: DragEvent<HTMLButtonElement>, table: SeatAt, seat: SeatSpot) => {
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

  return { selected, setSelected, dropTarget, setDropTarget, onSeat, onDropSeat, allowDrop, startDrag };
}
