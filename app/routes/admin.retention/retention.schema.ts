import { z } from "zod";

/** The one button of /admin/retention: run retention now. */
export const retentionActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("run") })]);
