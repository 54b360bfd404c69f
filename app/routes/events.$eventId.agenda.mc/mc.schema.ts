import { z } from "zod";
import { mcScriptFormSchema } from "~/domain/agenda/mc-script.schema";

/**
 * The MC script page's buttons (POST /events/:eventId/agenda/mc), client-safe: save the edited text, regenerate it
 * from the agenda, drop the dignitaries who did not arrive. A form without an intent saves, as before. `lang` and
 * `version` are passed on as sent (an unknown language falls back to the person's own; the service refuses a stale
 * version).
 */
const common = {
  lang: z.unknown(),
  version: z.unknown().transform((v) => (typeof v === "string" ? v : undefined)),
};

export const mcActionSchema = z.preprocess(
  (raw) => (raw && typeof raw === "object" && !(raw as { intent?: unknown }).intent ? { ...raw, intent: "save" } : raw),
  z.discriminatedUnion("intent", [
    mcScriptFormSchema.extend({ intent: z.literal("save"), ...common }),
    z.object({ intent: z.literal("regenerate"), ...common }),
    z.object({ intent: z.literal("dropAbsent"), ...common }),
  ]),
);
