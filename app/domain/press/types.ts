/**
 * The contract between the press drafter (draft.ts, pure), the facts loader (app/services/press-facts.server.ts)
 * and the press summaries service (app/services/press.server.ts).
 */
import type { CeremonyRole, DocumentKind, GroupAttendanceLine, SideKind, TimePrecision } from "../ceremony/types";

export type PressLanguage = "vi" | "en";
export const pressLanguages = ["vi", "en"] as const satisfies readonly PressLanguage[];

export type PressStatus = "draft" | "in_review" | "approved" | "published";
export const pressStatuses = ["draft", "in_review", "approved", "published"] as const satisfies readonly PressStatus[];

/** Why a summary version was written (the history list and the API's version kind). */
export const pressVersionKinds = ["generated", "edited", "regenerated", "status"] as const;

export interface PressOrganization {
  id: string;
  nameVi: string;
  nameEn: string | null;
}

/** A dignitary as the press names them, already in protocol precedence order in PressFacts.dignitaries. */
export interface PressDignitary {
  id: string;
  invitationId: string;
  honorific: string | null;
  name: string;
  /** Every position, in the order held (most senior first), as saved for this event. */
  positions: string[];
  /** The English form of address ("Mr Nguyễn Hồng Chuyên, Member of …"), from the protocol module. */
  englishAddress: string;
  /**
   * "Về phía Tỉnh ủy" or "Tỉnh ủy": the group the press names them in ("Về phía …: …; về phía …: …"). Used only
   * when the person has no side (sideId null or absent); a side's label wins.
   */
  delegation: string | null;
  /** Their side (PressFacts.sides); null/absent = none (events without sides keep using `delegation`). */
  sideId?: string | null;
  /** Their ceremony roles (ceremony/types.ts); absent = attendee. */
  roles?: CeremonyRole[];
  organization: string | null;
  /**
   * The Vietnamese full form of address when protocol staff overrode the generated one
   * (dignitaries.full_address_override, "Đồng chí …, …"); null or absent = built from honorific, name, positions.
   */
  addressVi?: string | null;
}

/** A speaking slot of the agenda with its key points, in the agenda's order. */
export interface PressSpeech {
  agendaItemId: string;
  /** The speaker when they are one of the dignitaries (by PressDignitary.id); else null and speakerName is used. */
  dignitaryId: string | null;
  /**
   * A speaker who is not a dignitary: their Vietnamese address as it runs in a sentence ("ông Trần Văn B, Hiệu
   * trưởng …"), from the invitation's person. Null when the slot has no speaker.
   */
  speakerName: string | null;
  /** The same speaker's English address ("Mr. Trần Văn B, …"); null/absent = speakerName is used. */
  speakerEnglish?: string | null;
  /** One remark per key point, as entered in the agenda (agenda_items.key_points, one per line). */
  keyPoints: string[];
  /**
   * A proceeding without a speaker: the collective subject ("Hai bên", "The two sides"); used when the slot has
   * no speaker (dignitaryId and speakerName null). Null/absent with no speaker = the key points are left out.
   */
  subjectVi?: string | null;
  subjectEn?: string | null;
}

/** A side of the ceremony as the press names it. */
export interface PressSide {
  id: string;
  kind: SideKind;
  organization: PressOrganization | null;
  /** After "Về phía": "Bộ Công an"; null = organization.nameVi. */
  labelVi: string | null;
  labelEn: string | null;
  order: number;
}

/** A document signed at the event (replaces the single agreement). */
export interface PressDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  /** The document's English title as the organiser gave it (ceremony_documents.title_en); null/absent = none. */
  titleEn?: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  aims: string | null;
  /** The parties, in order, as organizations (a side without an organization: its label as nameVi). */
  parties: PressOrganization[];
  /** The same parties as side ids (PressFacts.sides), same order; empty when the event has no sides. */
  partySideIds: string[];
}

export interface PressPhoto {
  id: string;
  captionVi: string | null;
  captionEn: string | null;
  credit: string | null;
}

export interface PressFacts {
  event: {
    id: string;
    title: string;
    kind: "signing_ceremony" | "conference" | "meeting" | "reception" | "other";
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    venueName: string | null;
    /** The venue's English name as the organiser gave it (events.venue_name_en); null/absent = from the glossary. */
    venueNameEn?: string | null;
    /** The event's English title (events.title_en); null/absent = none (the Vietnamese title, marked). */
    titleEn?: string | null;
    venueRoom: string | null;
    venueAddress: string | null;
    description: string | null;
    /** "date" = only the date is known: the lead writes "Ngày 12/3, …" and no time of day. Absent = "time". */
    timePrecision?: TimePrecision;
    /** "kỷ niệm 70 năm …" → "Nhân dịp kỷ niệm 70 năm …, …"; null/absent = none. */
    occasionVi?: string | null;
    occasionEn?: string | null;
    /** "hội nghị sơ kết …" → "Trong khuôn khổ hội nghị sơ kết …, …"; null/absent = none. */
    contextVi?: string | null;
    contextEn?: string | null;
  };
  /** The host first, then the partners, in the event's order. */
  hosts: PressOrganization[];
  /** The ceremony's sides (host, guest, leaders); empty = no sides (delegation strings group the people). */
  sides: PressSide[];
  /** The documents signed, in signing order; empty = none. */
  documents: PressDocument[];
  /** In protocol precedence order, across all sides. */
  dignitaries: PressDignitary[];
  /** Unnamed attendance, placed among the dignitaries (ceremony/types.ts mergeAttendance). */
  groupLines: GroupAttendanceLine[];
  speeches: PressSpeech[];
  /** The photos chosen for the press, in gallery order. */
  photos: PressPhoto[];
  /** The author's name as printed at the end. */
  byline: string | null;
  /** When the report is (to be) published: decides whether the lead writes the year. */
  publishedOn: Date;
}

/** Where one paragraph of the draft came from: the facts it states, for the "why this sentence" view. */
export interface PressSource {
  /** The paragraph's text exactly as it stands in the generated body. */
  text: string;
  /** The part of the report: headline, lead, attendance, content, remarks, photo, byline. */
  part: "headline" | "lead" | "attendance" | "content" | "remarks" | "photo" | "byline";
  /** The data behind it, as dotted paths into PressFacts with the values used, e.g. "event.startsAt = 19/10/2017 14:00". */
  facts: string[];
  /**
   * Only in English drafts: the paragraph carries Vietnamese free text (aims, key points, captions, titles)
   * that exists only in Vietnamese. There is no translation service: the text is kept as written, the body
   * says "(in Vietnamese, to be translated)", and an editor translates it.
   */
  needsTranslation?: boolean;
}

export interface PressDraft {
  title: string;
  /**
   * The byline, kept apart from the body (press_summaries.byline) so it stays a field of its own; every output
   * (public page, print, .docx, copy) prints it last, as the article closes with it.
   */
  byline: string | null;
  /** Markdown; photos as ![caption](photo:<photoId>) on a line of their own. */
  body: string;
  /**
   * One per body paragraph, in order, with `text` equal to the paragraph; plus the "headline" source (text =
   * title) first and, when there is a byline, the "byline" source (text = byline) last. Title and byline are
   * plain text (not markdown); the body is markdown with the data's special characters escaped.
   */
  sources: PressSource[];
  /** What the drafter saw in the data but could not write (e.g. key points without a speaker): for the editor. */
  notes?: string[];
  /**
   * Only in English drafts: the Vietnamese terms (positions, bodies, ranks, venues) the glossary could not
   * translate, kept and marked in the body; the press editor offers to add each to the glossary and redraft.
   */
  untranslatedTerms?: string[];
}
