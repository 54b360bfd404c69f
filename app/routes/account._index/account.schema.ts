import { z } from "zod";
import { changePasswordSchema, passwordOnlySchema, passwordsMatch, totpCodeSchema } from "~/domain/accounts/password.schema";

/**
 * The forms of "My account" (POST /account), client-safe: one `intent` per button. Each form validates in the
 * browser with its own schema (password.schema.ts); the action parses this union.
 */
export const accountIntents = ["password", "totp-start", "totp-confirm", "totp-cancel", "totp-disable", "recovery-regenerate"] as const;
export type AccountIntent = (typeof accountIntents)[number];

export const accountActionSchema = z
  .discriminatedUnion("intent", [
    changePasswordSchema.innerType().extend({ intent: z.literal("password") }),
    z.object({ intent: z.literal("totp-start") }),
    totpCodeSchema.extend({ intent: z.literal("totp-confirm") }),
    z.object({ intent: z.literal("totp-cancel") }),
    passwordOnlySchema.extend({ intent: z.literal("totp-disable") }),
    passwordOnlySchema.extend({ intent: z.literal("recovery-regenerate") }),
  ])
  .superRefine((value, ctx) => {
    if (value.intent === "password") passwordsMatch(value, ctx);
  });
export type AccountAction = z.output<typeof accountActionSchema>;

/** The intent a submission named, when it is one of this page's (null otherwise: a forged or stale form). */
export function accountIntentOf(values: Record<string, unknown>): AccountIntent | null {
  return accountIntents.find((intent) => intent === values.intent) ?? null;
}
