import { z } from "zod";
import { organizationSchema } from "~/domain/organizations/organization.schema";

/**
 * The organizations page's three forms (POST /organizations), client-safe. "intent" says which; create is the
 * default (its form sends no intent), as before. An id that is not a uuid is kept as "" and answered "not found"
 * by the service.
 */
const id = z.unknown().transform((v) => (typeof v === "string" && z.string().uuid().safeParse(v).success ? v : ""));

export const organizationsActionSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const intent = (raw as { intent?: unknown }).intent;
    return { ...raw, intent: intent === "update" || intent === "delete" ? intent : "create" };
  },
  z.discriminatedUnion("intent", [
    organizationSchema.extend({ intent: z.literal("create") }),
    organizationSchema.extend({ intent: z.literal("update"), id }),
    z.object({ intent: z.literal("delete"), id }),
  ]),
);
export type OrganizationsAction = z.output<typeof organizationsActionSchema>;
