/**
 * Client-safe zod schemas for the ceremony's sides, documents, roles and attendance lines: shared by the forms
 * (values as an HTML form sends them) and the JSON API (which sends the same names as JSON).
 */
import { z } from "zod";
import { languageCode } from "../events/event.schema";
import { optionalLine, optionalPositiveInt, optionalText, requiredLine } from "~/domain/forms/fields";
import { ceremonyRoleKinds, documentKinds, sideKinds, type CeremonyRole, type DocumentKind, type SideKind } from "./types";

const choice = { errorMap: () => ({ message: "errors.choice" }) };
const uuid = z.string().uuid("errors.invalid");
const optionalUuid = z.union([z.literal(""), uuid, z.null(), z.undefined()]).transform((v) => (v ? v : null));
/** A checkbox group / multi-select: one value, several, or none. */
const list = <T extends z.ZodTypeAny>(item: T) =>
  z
    .union([item, z.array(item), z.literal(false), z.literal(""), z.null(), z.undefined()])
    .transform((v): z.output<T>[] => (v == null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]));

const optionalYear = z
  .union([z.string(), z.number(), z.null(), z.undefined()])
  .transform((v, ctx) => {
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return null;
    const n = typeof v === "number" ? v : /^\s*\d{4}\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < 1900 || n > 2200) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.year" });
      return z.NEVER;
    }
    return n;
  });

/** "vi, lo" or ["vi", "lo"] → ["vi", "lo"]. */
const languages = z
  .union([z.string(), z.array(z.string()), z.null(), z.undefined()])
  .transform((v) => (v == null ? [] : Array.isArray(v) ? v : v.split(/[\s,;]+/)).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(languageCode).max(10, "errors.invalid"))
  .transform((v) => [...new Set(v)]);

export interface SideInput {
  kind: SideKind;
  organizationId: string | null;
  labelVi: string | null;
  labelEn: string | null;
  headPersonId: string | null;
  language: string;
}

export const sideSchema = z
  .object({
    kind: z.enum(sideKinds, choice),
    organizationId: optionalUuid,
    labelVi: optionalLine(200),
    labelEn: optionalLine(200),
    headPersonId: optionalUuid,
    language: z
      .union([z.literal(""), z.null(), z.undefined(), languageCode])
      .transform((v) => v || "vi"),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "leaders" && !v.organizationId && !v.labelVi)
      ctx.addIssue({ code: "custom", path: ["organizationId"], message: "ceremony.errors.sideNeedsName" });
  })
  .transform((v): SideInput => v);
export type SideFormValues = z.input<typeof sideSchema>;

export interface DocumentFormInput {
  kind: DocumentKind;
  title: string;
  titleEn: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  aims: string | null;
  originals: number | null;
  languages: string[];
  /** The parties in signing order, by side id. */
  partySideIds: string[];
}

export const documentSchema = z
  .object({
    kind: z.enum(documentKinds, choice),
    title: requiredLine(300),
    titleEn: optionalLine(300),
    periodStart: optionalYear,
    periodEnd: optionalYear,
    aims: optionalText(20000),
    originals: optionalPositiveInt(100),
    languages,
    partySideIds: list(uuid).transform((v) => [...new Set(v)]),
  })
  .superRefine((v, ctx) => {
    if (v.periodStart !== null && v.periodEnd !== null && v.periodEnd < v.periodStart)
      ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "errors.periodOrder" });
  })
  .transform((v): DocumentFormInput => v);
export type DocumentFormValues = z.input<typeof documentSchema>;

/**
 * A person's side and roles. The form sends the plain roles as a checkbox group (`roles`) and the signatory roles
 * as "documentId:sideId" values (`signsFor`); the API sends `roles` as objects.
 */
export interface PersonCeremonyInput {
  sideId: string | null;
  roles: CeremonyRole[];
}

const plainRoles = ceremonyRoleKinds.filter((k) => k !== "signatory") as Exclude<CeremonyRole["kind"], "signatory">[];
const plainRole = z.enum(plainRoles as [Exclude<CeremonyRole["kind"], "signatory">, ...Exclude<CeremonyRole["kind"], "signatory">[]], choice);
const signsFor = z
  .string()
  .regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/i, "errors.invalid")
  .transform((v) => {
    const [documentId = "", sideId = ""] = v.split(":");
    return { kind: "signatory" as const, documentId, sideId };
  });

export const personCeremonyFormSchema = z
  .object({ sideId: optionalUuid, roles: list(plainRole), signsFor: list(signsFor) })
  .transform((v): PersonCeremonyInput => ({
    sideId: v.sideId,
    roles: [...[...new Set(v.roles)].map((kind) => ({ kind })), ...v.signsFor],
  }));
export type PersonCeremonyFormValues = z.input<typeof personCeremonyFormSchema>;

const apiRole = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("signatory"), documentId: uuid, sideId: uuid }).strict(),
    ...plainRoles.map((k) => z.object({ kind: z.literal(k) }).strict()),
  ] as unknown as [z.ZodDiscriminatedUnionOption<"kind">, ...z.ZodDiscriminatedUnionOption<"kind">[]],
  choice,
);

export const personCeremonyApiSchema = z
  .object({ sideId: z.string().uuid("errors.invalid").nullable().optional(), roles: z.array(apiRole).max(30).optional() })
  .strict();
export type PersonCeremonyApi = { sideId?: string | null; roles?: CeremonyRole[] };

export interface AttendanceLineInput {
  textVi: string;
  textEn: string | null;
  sideId: string | null;
  place: number | null;
}

export const attendanceLineSchema = z
  .object({
    textVi: requiredLine(500),
    textEn: optionalLine(500),
    sideId: optionalUuid,
    place: optionalPositiveInt(10_000),
  })
  .transform((v): AttendanceLineInput => v);
export type AttendanceLineFormValues = z.input<typeof attendanceLineSchema>;

/** The signatories of one party of one document, in order (API). */
export const partySignatoriesSchema = z.object({ signatoryIds: z.array(uuid).max(10) }).strict();

/** A signing item's document, a proceeding's subject. */
export const agendaItemCeremonySchema = z.object({
  subject: optionalLine(200),
  subjectEn: optionalLine(200),
  documentId: optionalUuid,
});

/** Moving a side one place in the order of sides (API: POST /ceremony/sides/{sideId}/move). */
export const sideMoveSchema = z.object({
  direction: z.enum(["up", "down"], { errorMap: () => ({ message: "errors.choice" }) }),
});
