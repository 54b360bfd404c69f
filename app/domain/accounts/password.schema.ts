/** Forms that set a password (own account, "forgot password" link), shared by the browser and the action. */
import { z } from "zod";

const newPassword = z
  .string({ required_error: "errors.required" })
  .min(1, "errors.required")
  .min(12, "errors.tooShort?min=12")
  .max(200, "errors.tooLong?max=200");

const confirmation = z.string({ required_error: "errors.required" }).min(1, "errors.required");

/** The new password and its confirmation agree (a form's cross-field check; the account page's intent union uses it too). */
export function passwordsMatch<T extends { newPassword: string; confirmPassword: string }>(value: T, ctx: z.RefinementCtx) {
  if (value.newPassword && value.confirmPassword && value.newPassword !== value.confirmPassword)
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "account.password.mismatch" });
}

export const newPasswordSchema = z.object({ newPassword, confirmPassword: confirmation }).superRefine(passwordsMatch);

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ required_error: "errors.required" }).min(1, "errors.required").max(200, "errors.tooLong?max=200"),
    newPassword,
    confirmPassword: confirmation,
  })
  .superRefine(passwordsMatch);

export const forgotPasswordSchema = z.object({
  email: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(254, "errors.tooLong?max=254").email("errors.email"),
});

export const totpCodeSchema = z.object({
  code: z
    .string({ required_error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .regex(/^[\d\s-]{6,9}$/, "account.twoFactor.codeFormat")
    .refine((v) => v.replace(/[\s-]/g, "").length === 6, "account.twoFactor.codeFormat"),
});

export const recoveryCodeSchema = z.object({
  code: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(40, "errors.tooLong?max=40"),
});

export const passwordOnlySchema = z.object({
  password: z.string({ required_error: "errors.required" }).min(1, "errors.required").max(200, "errors.tooLong?max=200"),
});
