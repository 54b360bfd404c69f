import { z } from "zod";
import { apiTokenFormSchema } from "~/domain/accounts/api-token.schema";

/**
 * The forms of /account/tokens (POST), client-safe: one `intent` per button. The create form validates in the
 * browser with apiTokenFormSchema; the action parses this union.
 */
export const tokensActionSchema = z.discriminatedUnion("intent", [
  apiTokenFormSchema.extend({ intent: z.literal("create") }),
  // A token id that is not one names no token: the action answers 404, as for someone else's token.
  z.object({
    intent: z.literal("revoke"),
    tokenId: z.string().uuid().optional().catch(undefined),
  }),
], { errorMap: () => ({ message: "errors.invalid" }) });
export type TokensAction = z.output<typeof tokensActionSchema>;

/** What the create form sent, as its string values, to give back after a refused submit. */
export function tokenFormValues(raw: Record<string, unknown>) {
  const text = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : "");
  return {
    name: text("name"),
    scopes: Array.isArray(raw.scopes) ? (raw.scopes as string[]) : [],
    eventId: text("eventId"),
    expiresDays: text("expiresDays"),
  };
}
