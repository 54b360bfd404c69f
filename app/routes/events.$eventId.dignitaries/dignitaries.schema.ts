import { z } from "zod";
import { equalsFirstSchema, precedenceOrderSchema } from "~/domain/protocol/dignitary.schema";

/**
 * The precedence page's buttons (POST /events/:eventId/dignitaries), client-safe. The Up/Down buttons without
 * JavaScript send `move` (and the submitted order): they are the "order" intent. An attendance line's own fields
 * are parsed by attendanceLineSchema (app/domain/ceremony/ceremony.schema.ts); a line id that is not a uuid is null.
 */
const uuidOrNull = z.unknown().transform((v) => (typeof v === "string" && z.string().uuid().safeParse(v).success ? v : null));

export const dignitariesActionSchema = z.preprocess(
  (raw) => (raw && typeof raw === "object" && typeof (raw as { move?: unknown }).move === "string" ? { ...raw, intent: "order" } : raw),
  z.discriminatedUnion("intent", [
    precedenceOrderSchema.extend({ intent: z.literal("order"), move: z.unknown() }),
    z.object({
      intent: z.literal("reset"),
      version: z.unknown().transform((v) => (typeof v === "string" && /^[0-9a-f]{16}$/.test(v) ? v : null)),
    }),
    equalsFirstSchema.extend({ intent: z.literal("equalsFirst") }),
    z.object({ intent: z.literal("line"), lineId: uuidOrNull }),
    z.object({ intent: z.literal("removeLine"), lineId: uuidOrNull }),
    z.object({ intent: z.literal("mark"), invitationId: z.string({ required_error: "errors.choice" }).uuid("errors.choice") }),
  ]),
);
export type DignitariesAction = z.output<typeof dignitariesActionSchema>;
export type DignitariesIntent = DignitariesAction["intent"];
