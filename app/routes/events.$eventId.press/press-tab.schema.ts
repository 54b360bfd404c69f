import { z } from "zod";
import { pressLanguageSchema, pressSettingsSchema } from "~/domain/press/press.schema";

/**
 * The Press tab's two forms (POST /events/:eventId/press), client-safe. The draft buttons send only `language`
 * (one button per language, so the form works before JavaScript): no `intent` means "draft";
 * intent=settings is the review rules' form.
 */
export const pressTabActionSchema = z.preprocess(
  (values) => (typeof values === "object" && values !== null ? { ...values, intent: pressTabIntent(values as Record<string, unknown>) } : values),
  z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("draft"),
      language: pressLanguageSchema,
      /** "Only those who came": the checkbox sends "1". */
      attendedOnly: z.unknown().transform((v) => v === "1"),
    }),
    pressSettingsSchema.extend({ intent: z.literal("settings") }),
  ]),
);
export type PressTabAction = z.output<typeof pressTabActionSchema>;

export function pressTabIntent(values: Record<string, unknown>): "draft" | "settings" {
  return values.intent === "settings" ? "settings" : "draft";
}
