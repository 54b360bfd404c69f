import { z } from "zod";

/** The event page's own buttons (POST /events/:eventId), client-safe: cancel the event, delete a draft. */
export const eventActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("cancel") }), z.object({ intent: z.literal("delete") })]);
export type EventAction = z.output<typeof eventActionSchema>;
