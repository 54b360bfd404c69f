import { z } from "zod";

/**
 * The import page's forms without JavaScript (POST /events/:eventId/attendees/import, multipart), client-safe:
 * "preview" uploads the file (the `file` part, read apart), "commit" posts back the checked text.
 */
export const importActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("preview") }),
  z.object({ intent: z.literal("commit"), csv: z.string({ required_error: "attendees.import.errors.noFile" }) }),
]);
export type ImportAction = z.output<typeof importActionSchema>;
