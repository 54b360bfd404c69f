import { z } from "zod";

/** The one form of a mailbox message (POST /admin/mailbox/:messageId): send a failed message again. */
export const mailMessageActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("retry") })]);
