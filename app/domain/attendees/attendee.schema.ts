import { z } from "zod";
import { badTextMessage, isWellFormedText } from "../text/well-formed";

/**
 * Client-safe: one schema for the "add / edit attendee" form (browser and action) and, built from the same
 * field rules, one for a CSV import row. Messages are i18n keys.
 */
export const invitationRoles = ["guest", "dignitary", "speaker", "signatory", "press", "staff"] as const;
export type InvitationRole = (typeof invitationRoles)[number];
export const invitationStatuses = ["not_sent", "sent", "accepted", "declined", "tentative"] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];
export const attendeeLanguages = ["vi", "en"] as const;
export type AttendeeLanguage = (typeof attendeeLanguages)[number];

export const MAX_PLUS_ONES = 20;
export const MAX_POSITIONS = 10;
export const MAX_POSITION_LENGTH = 200;
/** Length limits, one source for the schema, the inputs' maxLength and their counters. */
export const ATTENDEE_LIMITS = {
  honorific: 50,
  fullName: 200,
  organization: 300,
  email: 254,
  phone: 40,
  notes: 2000,
  groupLabel: 100,
  dietaryNeeds: 500,
  accessNeeds: 500,
} as const;

/** Positions are one per line (the form's textarea) or separated by "|" (a CSV cell). Empty lines are dropped. */
export function splitPositions(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\|/)
    .map((s) => s.normalize("NFC").replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

// Matching control characters is the point of these two patterns.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Text fields with the same rules and messages as the event schema's line()/optionalLine()/optionalText()
 * (NFC, trimmed, bounded, no control characters), written without zod unions: an import checks 20,000
 * rows × 13 fields in the browser, and a union builds an error object for every empty cell it tries.
 */
const text = (max: number, options: { multiline?: boolean; collapseSpaces?: boolean } = {}) =>
  z
    .string({ invalid_type_error: "errors.invalid" })
    .nullish()
    .transform((v, ctx): string | null => {
      if (v == null) return null;
      let s = v.normalize("NFC").trim();
      if (s.length > max) {
        ctx.addIssue({ code: "custom", message: `errors.tooLong?max=${max}` });
        return z.NEVER;
      }
      if (!isWellFormedText(s)) {
        ctx.addIssue({ code: "custom", message: badTextMessage });
        return z.NEVER;
      }
      if ((options.multiline ? CONTROL : CONTROL_OR_NEWLINE).test(s)) {
        ctx.addIssue({ code: "custom", message: "errors.controlChars" });
        return z.NEVER;
      }
      if (options.multiline) s = s.replace(/\r\n?/g, "\n");
      if (options.collapseSpaces) s = s.replace(/\s+/g, " ");
      return s || null;
    });

const positionsField = z
  .union([z.string(), z.array(z.string()), z.null(), z.undefined()], { invalid_type_error: "errors.invalid" })
  .transform((v, ctx) => {
    const list = v == null ? [] : splitPositions(Array.isArray(v) ? v.join("\n") : v);
    if (list.length > MAX_POSITIONS) {
      ctx.addIssue({ code: "custom", message: `attendees.errors.tooManyPositions?max=${MAX_POSITIONS}` });
      return z.NEVER;
    }
    if (list.some((p) => p.length > MAX_POSITION_LENGTH)) {
      ctx.addIssue({ code: "custom", message: `errors.tooLong?max=${MAX_POSITION_LENGTH}` });
      return z.NEVER;
    }
    if (list.some((p) => CONTROL_OR_NEWLINE.test(p))) {
      ctx.addIssue({ code: "custom", message: "errors.controlChars" });
      return z.NEVER;
    }
    return list;
  });

const fullName = z
  .string({ required_error: "errors.required", invalid_type_error: "errors.invalid" })
  .pipe(text(ATTENDEE_LIMITS.fullName, { collapseSpaces: true }))
  .transform((s, ctx): string => {
    if (!s) {
      ctx.addIssue({ code: "custom", message: "errors.required" });
      return z.NEVER;
    }
    return s;
  });

const emailFormat = z.string().email();

/** Stored in lower case: the directory deduplicates on it, case-insensitively. */
const email = text(ATTENDEE_LIMITS.email).transform((s, ctx) => {
  if (s === null) return null;
  const lower = s.toLowerCase();
  if (!emailFormat.safeParse(lower).success) {
    ctx.addIssue({ code: "custom", message: "errors.email" });
    return z.NEVER;
  }
  return lower;
});

const PHONE = /^[0-9+().\-/ ]+$/;
const phone = text(ATTENDEE_LIMITS.phone).refine(
  (s) => s === null || (PHONE.test(s) && (s.match(/\d/g)?.length ?? 0) >= 6),
  "attendees.errors.phone",
);

/** "" → fallback; "2" → 2; a whole number from 0 to MAX_PLUS_ONES. */
const plusOnes = (fallback: number | null) =>
  z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v, ctx): number | null => {
      if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return fallback;
      const n = typeof v === "number" ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
      if (!Number.isInteger(n) || n < 0 || n > MAX_PLUS_ONES) {
        ctx.addIssue({ code: "custom", message: `attendees.errors.plusOnes?max=${MAX_PLUS_ONES}` });
        return z.NEVER;
      }
      return n;
    });

const choice = { errorMap: () => ({ message: "errors.choice" }) };

const personFields = {
  honorific: text(ATTENDEE_LIMITS.honorific, { collapseSpaces: true }),
  fullName,
  positions: positionsField,
  organization: text(ATTENDEE_LIMITS.organization, { collapseSpaces: true }),
  email,
  phone,
  notes: text(ATTENDEE_LIMITS.notes, { multiline: true }),
};

const invitationFields = {
  groupLabel: text(ATTENDEE_LIMITS.groupLabel, { collapseSpaces: true }),
  dietaryNeeds: text(ATTENDEE_LIMITS.dietaryNeeds, { multiline: true }),
  accessNeeds: text(ATTENDEE_LIMITS.accessNeeds, { multiline: true }),
};

/** The add/edit form: what an HTML form sends (strings); positions one per line. */
export const attendeeFormSchema = z.object({
  ...personFields,
  language: z.enum(attendeeLanguages, choice),
  role: z.enum(invitationRoles, choice),
  plusOnes: plusOnes(0).transform((n) => n ?? 0),
  ...invitationFields,
});

export type AttendeeFormValues = z.input<typeof attendeeFormSchema>;
export type AttendeeInput = z.output<typeof attendeeFormSchema>;

export const emptyAttendeeForm: AttendeeFormValues = {
  honorific: "",
  fullName: "",
  positions: "",
  organization: "",
  email: "",
  phone: "",
  notes: "",
  language: "vi",
  role: "guest",
  groupLabel: "",
  plusOnes: "0",
  dietaryNeeds: "",
  accessNeeds: "",
};

// ---------------------------------------------------------------------------------------------------
// CSV import rows: the same rules; an empty cell means "not given" (null), so a re-import never erases
// what is already known. Role and language also accept their Vietnamese and English names.

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const roleAliases: Record<string, InvitationRole> = {
  guest: "guest",
  "khach moi": "guest",
  khach: "guest",
  dignitary: "dignitary",
  "dai bieu": "dignitary",
  vip: "dignitary",
  "khach vip": "dignitary",
  speaker: "speaker",
  "dien gia": "speaker",
  "phat bieu": "speaker",
  "bao cao vien": "speaker",
  signatory: "signatory",
  signer: "signatory",
  "ky ket": "signatory",
  "nguoi ky": "signatory",
  "dai dien ky ket": "signatory",
  press: "press",
  media: "press",
  "bao chi": "press",
  "phong vien": "press",
  staff: "staff",
  "nhan vien": "staff",
  "can bo": "staff",
  "ban to chuc": "staff",
  "phuc vu": "staff",
};

const languageAliases: Record<string, AttendeeLanguage> = {
  vi: "vi",
  vn: "vi",
  "vi vn": "vi",
  "tieng viet": "vi",
  vietnamese: "vi",
  en: "en",
  "en us": "en",
  "en gb": "en",
  "tieng anh": "en",
  english: "en",
  anh: "en",
};

export function parseRole(text: string): InvitationRole | undefined {
  return roleAliases[fold(text)];
}

export function parseLanguage(text: string): AttendeeLanguage | undefined {
  return languageAliases[fold(text)];
}

const aliasField = <T extends string>(parse: (s: string) => T | undefined) =>
  z.string().nullish().transform((v, ctx): T | null => {
    if (v == null || v.trim() === "") return null;
    const value = parse(v);
    if (!value) {
      ctx.addIssue({ code: "custom", message: "errors.choice" });
      return z.NEVER;
    }
    return value;
  });

export const attendeeImportRowSchema = z.object({
  ...personFields,
  language: aliasField(parseLanguage),
  role: aliasField(parseRole),
  plusOnes: plusOnes(null),
  ...invitationFields,
});

export type AttendeeImportRow = z.output<typeof attendeeImportRowSchema>;
export type ImportField = keyof z.input<typeof attendeeImportRowSchema>;

export const importFields = [
  "honorific",
  "fullName",
  "positions",
  "organization",
  "email",
  "phone",
  "language",
  "role",
  "groupLabel",
  "plusOnes",
  "notes",
  "dietaryNeeds",
  "accessNeeds",
] as const satisfies readonly ImportField[];

// ---------------------------------------------------------------------------------------------------
// A deputy ("người được cử đi thay") named by an invitee: their page's form, the action and the mailed-reply path.

export const DEPUTY_NOTE_MAX = 1000;

/** Who goes in the invitee's place: the name is required; one position (their own, for precedence); an email to send their invitation to. */
export const deputyFormSchema = z.object({
  honorific: personFields.honorific,
  fullName,
  position: text(MAX_POSITION_LENGTH, { collapseSpaces: true }),
  organization: personFields.organization,
  email,
  note: text(DEPUTY_NOTE_MAX, { multiline: true }),
});
export type DeputyFormValues = z.input<typeof deputyFormSchema>;
export const emptyDeputyForm: DeputyFormValues = { honorific: "", fullName: "", position: "", organization: "", email: "", note: "" };
