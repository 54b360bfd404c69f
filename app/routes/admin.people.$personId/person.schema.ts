import { z } from "zod";

/** The one button of /admin/people/:personId (after its confirmation step): erase the person's personal data. */
export const personActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("erase") })]);
