import { z } from "zod";

/**
 * The edit-a-dignitary page's buttons (POST /events/:eventId/dignitaries/:dignitaryId), client-safe: save the
 * person (the form's plain submit, any other intent too, as before), their part in the ceremony, or remove them.
 * The fields are parsed after, by dignitaryFormSchema in the event's time zone and personCeremonyFormSchema.
 */
export const dignitaryEditActionSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const intent = (raw as { intent?: unknown }).intent;
    return { ...raw, intent: intent === "ceremony" || intent === "remove" ? intent : "save" };
  },
  z.discriminatedUnion("intent", [z.object({ intent: z.literal("save") }), z.object({ intent: z.literal("ceremony") }), z.object({ intent: z.literal("remove") })]),
);
