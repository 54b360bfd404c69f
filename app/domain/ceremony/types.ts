/**
 * The ceremony model: the contract between the database (db/schema, helper B), the services that load it and the
 * pure outputs that read it (press drafter, MC script, seating, place cards). Pure types and a few small helpers;
 * no Remix, no DB.
 *
 * Vocabulary (Vietnamese state protocol):
 * - A ceremony has SIDES (bên): the host side(s), the guest side(s), and at most one group of LEADERS who belong
 *   to no side ("lãnh đạo Đảng, Nhà nước", "lãnh đạo tỉnh"), named above all sides.
 * - Each PERSON (a dignitary of the event) belongs to at most one side and holds any number of ROLES.
 * - An event holds zero or more DOCUMENTS (văn kiện) signed between ordered parties (side ids); a bilateral
 *   document has exactly two. Signatories are roles: { kind: "signatory", documentId, sideId }.
 * - GROUP LINES are unnamed attendance ("các đồng chí trong Ban Thường vụ Tỉnh ủy"), placed in the same
 *   precedence order as the named people.
 * - PROCEEDINGS are agenda items with key points and a collective subject ("Hai bên") instead of a speaker.
 */

/** host | guest | leaders (above all sides; no organization of its own needed). */
export type SideKind = "host" | "guest" | "leaders";
export const sideKinds = ["host", "guest", "leaders"] as const satisfies readonly SideKind[];

/** The organization a side stands for, with the parent it is named under and whether it is foreign. */
export interface SideOrganization {
  id: string;
  nameVi: string;
  nameEn: string | null;
  /** "Ủy ban nhân dân tỉnh Lạng Sơn" for "Sở Ngoại vụ"; null = none. */
  parentNameVi: string | null;
  parentNameEn: string | null;
  /** A partner across the border ("Khu tự trị dân tộc Choang Quảng Tây, Trung Quốc"). */
  foreign: boolean;
}

export interface CeremonySide {
  id: string;
  kind: SideKind;
  /** Null only for a leaders group (or a side typed without a directory entry: then labelVi is required). */
  organization: SideOrganization | null;
  /**
   * The delegation as the press names it after "Về phía" / "về phía": "Bộ Công an", "tỉnh Thái Bình"; null = the
   * organization's Vietnamese name. For the leaders group: e.g. "lãnh đạo tỉnh" (never printed after "về phía").
   */
  labelVi: string | null;
  labelEn: string | null;
  /** The head of delegation (trưởng đoàn), a person id of this side; null = not set. */
  headPersonId: string | null;
  /** The side's working language (BCP 47 short code: "vi", "en", "zh", "lo", "km"…). */
  language: string;
  /** 0-based order of the sides as entered (hosts usually first); the text groups sides by precedence, not by this. */
  order: number;
}

/** What a person does at the ceremony; a person may hold several (chair + signatory + speaker). */
export type CeremonyRole =
  | { kind: "chair" }
  | { kind: "co_chair" }
  | { kind: "witness" }
  | { kind: "signatory"; documentId: string; sideId: string }
  | { kind: "speaker" }
  | { kind: "attendee" };
export type CeremonyRoleKind = CeremonyRole["kind"];
export const ceremonyRoleKinds = ["chair", "co_chair", "witness", "signatory", "speaker", "attendee"] as const satisfies readonly CeremonyRoleKind[];

/** The ceremony facts of one person (a dignitary of the event, by its id). */
export interface CeremonyPerson {
  id: string;
  /** The side they belong to; null = no side (treated as attendee of the event at large). */
  sideId: string | null;
  roles: CeremonyRole[];
}

export type DocumentKind = "programme" | "regulation" | "memorandum" | "contract" | "agreement" | "other";
export const documentKinds = ["programme", "regulation", "memorandum", "contract", "agreement", "other"] as const satisfies readonly DocumentKind[];

export interface CeremonyDocument {
  id: string;
  kind: DocumentKind;
  /** As titled: "Quy chế kết nghĩa giữa huyện A và huyện B", "Chương trình phối hợp công tác …". */
  title: string;
  /** The parties, in the order the title names them: side ids (two for a bilateral document). */
  partySideIds: string[];
  periodStart: number | null;
  periodEnd: number | null;
  /** Free text; paragraphs separated by blank lines, or a list (lines starting with "-", "–", "•", "*", "1."). */
  aims: string | null;
  /** How many originals are signed (bản gốc); null = not stated. */
  originals: number | null;
  /** The languages of the originals (short codes, "vi", "zh"), in order. */
  languages: string[];
  /** 0-based order of signing in the ceremony. */
  order: number;
}

/**
 * Whether the start is an exact time or a date only ("Ngày 12/3, …": no time of day stated). With "date" only the
 * calendar date of startsAt in the event's time zone counts; store it as 00:00 local time of that date.
 */
export type TimePrecision = "time" | "date";
export const timePrecisions = ["time", "date"] as const satisfies readonly TimePrecision[];

/**
 * The occasion ("kỷ niệm 70 năm Ngày thành lập …" → "Nhân dịp kỷ niệm …, …") and the context ("hội nghị sơ kết
 * 5 năm …" → "Trong khuôn khổ hội nghị …"): the phrase as typed; a leading "Nhân dịp" / "Trong khuôn khổ" (or
 * "On the occasion of" / "Within the framework of") is dropped by the outputs, so either way is fine.
 */
export interface CeremonyOccasion {
  occasionVi: string | null;
  occasionEn: string | null;
  contextVi: string | null;
  contextEn: string | null;
}

/**
 * An unnamed attendance line ("các đồng chí trong Ban Thường vụ Tỉnh ủy", "đại diện lãnh đạo các sở, ban,
 * ngành"), free text, printed after "cùng" in the attendance.
 *
 * Ordering — one precedence order with the named people: `place` is the 1-based place the line takes in the merged
 * order (like a dignitary's manual place); null = after every named person of its side (or, with no side, after
 * everyone), group lines among themselves by `order`.
 */
export interface GroupAttendanceLine {
  id: string;
  textVi: string;
  textEn: string | null;
  /** The side the line belongs to (its "về phía" group); null = no side (listed with the leaders/loose people). */
  sideId: string | null;
  place: number | null;
  order: number;
}

/**
 * A proceeding without a named speaker: an agenda item with key points and a collective subject ("Hai bên",
 * "Các đại biểu", "Ban tổ chức"). The press writes "Hai bên đã thông báo tình hình …".
 */
export interface CeremonyProceeding {
  agendaItemId: string;
  subjectVi: string;
  subjectEn: string | null;
  keyPoints: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

/** The people signing `documentId` for `sideId`, in the order given (the caller passes precedence order). */
export function signatoriesFor<P extends Pick<CeremonyPerson, "id" | "roles">>(people: P[], documentId: string, sideId: string): P[] {
  return people.filter((p) => p.roles.some((r) => r.kind === "signatory" && r.documentId === documentId && r.sideId === sideId));
}

/** Whether a person holds a role of this kind (any document for "signatory"). */
export function hasRole(person: Pick<CeremonyPerson, "roles">, kind: CeremonyRoleKind): boolean {
  return person.roles.some((r) => r.kind === kind);
}

/** A document is bilateral when it has exactly two parties. */
export function isBilateral(document: Pick<CeremonyDocument, "partySideIds">): boolean {
  return document.partySideIds.length === 2;
}

export type AttendanceEntry<P> = { kind: "person"; person: P } | { kind: "group"; line: GroupAttendanceLine };

/**
 * Merges the named people (already in precedence order) and the group lines into one order, as the attendance
 * prints it: lines with a place take it (1-based, in the merged list; past the end = last); lines without one come
 * right after the last named person of their side (no side: at the end), by `order`.
 */
export function mergeAttendance<P extends Pick<CeremonyPerson, "id" | "sideId">>(people: P[], lines: GroupAttendanceLine[]): AttendanceEntry<P>[] {
  const byOrder = [...lines].sort((a, b) => a.order - b.order);
  const out: AttendanceEntry<P>[] = people.map((person) => ({ kind: "person", person }));
  for (const line of byOrder.filter((l) => l.place === null)) {
    let at = out.length;
    if (line.sideId !== null) {
      let last = -1;
      out.forEach((e, i) => {
        const sideId = e.kind === "person" ? e.person.sideId : e.line.sideId;
        if (sideId === line.sideId) last = i;
      });
      if (last >= 0) at = last + 1;
    }
    out.splice(at, 0, { kind: "group", line });
  }
  const placed = byOrder.filter((l) => l.place !== null).sort((a, b) => (a.place ?? 0) - (b.place ?? 0) || a.order - b.order);
  for (const line of placed) {
    const index = Math.min(Math.max(1, Math.floor(line.place ?? 1)), out.length + 1) - 1;
    out.splice(index, 0, { kind: "group", line });
  }
  return out;
}
