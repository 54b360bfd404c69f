import { z } from "zod";

/**
 * The seating page's buttons and drags (POST /events/:eventId/seating), client-safe: one `intent` each. What each
 * one sends is parsed by its handler (seating-actions.server.ts) with the shared schemas of
 * app/domain/protocol/seating.schema.ts — a table, a seat, a signing arrangement — so that a refusal answers beside
 * the form it came from.
 */
const intent = <I extends string>(name: I) => z.object({ intent: z.literal(name) });

export const seatingActionSchema = z.discriminatedUnion("intent", [
  intent("createDefaults"),
  intent("propose"),
  intent("addTable"),
  intent("updateTable"),
  intent("deleteTable"),
  intent("assign"),
  intent("assignForm"),
  intent("clear"),
  intent("reserve"),
  intent("unreserve"),
  intent("signing"),
]);
export type SeatingIntent = z.output<typeof seatingActionSchema>["intent"];
