import type { AgendaKind } from "../agenda/agenda";
import { capitalizeFirst } from "../text/capitalize";
import { englishAddress, fullAddress, inlineAddress, type AddressInput } from "./address";
import type { PrecedenceReason } from "./precedence";

/**
 * The MC's script, generated from the agenda and the dignitaries in precedence order. Protocol (Decree
 * 145/2013, see docs/press-style.md and ../shared/PRESS-STYLE.md): only the highest-ranking delegates of the Party, the State and the Front are
 * introduced by name, the others together; a speech greets the single highest-ranking person by name, then
 * everyone together.
 */
export interface McDignitary extends AddressInput {
  id: string;
  /** From precedence (introducedByName): the leadership is introduced by name. */
  introduceByName: boolean;
  /**
   * Ceremony roles that make a person introduced by name whatever their rank: the chairs, the witnesses and every
   * signatory (ceremony/types.ts role kinds; others are ignored here).
   */
  roles?: readonly string[];
}

export interface McItem {
  id: string;
  kind: AgendaKind;
  title: string;
  speaker?: AddressInput | null;
  /** A signing item's document (McDocument.id); null/absent on a signing item = every document, in order. */
  documentId?: string | null;
  /** A proceeding without a speaker: who acts ("hai bên", "the two sides"). */
  subject?: string | null;
}

/** A document signed at the ceremony, as the MC announces it. */
export interface McDocument {
  id: string;
  /** As it runs in a sentence: "quy chế kết nghĩa giữa huyện A và huyện B" (vi) / "the twinning regulation …" (en). */
  phrase: string;
  /** In signing order, party by party. */
  signatories: AddressInput[];
}

/** A ceremony side as the MC names it: its kind (ceremony/types.ts) and its organization's name in the script's language. */
export interface McSide {
  kind: "host" | "guest" | "leaders";
  /** Null for a leaders group or a side without a directory organization. */
  organizationName: string | null;
}

export interface McScriptInput {
  locale: "vi" | "en";
  /** The event's host organization (events.host_organization_id), if any. */
  hostName: string | null;
  /** Used only without `sides`: the organizations after the host. */
  partnerNames: string[];
  /** The ceremony's sides in their order; when given, they name the organizers (organizerNames). */
  sides?: McSide[];
  /** e.g. "chương trình phối hợp công tác giai đoạn 2017 – 2020" (lower-case start, as it runs in a sentence). */
  programme: string | null;
  /** In precedence order. */
  dignitaries: McDignitary[];
  signatories?: AddressInput[];
  /** The documents, in signing order; when given, they replace `programme`/`signatories` at signing items. */
  documents?: McDocument[];
  /** The witnesses (chứng kiến), in precedence order: invited on stage before the first signing. */
  witnesses?: AddressInput[];
  /** Unnamed attendance lines ("các đồng chí trong Ban Thường vụ Tỉnh ủy"), introduced after the named people. */
  groupLines?: string[];
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

const ROLES_INTRODUCED = ["chair", "co_chair", "witness", "signatory"];

/** Whether the MC introduces this person by name: the leadership by rank, and the chairs, witnesses and signatories. */
export function introducesByName(d: McDignitary): boolean {
  return d.introduceByName || (d.roles ?? []).some((r) => ROLES_INTRODUCED.includes(r));
}

/**
 * Who organised the ceremony, as the MC's introduction names them — the press drafter's rule (press-facts hostsOf
 * + press/draft organizersOf): the host organization, then the host sides, then the guest sides, in the sides'
 * order, each organization once; with more than two parties (sides other than the leaders) the guest sides are
 * not organizers, so a guest never leads the list while a host side exists.
 */
export function organizerNames(hostName: string | null, sides: readonly McSide[]): string[] {
  const out: string[] = hostName ? [hostName] : [];
  for (const kind of ["host", "guest"] as const)
    for (const s of sides) if (s.kind === kind && s.organizationName && !out.includes(s.organizationName)) out.push(s.organizationName);
  const parties = sides.filter((s) => s.kind !== "leaders");
  if (parties.length <= 2) return out;
  const guests = new Set(parties.filter((s) => s.kind === "guest").map((s) => s.organizationName));
  return out.filter((name) => !guests.has(name));
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
  const hosts = input.sides
    ? organizerNames(input.hostName, input.sides)
    : [input.hostName, ...input.partnerNames].filter((x): x is string => !!x);
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
        const named = input.dignitaries.filter(introducesByName);
        const groups = (input.groupLines ?? []).map((l) => l.trim()).filter(Boolean);
        const chairs = input.dignitaries.filter((d) => (d.roles ?? []).includes("chair"));
        const coChairs = input.dignitaries.filter((d) => (d.roles ?? []).includes("co_chair") && !(d.roles ?? []).includes("chair"));
        if (vi) {
          if (organizers) lines.push(`Thực hiện ${programme}, hôm nay ${organizers} tổ chức lễ ký kết.`);
          lines.push("Tới dự buổi lễ hôm nay, chúng tôi xin trân trọng giới thiệu:");
          for (const d of named) lines.push(`– ${fullAddress(d)};`);
          for (const g of groups) lines.push(`– ${capitalizeFirst(g)};`);
          lines.push(`${named.length || groups.length ? "Cùng các đồng chí" : "Các đồng chí"} lãnh đạo, các vị đại biểu.`);
          if (chairs.length) lines.push(`Chủ trì buổi lễ: ${joinVi(chairs.map((d) => inlineAddress({ ...d, positions: [] })))}.`);
          if (coChairs.length) lines.push(`Đồng chủ trì buổi lễ: ${joinVi(coChairs.map((d) => inlineAddress({ ...d, positions: [] })))}.`);
          lines.push("Xin trân trọng cảm ơn sự có mặt của các đồng chí.");
        } else {
          // "Today the Department holds …", "Today A and B hold …".
          if (organizers) lines.push(`Today ${organizers} ${hosts.length > 1 ? "hold" : "holds"} the signing of ${programme}.`);
          lines.push("We are honoured to welcome:");
          for (const d of named) lines.push(`– ${englishAddress(d)};`);
          for (const g of groups) lines.push(`– ${g};`);
          lines.push(`${named.length || groups.length ? "together with" : "Our"} distinguished leaders and guests.`);
          const short = (d: McDignitary) => englishAddress({ ...d, positions: [] });
          if (chairs.length) lines.push(`The ceremony is chaired by ${joinEn(chairs.map(short))}.`);
          if (coChairs.length) lines.push(`The ceremony is co-chaired by ${joinEn(coChairs.map(short))}.`);
          lines.push("Thank you for being with us.");
        }
        break;
      }
      case "speech": {
        const who = item.speaker ? (vi ? inlineAddress(item.speaker) : englishAddress(item.speaker)) : null;
        const subject = item.subject?.trim();
        if (!who && subject) {
          lines.push(vi ? `Tiếp theo chương trình, xin kính mời ${subject.charAt(0).toLocaleLowerCase("vi")}${subject.slice(1)}: ${item.title}.` : `Next, ${subject}: ${item.title}.`);
          break;
        }
        lines.push(
          vi
            ? who
              ? `Tiếp theo chương trình, xin trân trọng kính mời ${who} phát biểu.`
              : `Tiếp theo chương trình: ${item.title}.`
            : who
              ? `We now invite ${closeAppositive(who)} to speak.`
              : `Next: ${item.title}.`,
        );
        break;
      }
      case "signing": {
        if (input.documents?.length) {
          const documents = item.documentId ? input.documents.filter((d) => d.id === item.documentId) : input.documents;
          const firstSigning = input.items.find((i) => i.kind === "signing")?.id === item.id;
          const witnesses = (input.witnesses ?? []).map((w) => (vi ? inlineAddress(w) : englishAddress(w)));
          if (firstSigning && witnesses.length)
            lines.push(vi ? `Xin trân trọng kính mời ${joinVi(witnesses)} lên chứng kiến lễ ký kết.` : `We invite ${closeAppositive(joinEn(witnesses))} to witness the signing.`);
          for (const d of documents) {
            const names = d.signatories.map((s) => (vi ? inlineAddress(s) : englishAddress(s)));
            lines.push(
              vi
                ? names.length
                  ? `Xin trân trọng kính mời ${joinVi(names)} lên ký kết ${d.phrase}.`
                  : `Sau đây là nghi thức ký kết ${d.phrase}.`
                : names.length
                  ? `We now invite ${closeAppositive(joinEn(names))} to sign ${d.phrase}.`
                  : `The signing of ${d.phrase}.`,
            );
          }
          if (documents.length) break;
        }
        const signers = (input.signatories ?? []).map((s) => (vi ? inlineAddress(s) : englishAddress(s)));
        lines.push(
          vi
            ? signers.length
              ? `Sau đây, xin trân trọng kính mời ${joinVi(signers)} lên ký kết ${programme}.`
              : `Sau đây là nghi thức ký kết ${programme}.`
            : signers.length
              ? `We now invite ${closeAppositive(joinEn(signers))} to sign ${programme}.`
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
      default: {
        const subject = item.subject?.trim();
        if (subject && !item.speaker) {
          lines.push(vi ? `Tiếp theo chương trình, xin kính mời ${subject.charAt(0).toLocaleLowerCase("vi")}${subject.slice(1)}: ${item.title}.` : `Next, ${subject}: ${item.title}.`);
          break;
        }
        lines.push(vi ? `Tiếp theo chương trình: ${item.title}.` : `Next: ${item.title}.`);
      }
    }
    return { itemId: item.id, heading: item.title, lines };
  });
}

/** "Mr. A, Director of B" inside an English sentence closes its appositive with a comma: "invite Mr. A, Director of B, to sign". */
function closeAppositive(text: string): string {
  return text.includes(",") ? `${text},` : text;
}
