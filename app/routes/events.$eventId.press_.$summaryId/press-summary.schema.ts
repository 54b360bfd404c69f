import { z } from "zod";
import { glossaryEntrySchema } from "~/domain/glossary/glossary.schema";
import {
  pressAdoptSchema,
  pressCommentSchema,
  pressEditSchema,
  pressRegenerateSchema,
  pressTransitionSchema,
} from "~/domain/press/press.schema";

/**
 * The forms of one press summary's page (POST /events/:eventId/press/:summaryId), client-safe: one `intent` per
 * button. A form without `intent` is the editor's save (pressing Enter in the title). "overwrite" is the save
 * after a conflict: it saves over the version in `overwriteVersion`, knowingly.
 */
export const pressSummaryIntents = ["save", "overwrite", "transition", "comment", "regenerate", "adopt", "adoptTitle", "glossaryAdd"] as const;
export type PressSummaryIntent = (typeof pressSummaryIntents)[number];

export function pressSummaryIntent(values: Record<string, unknown>): PressSummaryIntent | "unknown" {
  const intent = typeof values.intent === "string" ? values.intent : "save";
  return (pressSummaryIntents as readonly string[]).includes(intent) ? (intent as PressSummaryIntent) : "unknown";
}

/** The lines of a merge conflict, as the regeneration report wrote them into the form (JSON of strings). */
const jsonLines = pressAdoptSchema.shape.mine.transform((s, ctx) => {
  if (s === "") return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(s);
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.invalid" });
    return z.NEVER;
  }
  return parsed.filter((x): x is string => typeof x === "string");
});

export const pressSummaryActionSchema = z.preprocess(
  (values) => {
    if (typeof values !== "object" || values === null) return values;
    const v = values as Record<string, unknown>;
    const intent = typeof v.intent === "string" ? v.intent : "save";
    return intent === "overwrite" ? { ...v, intent, version: v.overwriteVersion } : { ...v, intent };
  },
  z.discriminatedUnion("intent", [
    pressEditSchema.extend({ intent: z.literal("save") }),
    pressEditSchema.extend({ intent: z.literal("overwrite") }),
    pressTransitionSchema.extend({ intent: z.literal("transition") }),
    pressCommentSchema.extend({ intent: z.literal("comment") }),
    pressRegenerateSchema.extend({ intent: z.literal("regenerate") }),
    pressAdoptSchema.extend({ intent: z.literal("adopt"), mine: jsonLines, theirs: jsonLines }),
    pressEditSchema.pick({ title: true, version: true }).extend({ intent: z.literal("adoptTitle") }),
    glossaryEntrySchema.merge(pressRegenerateSchema).extend({ intent: z.literal("glossaryAdd") }),
  ]),
);
export type PressSummaryAction = z.output<typeof pressSummaryActionSchema>;

/** The glossary fields of the inline form (their errors are shown beside them; a bad version is not theirs). */
export const glossaryFields = Object.keys(glossaryEntrySchema.shape);
