/** The API token form of /account/tokens: react-hook-form checks it in the browser, the action parses the same. Client-safe. */
import { z } from "zod";

export const TOKEN_EXPIRY_DAYS = ["30", "90", "365"] as const;

export const apiTokenFormSchema = z.object({
  name: z.string({ required_error: "tokens.errors.name" }).trim().min(1, "tokens.errors.name").max(100, "tokens.errors.name"),
  scopes: z.preprocess(
    (v) => (typeof v === "string" ? [v] : v === undefined || v === false ? [] : v),
    z.array(z.enum(["read", "write"]), { invalid_type_error: "tokens.errors.scopes" }).min(1, "tokens.errors.scopes"),
  ),
  /** "" = every event the account may reach. */
  eventId: z.union([z.literal(""), z.string().uuid("tokens.errors.event")], { errorMap: () => ({ message: "tokens.errors.event" }) }),
  /** "" = never expires. */
  expiresDays: z.enum(["", ...TOKEN_EXPIRY_DAYS], { errorMap: () => ({ message: "tokens.errors.expires" }) }),
});
