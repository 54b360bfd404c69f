/**
 * The MC script as text a person edits and prints: one block per agenda item, a heading line with the time
 * and the item's title, then what the MC says; blocks separated by a blank line.
 *
 *   14:00 – 14:05  Chào cờ, Quốc ca
 *   Kính thưa đồng chí …; kính thưa các đồng chí lãnh đạo, các vị đại biểu!
 *   …
 */
import { formatTime, type Locale } from "../dates/phrasing";
import type { McSection } from "../protocol/mc-script";
import { endOf } from "./agenda";

export interface McTiming {
  startsAt: Date;
  durationMinutes: number;
}

export function mcHeading(title: string, timing: McTiming | undefined, zone: string): string {
  if (!timing) return title;
  const end = endOf({ id: "", ...timing });
  return `${formatTime(timing.startsAt, zone)} – ${formatTime(end, zone)}  ${title}`;
}

export function mcScriptText(sections: McSection[], timings: Map<string, McTiming>, zone: string): string {
  return sections
    .map((s) => [mcHeading(s.heading, timings.get(s.itemId), zone), ...s.lines].join("\n"))
    .join("\n\n");
}

export interface McBlock {
  /** "14:00 – 14:05" when the block starts with a time, else null. */
  time: string | null;
  /** The heading's title (the first line when it starts with a time), else null. */
  title: string | null;
  lines: string[];
}

const HEADING = /^(\d{1,2}:\d{2}(?:\s*[–-]\s*\d{1,2}:\d{2})?)\s+(\S.*)$/u;

/** Splits a (possibly hand-edited) script into blocks for printing; never throws, keeps every line. */
export function parseMcScriptText(text: string): McBlock[] {
  const blocks: McBlock[] = [];
  const chunks = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((c) => c.split("\n").map((l) => l.trimEnd()))
    .map((lines) => lines.filter((l) => l.trim() !== ""))
    .filter((lines) => lines.length > 0);
  for (const lines of chunks) {
    const match = HEADING.exec(lines[0]!.trim());
    if (match) blocks.push({ time: match[1]!.replace(/\s*[–-]\s*/, " – "), title: match[2]!.trim(), lines: lines.slice(1) });
    else blocks.push({ time: null, title: null, lines });
  }
  return blocks;
}

/** A saved, hand-edited script in one language. */
export interface SavedMcScript {
  text: string;
  updatedAt: string;
  updatedBy: string | null;
}

export type SavedMcScripts = Partial<Record<Locale, SavedMcScript>>;

/**
 * mc_scripts.body holds the edited texts of both languages as JSON ({"vi": {...}, "en": {...}}) until the
 * table gets a locale column. A body that is not such JSON (written by hand or by another tool) is read as the
 * Vietnamese text.
 */
export function decodeSavedScripts(body: string | null | undefined, fallbackUpdatedAt?: Date): SavedMcScripts {
  if (!body) return {};
  try {
    const value: unknown = JSON.parse(body);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const out: SavedMcScripts = {};
      for (const locale of ["vi", "en"] as const) {
        const entry = (value as Record<string, unknown>)[locale];
        if (entry && typeof entry === "object" && typeof (entry as SavedMcScript).text === "string") {
          const e = entry as Partial<SavedMcScript>;
          out[locale] = {
            text: e.text ?? "",
            updatedAt: typeof e.updatedAt === "string" ? e.updatedAt : (fallbackUpdatedAt?.toISOString() ?? ""),
            updatedBy: typeof e.updatedBy === "string" ? e.updatedBy : null,
          };
        }
      }
      if (Object.keys(out).length > 0) return out;
    }
  } catch {
    // not JSON: a plain text body
  }
  return { vi: { text: body, updatedAt: fallbackUpdatedAt?.toISOString() ?? "", updatedBy: null } };
}

export function encodeSavedScripts(scripts: SavedMcScripts): string | null {
  const entries = (["vi", "en"] as const).filter((l) => scripts[l]);
  if (entries.length === 0) return null;
  return JSON.stringify(Object.fromEntries(entries.map((l) => [l, scripts[l]])));
}
