import { z } from "zod";
import { memberRoles } from "~/domain/access/permissions";
import { uuid } from "~/domain/forms/fields";

export const addMemberSchema = z.object({
  email: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(254, "errors.tooLong?max=254").email("errors.email"),
  role: z.enum(memberRoles, { errorMap: () => ({ message: "errors.choice" }) }),
});

/** The team page's buttons (POST /events/:eventId/team): add someone by e-mail, remove a member. */
export const teamActionSchema = z.discriminatedUnion("intent", [
  addMemberSchema.extend({ intent: z.literal("add") }),
  z.object({ intent: z.literal("remove"), userId: uuid }),
]);
