import { z } from "zod";

/**
 * The attendee list's own form (POST /events/:eventId/attendees), client-safe: accept or refuse a deputy proposed
 * by an invitee, from the queue above the list. (The list's "send to selected" posts to the mail page.)
 */
const proposalId = z.string().regex(/^[0-9a-f-]{36}$/i, "delegation.errors.notFound");

export const attendeesActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("deputy-accept"), proposalId }),
  z.object({ intent: z.literal("deputy-refuse"), proposalId, reason: z.string().optional() }),
]);
export type AttendeesAction = z.output<typeof attendeesActionSchema>;
