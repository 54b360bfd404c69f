import { z } from "zod";
import type { PositionRank } from "./position-ranks";

/**
 * An instance's own table of position ranks, as JSON:
 *   [{ "match": "^giam doc so\\b", "rank": 160, "level": "provincial", "en": "Director" }, …]
 * `match` is a regular expression tested against the position folded for search (no diacritics, lower case).
 */
const entry = z.object({
  match: z
    .string()
    .min(1)
    .refine((s) => {
      try {
        new RegExp(s);
        return true;
      } catch {
        return false;
      }
    }, "not a valid regular expression"),
  rank: z.number().int().min(0).max(100_000),
  level: z.enum(["central", "provincial", "district", "other"]),
  en: z.string().min(1).optional(),
});

export const positionRanksSchema = z.array(entry).min(1);

export function parsePositionRanks(json: unknown): PositionRank[] {
  return positionRanksSchema.parse(json).map((e) => ({ ...e, match: new RegExp(e.match) }));
}
