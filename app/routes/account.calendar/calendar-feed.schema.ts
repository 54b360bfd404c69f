import { z } from "zod";

/** The buttons of "My calendar" (POST /account/calendar): make a new private address, or revoke the one in use. */
export const calendarFeedActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("create") }), z.object({ intent: z.literal("revoke") })]);
