import { z } from "zod";

/**
 * The agenda page's buttons (POST /events/:eventId/agenda), client-safe. An item's own fields (add, edit) are
 * parsed after, by agendaItemFormSchema in the event's time zone and agendaItemCeremonySchema. An item id that is
 * not a uuid comes through as null and is answered "this item is no longer on the agenda" (404), as before;
 * versions are passed to the service as sent (it refuses a stale or malformed one).
 */
const itemId = z.unknown().transform((v) => (typeof v === "string" && z.string().uuid().safeParse(v).success ? v : null));
const text = z.unknown().transform((v) => (typeof v === "string" ? v : undefined));

export const agendaActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create") }),
  z.object({ intent: z.literal("update"), itemId, itemVersion: text }),
  z.object({ intent: z.literal("delete"), itemId, itemVersion: text }),
  z.object({ intent: z.literal("move"), itemId, direction: z.unknown().transform((v) => (v === "up" ? "up" : "down")), version: text }),
  z.object({ intent: z.literal("reorder"), order: text.transform((v) => (v ?? "").split(",").filter(Boolean)), version: text }),
  z.object({ intent: z.literal("template"), locale: z.unknown(), replace: z.unknown().transform((v) => v === "1"), version: text }),
]);
export type AgendaAction = z.output<typeof agendaActionSchema>;
export type AgendaIntent = AgendaAction["intent"];
