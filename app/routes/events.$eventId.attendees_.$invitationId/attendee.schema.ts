import { z } from "zod";
import { attendeeFormSchema } from "~/domain/attendees/attendee.schema";

/**
 * The forms of one attendee's page (POST /events/:eventId/attendees/:invitationId), client-safe: the attendee form
 * (its button sends no intent: it saves) and the withdrawal's confirmation (intent=withdraw).
 */
export const attendeeActionSchema = z.discriminatedUnion("intent", [
  attendeeFormSchema.extend({ intent: z.literal("save").optional() }),
  z.object({ intent: z.literal("withdraw") }),
]);
