import { z } from "zod";

/**
 * The buttons of the event form (new event, edit event), client-safe. "Save" is the form's plain submit (no
 * `intent` field); "+ Add an organization" posts the whole form with intent=addOrganization and saves nothing.
 * The event's own fields are parsed by eventFormSchema (app/domain/events/event.schema.ts) once the intent is "save".
 */
const name = z.unknown().transform((value) => (typeof value === "string" ? value : ""));

export const eventPageActionSchema = z.preprocess(
  (raw) => (raw && typeof raw === "object" && !("intent" in raw && (raw as { intent: unknown }).intent) ? { ...raw, intent: "save" } : raw),
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("addOrganization"), newOrganizationName: name }),
    z.object({ intent: z.literal("save") }),
  ]),
);
export type EventPageAction = z.output<typeof eventPageActionSchema>;
