import type { MessageKey, TranslateParams } from "~/i18n/i18n";
import type { SeatingConflict } from "./seating";

type Translate = (key: MessageKey, params?: TranslateParams) => string;

/** "Đoàn chủ tịch, ghế 3": seats are numbered from the audience's left, starting at 1. */
export function seatRefText(tables: readonly { id: string; name: string }[], tableId: string, seatIndex: number, t: Translate): string {
  const table = tables.find((x) => x.id === tableId);
  return t("protocol.seatRef", { table: table?.name ?? "?", n: seatIndex + 1 });
}

/** A seating conflict in words, naming the people (labels by invitation id) and the seats. */
export function conflictText(
  c: SeatingConflict,
  tables: readonly { id: string; name: string }[],
  labels: Record<string, string>,
  t: Translate,
): string {
  switch (c.kind) {
    case "seatedTwice":
      return t("protocol.conflict.seatedTwice", {
        name: labels[c.personId] ?? "?",
        seats: c.seats.map((s) => seatRefText(tables, s.tableId, s.seatIndex, t)).join("; "),
      });
    case "emptyReserved":
      return t("protocol.conflict.emptyReserved", { seat: seatRefText(tables, c.tableId, c.seatIndex, t) });
    case "notEnoughSeats":
      return t("protocol.conflict.notEnoughSeats", { people: c.people, seats: c.seats });
    case "unavailableSeated":
      return t(c.status === "declined" ? "protocol.conflict.unavailableSeated.declined" : "protocol.conflict.unavailableSeated.withdrawn", {
        name: labels[c.personId] ?? "?",
        seats: c.seats.map((s) => seatRefText(tables, s.tableId, s.seatIndex, t)).join("; "),
      });
    case "unseated":
      return t("protocol.conflict.unseated", { count: c.personIds.length, names: c.personIds.map((id) => labels[id] ?? "?").join("; ") });
  }
}
