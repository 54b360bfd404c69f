import { z } from "zod";

export const setupSchema = z.object({
  name: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(200, "errors.tooLong?max=200"),
  email: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(254, "errors.tooLong?max=254").email("errors.email"),
  password: z.string({ required_error: "errors.required" }).min(12, "errors.tooShort?min=12").max(200, "errors.tooLong?max=200"),
});
