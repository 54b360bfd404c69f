import { z } from "zod";
import { optionalLine, requiredLine } from "~/domain/forms/fields";

/**
 * Client-safe: shared by the organizations page (browser form and its action) and the JSON API.
 * Messages are i18n keys ("errors.tooLong?max=300" carries the parameter for the translation).
 * Blank optional values become null; control characters (and line breaks) are refused.
 */
const optionalParentId = z
  .union([
    z.literal(""),
    z.string({ invalid_type_error: "errors.invalid" }).trim().uuid("errors.invalid"),
    z.null(),
    z.undefined(),
  ])
  .transform((v) => (v ? v : null));

export const ORGANIZATION_NAME_MAX = 300;
export const ORGANIZATION_SHORT_NAME_MAX = 50;

export const organizationSchema = z.object({
  nameVi: requiredLine(ORGANIZATION_NAME_MAX),
  nameEn: optionalLine(ORGANIZATION_NAME_MAX),
  shortName: optionalLine(ORGANIZATION_SHORT_NAME_MAX),
  parentId: optionalParentId,
});

export type OrganizationFormValues = z.input<typeof organizationSchema>;
