import { readFileSync } from "node:fs";
import { defaultPositionRanks, type PositionRank } from "~/domain/protocol/position-ranks";
import { parsePositionRanks } from "~/domain/protocol/position-ranks.schema";

let cached: { file: string | undefined; table: PositionRank[] } | undefined;

/**
 * The table of position ranks in force: POSITION_RANKS_FILE (JSON, see position-ranks.schema.ts) when set,
 * otherwise the built-in table. Read once; a broken file stops with a message naming the file.
 */
export function positionRanks(env: Record<string, string | undefined> = process.env): PositionRank[] {
  const file = env.POSITION_RANKS_FILE || undefined;
  if (cached && cached.file === file) return cached.table;
  let table = defaultPositionRanks;
  if (file) {
    try {
      table = parsePositionRanks(JSON.parse(readFileSync(file, "utf8")));
    } catch (error) {
      throw new Error(`POSITION_RANKS_FILE ${file}: ${(error as Error).message}`);
    }
  }
  cached = { file, table };
  return table;
}
