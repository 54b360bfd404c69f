import type { AgendaKind } from "../agenda/agenda";
import { englishAddress, fullAddress, inlineAddress, type AddressInput } from "./address";
import type { PrecedenceReason } from "./precedence";

/**
 * The MC's script, generated from the agenda and the dignitaries in precedence order. Protocol (Decree
 * 145/2013, see PRESS-STYLE.md): only the highest-ranking delegates of the Party, the State and the Front are
 * introduced by name, the others together; a speech greets the single highest-ranking person by name, then
 * everyone together.
 */
export interface McDignitary extends AddressInput {
  id: string;
  introduceByName: boolean;
}

export interface McItem {
  id: string;
  kind: AgendaKind;
  title: string;
  speaker?: AddressInput | null;
}

export interface McScriptInput {
  locale: "vi" | "en";
  hostName: string | null;
  partnerNames: string[];
  /** e.g. "chương trình phối hợp công tác giai đoạn 2017 – 2020" (lower-case start, as it runs in a sentence). */
  programme: string | null;
  /** In precedence order. */
  dignitaries: McDignitary[];
  signatories?: AddressInput[];
  items: McItem[];
}

export interface McSection {
  itemId: string;
  heading: string;
  lines: string[];
}

/** Leadership down to members of the provincial Party Committee is introduced by name (rank ≤ 150). */
export function introducedByName(reason: PrecedenceReason): boolean {
  return reason.kind === "manual" || (reason.kind === "rank" && (reason.level === "central" || reason.level === "provincial") && reason.rank <= 150);
}

function joinVi(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} và ${names.at(-1)}`;
}

function joinEn(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export function mcScript(input: McScriptInput): McSection[] {
  const vi = input.locale === "vi";
  const first = input.dignitaries[0];
  const greeting = vi
    ? first
      ? `Kính thưa ${inlineAddress(first)}; kính thưa các đồng chí lãnh đạo, các vị đại biểu!`
      : "Kính thưa các đồng chí lãnh đạo, các vị đại biểu!"
    : first
      ? `Honourable ${englishAddress(first)}; distinguished leaders and guests,`
      : "Distinguished leaders and guests,";
  const hosts = [input.hostName, ...input.partnerNames].filter((x): x is string => !!x);
  const organizers = vi
    ? hosts.length === 2
      ? `${hosts[0]} phối hợp với ${hosts[1]}`
      : joinVi(hosts)
    : joinEn(hosts);
  const programme = input.programme ?? (vi ? "chương trình phối hợp" : "the cooperation programme");

  return input.items.map((item): McSection => {
    const lines: string[] = [];
    switch (item.kind) {
      case "arrival":
        lines.push(vi ? "Ban tổ chức đón tiếp đại biểu; mời đại biểu vào vị trí." : "The organizers welcome the guests and show them to their seats.");
        break;
      case "opening":
        if (vi) lines.push(greeting, "Xin trân trọng kính mời các đồng chí lãnh đạo và các vị đại biểu đứng dậy làm lễ chào cờ.", "Chào cờ! — Quốc ca.", "Xin mời các đồng chí ngồi.");
        else lines.push(greeting, "Please rise for the flag salute.", "The national anthem.", "Please be seated.");
        break;
      case "introduction": {
        const named = input.dignitaries.filter((d) => d.introduceByName);
        if (vi) {
          if (organizers) lines.push(`Thực hiện ${programme}, hôm nay ${organizers} tổ chức lễ ký kết.`);
          lines.push("Tới dự buổi lễ hôm nay, chúng tôi xin trân trọng giới thiệu:");
          for (const d of named) lines.push(`– ${fullAddress(d)};`);
          lines.push(`${named.length ? "Cùng các đồng chí" : "Các đồng chí"} lãnh đạo, các vị đại biểu.`, "Xin trân trọng cảm ơn sự có mặt của các đồng chí.");
        } else {
          if (organizers) lines.push(`Today ${organizers} hold the signing of ${programme}.`);
          lines.push("We are honoured to welcome:");
          for (const d of named) lines.push(`– ${englishAddress(d)};`);
          lines.push(`${named.length ? "together with" : "Our"} distinguished leaders and guests.`, "Thank you for being with us.");
        }
        break;
      }
      case "speech": {
        const who = item.speaker ? (vi ? inlineAddress(item.speaker) : englishAddress(item.speaker)) : null;
        lines.push(
          vi
            ? who
              ? `Tiếp theo chương trình, xin trân trọng kính mời ${who} phát biểu.`
              : `Tiếp theo chương trình: ${item.title}.`
            : who
              ? `We now invite ${who} to speak.`
              : `Next: ${item.title}.`,
        );
        break;
      }
      case "signing": {
        const signers = (input.signatories ?? []).map((s) => (vi ? inlineAddress(s) : englishAddress(s)));
        lines.push(
          vi
            ? signers.length
              ? `Sau đây, xin trân trọng kính mời ${joinVi(signers)} lên ký kết ${programme}.`
              : `Sau đây là nghi thức ký kết ${programme}.`
            : signers.length
              ? `We now invite ${joinEn(signers)} to sign ${programme}.`
              : `The signing of ${programme}.`,
        );
        break;
      }
      case "photo":
        lines.push(vi ? "Xin trân trọng kính mời các đồng chí lãnh đạo và đại biểu chụp ảnh lưu niệm." : "We invite the leaders and guests for a souvenir photo.");
        break;
      case "gifts":
        lines.push(vi ? `Tiếp theo chương trình: ${item.title}.` : `Next: ${item.title}.`);
        break;
      case "closing":
        lines.push(
          vi
            ? "Buổi lễ ký kết đến đây là kết thúc. Xin trân trọng cảm ơn các đồng chí lãnh đạo, các vị đại biểu!"
            : "This concludes the ceremony. Thank you, leaders and guests.",
        );
        break;
      default:
        lines.push(vi ? `Tiếp theo chương trình: ${item.title}.` : `Next: ${item.title}.`);
    }
    return { itemId: item.id, heading: item.title, lines };
  });
}
