import { z } from "zod";
import { photoOrderSchema } from "~/domain/photos/photo.schema";

/**
 * The gallery's form (POST /events/:eventId/photos, without a file), client-safe. The card buttons carry their
 * own value rather than an `intent` field, so the form works before JavaScript loads:
 *   act=cover:<photoId>:<version> | include:… | exclude:…   → intent "mark" (the cover, in or out of the press)
 *   move=<photoId>:up|down, or intent=order with ids + version → intent "order" (one step, or the whole order)
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const photoMark = z.string().transform((value, ctx) => {
  const [what = "", id = "", version = ""] = value.split(":");
  if (!UUID.test(id) || !/^\d{1,9}$/.test(version) || !["cover", "include", "exclude"].includes(what)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.invalid" });
    return z.NEVER;
  }
  const change = what === "cover" ? { isCover: true } : { includeInPress: what === "include" };
  return { id, version: Number(version), change };
});

/** Which of the two the submitted fields mean (a card button's value wins over the order). */
export function galleryIntent(values: Record<string, unknown>): unknown {
  if (typeof values.act === "string") return "mark";
  if (typeof values.move === "string" || values.intent === "order") return "order";
  return values.intent;
}

export const galleryActionSchema = z.preprocess(
  (values) => (typeof values === "object" && values !== null ? { ...values, intent: galleryIntent(values as Record<string, unknown>) } : values),
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("mark"), act: photoMark }),
    photoOrderSchema.extend({ intent: z.literal("order"), move: z.string().optional() }),
  ]),
);
export type GalleryAction = z.output<typeof galleryActionSchema>;
