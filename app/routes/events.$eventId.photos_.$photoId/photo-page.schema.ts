import { z } from "zod";
import { photoEditSchema, photoTagSchema } from "~/domain/photos/photo.schema";

/**
 * The forms of one photo's page (POST /events/:eventId/photos/:photoId), client-safe: one `intent` per button.
 * `q` is the tag search in progress, kept in the address after tagging or untagging.
 */
const q = z.string().optional();

/** The version a delete confirms: the digits the page wrote, nothing looser (an integer column). */
const deleteVersion = z
  .string({ required_error: "errors.invalid", invalid_type_error: "errors.invalid" })
  .regex(/^[1-9]\d{0,8}$/, "errors.invalid")
  .transform(Number);

export const photoPageActionSchema = z.discriminatedUnion("intent", [
  photoEditSchema.extend({ intent: z.literal("save") }),
  photoTagSchema.extend({ intent: z.literal("tag"), q }),
  photoTagSchema.extend({ intent: z.literal("untag"), q }),
  z.object({ intent: z.literal("delete"), version: deleteVersion }),
]);
export type PhotoPageAction = z.output<typeof photoPageActionSchema>;
