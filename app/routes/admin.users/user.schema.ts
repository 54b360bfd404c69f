import { z } from "zod";
import { userRoles } from "~/domain/access/permissions";

export const newUserSchema = z.object({
  name: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(200, "errors.tooLong?max=200"),
  email: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(254, "errors.tooLong?max=254").email("errors.email"),
  role: z.enum(userRoles, { errorMap: () => ({ message: "errors.choice" }) }),
  password: z
    .union([z.literal(""), z.string().min(12, "errors.tooShort?min=12").max(200, "errors.tooLong?max=200"), z.undefined()])
    .transform((v) => (v ? v : null)),
});
export type NewUserValues = z.input<typeof newUserSchema>;

export const roleChangeSchema = z.object({
  userId: z.string().uuid("errors.invalid"),
  role: z.enum(userRoles, { errorMap: () => ({ message: "errors.choice" }) }),
});

const userId = z.string().uuid("errors.invalid");

/** The forms of the Users page (POST /admin/users): one `intent` per button. */
export const userActionSchema = z.discriminatedUnion("intent", [
  newUserSchema.extend({ intent: z.literal("create") }),
  roleChangeSchema.extend({ intent: z.literal("role") }),
  z.object({ intent: z.literal("deactivate"), userId }),
  z.object({ intent: z.literal("activate"), userId }),
  z.object({ intent: z.literal("reset-password"), userId }),
  z.object({ intent: z.literal("remove-two-factor"), userId }),
]);
export type UserAction = z.output<typeof userActionSchema>;
export const userIntents = ["create", "role", "deactivate", "activate", "reset-password", "remove-two-factor"] as const satisfies readonly UserAction["intent"][];
