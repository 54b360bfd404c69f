import { z } from "zod";

/**
 * The ceremony page's buttons (POST /events/:eventId/ceremony), client-safe. `id` is the side's or document's id,
 * "" for a new one. A side's or document's own fields are parsed by sideSchema / documentSchema, a party's
 * signatories by partySignatoriesSchema (app/domain/ceremony/ceremony.schema.ts).
 */
export const idOrNew = z.union([z.literal(""), z.string().uuid()]).transform((v) => (v ? v : null));
const id = z.preprocess((v) => v ?? "", idOrNew);
const uuidOrNull = z.unknown().transform((v) => (typeof v === "string" && z.string().uuid().safeParse(v).success ? v : null));

export const ceremonyActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("side"), id }),
  z.object({ intent: z.literal("moveSide"), id, direction: z.unknown().transform((v) => (v === "up" || v === "down" ? v : null)) }),
  z.object({ intent: z.literal("removeSide"), id }),
  z.object({ intent: z.literal("document"), id }),
  z.object({ intent: z.literal("removeDocument"), id }),
  z.object({ intent: z.literal("signatories"), id, sideId: uuidOrNull }),
]);
export type CeremonyAction = z.output<typeof ceremonyActionSchema>;
export type CeremonyIntent = CeremonyAction["intent"];
