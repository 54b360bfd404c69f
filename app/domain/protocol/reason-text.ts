import { translate, type Locale, type MessageKey, type TranslateParams } from "~/i18n/i18n";
import type { ResolvedPlace } from "./precedence-list";

type Translate = (key: MessageKey, params?: TranslateParams) => string;

/** The rank part: "Ủy viên Ban Thường vụ Tỉnh ủy — hạng 130", or why there is none. */
export function rankReasonText(entry: Pick<ResolvedPlace, "rankReason">, positionCount: number, t: Translate): string {
  const r = entry.rankReason;
  if (r.kind === "rank") return t("protocol.reason.rank", { position: r.position, rank: r.rank });
  return positionCount === 0 ? t("protocol.reason.noPositions") : t("protocol.reason.unknown");
}

/**
 * The reason for a place, in words: "Ủy viên Ban Thường vụ Tỉnh ủy — hạng 130"; "chức vụ chưa có trong bảng —
 * xếp sau, theo thứ tự nhập"; "điều chỉnh thủ công (đề xuất: thứ 2) · …"; with the tie-break when equals met.
 */
export function precedenceReasonText(
  entry: Pick<ResolvedPlace, "rankReason" | "tieBreak" | "moved" | "proposedPlace">,
  positionCount: number,
  t: Translate,
  equalsFirst: "guests" | "hosts",
): string {
  const rank = rankReasonText(entry, positionCount, t);
  const tie =
    !entry.moved && entry.rankReason.kind === "rank" && entry.tieBreak
      ? entry.tieBreak === "side"
        ? t(equalsFirst === "hosts" ? "protocol.reason.tieHostsFirst" : "protocol.reason.tieGuestsFirst")
        : t("protocol.reason.tieEntryOrder")
      : null;
  if (entry.moved) return `${t("protocol.reason.manual", { place: entry.proposedPlace })} · ${rank}`;
  return tie ? `${rank}; ${tie}` : rank;
}

export function precedenceReasonIn(
  locale: Locale,
  entry: Pick<ResolvedPlace, "rankReason" | "tieBreak" | "moved" | "proposedPlace">,
  positionCount: number,
  equalsFirst: "guests" | "hosts",
): string {
  return precedenceReasonText(entry, positionCount, (key, params) => translate(locale, key, params), equalsFirst);
}
