import { z } from "zod";

/**
 * The door's form (POST /events/:id/check-in and /events/:id/door), one `intent` per button, client-safe:
 * a scanned code (any text: the service tells a forged or foreign code from a good one), or a guest checked in or
 * undone by hand from the search results.
 */
const invitationId = z.string().uuid("errors.invalid");

export const checkInActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("scan"), code: z.string().optional().transform((code) => code ?? "") }),
  z.object({ intent: z.literal("checkIn"), invitationId }),
  z.object({ intent: z.literal("undo"), invitationId }),
]);
export type CheckInAction = z.output<typeof checkInActionSchema>;
