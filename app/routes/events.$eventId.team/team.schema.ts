import { z } from "zod";
import { memberRoles } from "~/domain/access/permissions";

export const addMemberSchema = z.object({
  email: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(254, "errors.tooLong?max=254").email("errors.email"),
  role: z.enum(memberRoles, { errorMap: () => ({ message: "errors.choice" }) }),
});
