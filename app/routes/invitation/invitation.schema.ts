import { z } from "zod";
import { deputyFormSchema } from "~/domain/attendees/attendee.schema";
import { rsvpFormSchema } from "~/domain/rsvp/rsvp.schema";

/**
 * The forms of /invitation (POST), one `intent` per button, client-safe: an answer (accept / decline / maybe, with
 * an optional comment), the companions' names and a proposed deputy. The companions form depends on how many
 * companions the invitation allows, so its fields are checked in the action with companionsFormSchema(plusOnes)
 * once the invitation is loaded; here it only names its intent.
 */
export const invitationActionSchema = z.discriminatedUnion("intent", [
  rsvpFormSchema.extend({ intent: z.literal("accept") }),
  rsvpFormSchema.extend({ intent: z.literal("decline") }),
  rsvpFormSchema.extend({ intent: z.literal("maybe") }),
  z.object({ intent: z.literal("companions") }).passthrough(),
  deputyFormSchema.extend({ intent: z.literal("deputy") }),
]);
export type InvitationAction = z.output<typeof invitationActionSchema>;
