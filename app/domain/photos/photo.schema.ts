/**
 * Client-safe: the photo forms (one photo, the bulk captions, the order) and the JSON API bodies. Messages are
 * i18n keys, translated where they are shown.
 */
import { z } from "zod";
import { optionalLine } from "~/domain/forms/fields";

export const MAX_CAPTION = 1000;
export const MAX_CREDIT = 200;
export const MAX_TAGS = 50;

const uuid = z.string().uuid("errors.invalid");
/** Bounded like every version (docs/decisions/024-bad-input.md): an integer column. */
const version = z.coerce
  .number({ invalid_type_error: "errors.invalid" })
  .int("errors.invalid")
  .min(1, "errors.invalid")
  .max(999_999_999, "errors.invalid");

export const photoTextSchema = z.object({
  captionVi: optionalLine(MAX_CAPTION),
  captionEn: optionalLine(MAX_CAPTION),
  credit: optionalLine(MAX_CREDIT),
});
export type PhotoText = z.infer<typeof photoTextSchema>;

/** A checkbox: present ("on", "true", "1") means yes; react-hook-form may hand over a boolean. */
const checkbox = z
  .union([z.string(), z.boolean(), z.undefined()])
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

/** The form of one photo: captions, credit, whether it goes into the press, whether it is the cover. */
export const photoEditSchema = photoTextSchema.extend({
  includeInPress: checkbox,
  isCover: checkbox,
  version,
});
/** The same form in the browser: the version is a hidden field only the server checks. */
export const photoEditClientSchema = photoEditSchema.omit({ version: true });

/** Tagging or untagging one person (an invitation of the event). */
export const photoTagSchema = z.object({ invitationId: uuid, version });

/**
 * The bulk caption form: parallel lists (one entry per photo, in the form's order), as formDataToObject reads
 * repeated fields. Lists of different lengths are a tampered form.
 */
export const bulkCaptionsFormSchema = z
  .object({
    id: z.array(uuid).max(2000),
    version: z.array(version),
    captionVi: z.array(z.string()),
    captionEn: z.array(z.string()),
    credit: z.array(z.string()),
  })
  .superRefine((v, ctx) => {
    const n = v.id.length;
    if ([v.version, v.captionVi, v.captionEn, v.credit].some((list) => list.length !== n))
      ctx.addIssue({ code: "custom", message: "errors.invalid" });
  })
  .transform((v) => v.id.map((id, i) => ({ id, version: v.version[i]!, captionVi: v.captionVi[i]!, captionEn: v.captionEn[i]!, credit: v.credit[i]! })));

/** The gallery order: every photo id once, and the order version the person saw. */
export const photoOrderSchema = z.object({
  ids: z.union([uuid, z.array(uuid)]).transform((v) => (Array.isArray(v) ? v : [v])),
  version: z.string().regex(/^[0-9a-f]{16}$/, "errors.invalid"),
});

/** The text fields that may come with an upload (API and uploader). */
export const uploadFieldsSchema = photoTextSchema;

/** PATCH /api/v1/events/{id}/photos/{photoId}: every field optional; null clears a text. */
export const photoApiPatchSchema = z
  .object({
    captionVi: optionalLine(MAX_CAPTION),
    captionEn: optionalLine(MAX_CAPTION),
    credit: optionalLine(MAX_CREDIT),
    includeInPress: z.boolean({ invalid_type_error: "errors.invalid" }),
    isCover: z.boolean({ invalid_type_error: "errors.invalid" }),
    position: z.number({ invalid_type_error: "errors.invalid" }).int("errors.invalid").min(1, "errors.invalid").max(100_000, "errors.invalid"),
    taggedInvitationIds: z.array(uuid).max(MAX_TAGS, `photos.errors.tooManyTags?max=${MAX_TAGS}`),
    version: z.number({ invalid_type_error: "errors.invalid" }).int("errors.invalid").min(1, "errors.invalid").max(999_999_999, "errors.invalid"),
  })
  .partial()
  .strict();
export type PhotoApiPatch = z.infer<typeof photoApiPatchSchema>;
