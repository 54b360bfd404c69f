import { z } from "zod";
import { recoveryCodeSchema, totpCodeSchema } from "~/domain/accounts/password.schema";

export const twoFactorMethods = ["totp", "recovery"] as const;
export type TwoFactorMethod = (typeof twoFactorMethods)[number];

/** The method a submission or an address names: a recovery code, else the authenticator app's code. */
export function twoFactorMethodOf(value: unknown): TwoFactorMethod {
  return value === "recovery" ? "recovery" : "totp";
}

/** The second step of signing in (POST /login/two-factor): a code of the method the page showed. */
export const twoFactorActionSchema = z.preprocess(
  (raw) => (raw !== null && typeof raw === "object" ? { ...raw, method: twoFactorMethodOf((raw as { method?: unknown }).method) } : raw),
  z.discriminatedUnion("method", [totpCodeSchema.extend({ method: z.literal("totp") }), recoveryCodeSchema.extend({ method: z.literal("recovery") })]),
);
