import { describe, expect, it } from "vitest";
import { fieldErrors } from "~/domain/forms/fields";
import { changePasswordSchema, newPasswordSchema, totpCodeSchema } from "./password.schema";

function errorsOf(result: { success: boolean; error?: Parameters<typeof fieldErrors>[0] }) {
  return result.success || !result.error ? {} : fieldErrors(result.error);
}

describe("password forms", () => {
  it("asks for each field, at least 12 characters, and the same new password twice", () => {
    expect(errorsOf(changePasswordSchema.safeParse({}))).toEqual({
      currentPassword: "errors.required",
      newPassword: "errors.required",
      confirmPassword: "errors.required",
    });
    expect(errorsOf(newPasswordSchema.safeParse({ newPassword: "ngắn", confirmPassword: "ngắn" }))).toEqual({ newPassword: "errors.tooShort?min=12" });
    expect(errorsOf(newPasswordSchema.safeParse({ newPassword: "mật khẩu đủ dài", confirmPassword: "mật khẩu đủ dài!" }))).toEqual({
      confirmPassword: "account.password.mismatch",
    });
    expect(newPasswordSchema.safeParse({ newPassword: "mật khẩu đủ dài", confirmPassword: "mật khẩu đủ dài" }).success).toBe(true);
  });

  it("takes a six-digit code with spaces, refuses letters and wrong lengths", () => {
    expect(totpCodeSchema.safeParse({ code: " 123 456 " }).success).toBe(true);
    expect(errorsOf(totpCodeSchema.safeParse({ code: "12345" }))).toEqual({ code: "account.twoFactor.codeFormat" });
    expect(errorsOf(totpCodeSchema.safeParse({ code: "12a456" }))).toEqual({ code: "account.twoFactor.codeFormat" });
    expect(errorsOf(totpCodeSchema.safeParse({ code: "" }))).toEqual({ code: "errors.required" });
  });
});
