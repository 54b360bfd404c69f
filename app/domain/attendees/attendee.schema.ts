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
 * Each field's rule is a plain function of the cell (`Refusal` = its message), called by the zod schemas below and,
 * for the rows of a CSV file (every cell a string or absent), by `parseImportRow` directly: the import checks
 * 20,000 rows × 13 fields, and zod's layers (a union tries every member, building an error object for each) cost
 * microseconds per cell. One rule, two callers: the same result and the same messages (a test compares them).
 */
class Refusal {
  constructor(readonly message: string) {}
}
type Ruled<T> = T | Refusal;
const refusals = new Map<string, Refusal>();
/** One Refusal per message (they are immutable), so a bad row allocates nothing. */
const refuse = (message: string): Refusal => {
  let r = refusals.get(message);
  if (!r) refusals.set(message, (r = new Refusal(message)));
  return r;
};
/** A rule's answer inside a zod transform: the value, or the issue and z.NEVER. */
function applyRule<T>(result: Ruled<T>, ctx: z.RefinementCtx): T {
  if (result instanceof Refusal) {
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  }
  return result;
}

/**
 * Text fields with the same rules and messages as the event schema's line()/optionalLine()/optionalText()
 * (NFC, trimmed, bounded, no control characters), written without zod unions.
 */
function textRule(max: number, options: { multiline?: boolean; collapseSpaces?: boolean } = {}) {
  const control = options.multiline ? CONTROL : CONTROL_OR_NEWLINE;
  const tooLong = `errors.tooLong?max=${max}`;
  return (v: string | null | undefined): Ruled<string | null> => {
    if (v == null) return null;
    let s = v.normalize("NFC").trim();
    if (s.length > max) return refuse(tooLong);
    if (!isWellFormedText(s)) return refuse(badTextMessage);
    if (control.test(s)) return refuse("errors.controlChars");
    if (options.multiline) s = s.replace(/\r\n?/g, "\n");
    if (options.collapseSpaces) s = s.replace(/\s+/g, " ");
    return s || null;
  };
}

const text = (max: number, options: { multiline?: boolean; collapseSpaces?: boolean } = {}) => {
  const rule = textRule(max, options);
  return z
    .string({ invalid_type_error: "errors.invalid" })
    .nullish()
    .transform((v, ctx): string | null => applyRule(rule(v), ctx));
};

function positionsRule(v: string | string[] | null | undefined): Ruled<string[]> {
  const list = v == null ? [] : splitPositions(Array.isArray(v) ? v.join("\n") : v);
  if (list.length > MAX_POSITIONS) return refuse(`attendees.errors.tooManyPositions?max=${MAX_POSITIONS}`);
  if (list.some((p) => p.length > MAX_POSITION_LENGTH)) return refuse(`errors.tooLong?max=${MAX_POSITION_LENGTH}`);
  if (list.some((p) => CONTROL_OR_NEWLINE.test(p))) return refuse("errors.controlChars");
  return list;
}

const positionsField = z
  .union([z.string(), z.array(z.string()), z.null(), z.undefined()], { invalid_type_error: "errors.invalid" })
  .transform((v, ctx) => applyRule(positionsRule(v), ctx));

const fullNameText = textRule(ATTENDEE_LIMITS.fullName, { collapseSpaces: true });
/** After zod's own check that the name is a string (undefined: "errors.required"). */
function fullNameRule(v: string): Ruled<string> {
  const s = fullNameText(v);
  if (s instanceof Refusal) return s;
  return s || refuse("errors.required");
}

const fullName = z
  .string({ required_error: "errors.required", invalid_type_error: "errors.invalid" })
  .transform((v, ctx): string => applyRule(fullNameRule(v), ctx));

const emailFormat = z.string().email();
const emailText = textRule(ATTENDEE_LIMITS.email);

/** Stored in lower case: the directory deduplicates on it, case-insensitively. */
function emailRule(v: string | null | undefined): Ruled<string | null> {
  const s = emailText(v);
  if (s === null || s instanceof Refusal) return s;
  const lower = s.toLowerCase();
  return emailFormat.safeParse(lower).success ? lower : refuse("errors.email");
}
const email = z
  .string({ invalid_type_error: "errors.invalid" })
  .nullish()
  .transform((v, ctx): string | null => applyRule(emailRule(v), ctx));

const PHONE = /^[0-9+().\-/ ]+$/;
const phoneText = textRule(ATTENDEE_LIMITS.phone);
function phoneRule(v: string | null | undefined): Ruled<string | null> {
  const s = phoneText(v);
  if (s === null || s instanceof Refusal) return s;
  return PHONE.test(s) && (s.match(/\d/g)?.length ?? 0) >= 6 ? s : refuse("attendees.errors.phone");
}
const phone = z
  .string({ invalid_type_error: "errors.invalid" })
  .nullish()
  .transform((v, ctx): string | null => applyRule(phoneRule(v), ctx));

/** "" → fallback; "2" → 2; a whole number from 0 to MAX_PLUS_ONES. */
function plusOnesRule(v: string | number | null | undefined, fallback: number | null): Ruled<number | null> {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return fallback;
  const n = typeof v === "number" ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PLUS_ONES) return refuse(`attendees.errors.plusOnes?max=${MAX_PLUS_ONES}`);
  return n;
}
const plusOnes = (fallback: number | null) =>
  z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v, ctx): number | null => applyRule(plusOnesRule(v, fallback), ctx));

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
  const key = fold(text);
  // Own keys only: a cell reading "constructor" or "toString" is not a role.
  return Object.hasOwn(roleAliases, key) ? roleAliases[key] : undefined;
}

export function parseLanguage(text: string): AttendeeLanguage | undefined {
  const key = fold(text);
  return Object.hasOwn(languageAliases, key) ? languageAliases[key] : undefined;
}

const aliasRule =
  <T extends string>(parse: (s: string) => T | undefined) =>
  (v: string | null | undefined): Ruled<T | null> => {
    if (v == null || v.trim() === "") return null;
    return parse(v) ?? refuse("errors.choice");
  };

const aliasField = <T extends string>(parse: (s: string) => T | undefined) => {
  const rule = aliasRule(parse);
  return z.string().nullish().transform((v, ctx): T | null => applyRule(rule(v), ctx));
};

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

/** The import schema's rules by field, for rows whose cells are all strings (or absent): see parseImportRow. */
const importRules: { [K in ImportField]: (v: string | undefined) => Ruled<AttendeeImportRow[K]> } = {
  honorific: textRule(ATTENDEE_LIMITS.honorific, { collapseSpaces: true }),
  fullName: (v) => (v === undefined ? refuse("errors.required") : fullNameRule(v)),
  positions: positionsRule,
  organization: textRule(ATTENDEE_LIMITS.organization, { collapseSpaces: true }),
  email: emailRule,
  phone: phoneRule,
  notes: textRule(ATTENDEE_LIMITS.notes, { multiline: true }),
  language: aliasRule(parseLanguage),
  role: aliasRule(parseRole),
  plusOnes: (v) => plusOnesRule(v, null),
  groupLabel: textRule(ATTENDEE_LIMITS.groupLabel, { collapseSpaces: true }),
  dietaryNeeds: textRule(ATTENDEE_LIMITS.dietaryNeeds, { multiline: true }),
  accessNeeds: textRule(ATTENDEE_LIMITS.accessNeeds, { multiline: true }),
};
/** In the schema's order: its output's key order, and the order of its issues. */
const importShapeKeys = Object.keys(attendeeImportRowSchema.shape) as ImportField[];

export type ImportRowCheck =
  | { success: true; data: AttendeeImportRow }
  | { success: false; errors: { field: ImportField | null; message: string }[] };

function isPlainStringRecord(values: unknown): values is Partial<Record<ImportField, string>> {
  if (typeof values !== "object" || values === null) return false;
  const proto = Object.getPrototypeOf(values) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of importShapeKeys) {
    const v = (values as Record<string, unknown>)[key];
    if (v !== undefined && typeof v !== "string") return false;
  }
  return true;
}

/**
 * attendeeImportRowSchema.safeParse(values), answered as the data or the first message of each field at fault (in
 * the schema's field order; field null for the row as a whole). A row of strings (what a CSV file gives) goes
 * through the field rules directly; anything else through zod.
 */
export function parseImportRow(values: unknown): ImportRowCheck {
  if (isPlainStringRecord(values)) {
    const data: Record<string, unknown> = {};
    let errors: { field: ImportField; message: string }[] | null = null;
    for (const key of importShapeKeys) {
      const result = importRules[key](values[key]);
      if (result instanceof Refusal) (errors ??= []).push({ field: key, message: result.message });
      else data[key] = result;
    }
    return errors ? { success: false, errors } : { success: true, data: data as AttendeeImportRow };
  }
  const result = attendeeImportRowSchema.safeParse(values);
  if (result.success) return { success: true, data: result.data };
  const errors: { field: ImportField | null; message: string }[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const field = (issue.path[0] as ImportField | undefined) ?? null;
    const key = field ?? "";
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ field, message: issue.message });
  }
  return { success: false, errors };
}

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
