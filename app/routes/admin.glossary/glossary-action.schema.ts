import { z } from "zod";
import { glossaryEntrySchema } from "~/domain/glossary/glossary.schema";
import { uuid } from "~/domain/forms/fields";

/**
 * The forms of /admin/glossary: add an entry (intent=save, also any submission that does not name "delete") or
 * delete one of the office's own entries.
 */
export const glossaryActionSchema = z.preprocess(
  (raw) => (raw !== null && typeof raw === "object" ? { ...raw, intent: (raw as { intent?: unknown }).intent === "delete" ? "delete" : "save" } : raw),
  z.discriminatedUnion("intent", [glossaryEntrySchema.extend({ intent: z.literal("save") }), z.object({ intent: z.literal("delete"), id: uuid })]),
);
