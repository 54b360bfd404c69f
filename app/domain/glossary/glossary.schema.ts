import { z } from "zod";
import { requiredLine } from "~/domain/forms/fields";
import { glossaryKinds } from "./types";

export const GLOSSARY_TERM_MAX = 300;

/** One glossary entry, from the admin form, the press editor's inline form or the API. */
export const glossaryEntrySchema = z.object({
  kind: z.enum(glossaryKinds, { errorMap: () => ({ message: "errors.choice" }) }),
  vi: requiredLine(GLOSSARY_TERM_MAX),
  en: requiredLine(GLOSSARY_TERM_MAX),
});
export type GlossaryEntryInput = z.output<typeof glossaryEntrySchema>;
