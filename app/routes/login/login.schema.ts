import { z } from "zod";

export const loginSchema = z.object({
  email: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(254, "errors.tooLong?max=254").email("errors.email"),
  password: z.string({ required_error: "errors.required" }).min(1, "errors.required").max(200, "errors.tooLong?max=200"),
  redirectTo: z.string().optional(),
});
export type LoginValues = z.input<typeof loginSchema>;
