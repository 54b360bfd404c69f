/**
 * Regenerating a press summary from updated event data without losing what people wrote: a three-way merge,
 * paragraph by paragraph.
 *
 *   base   = the text Signet generated last time (press_summaries.generatedBody)
 *   mine   = the text as people have edited it (press_summaries.body)
 *   theirs = the text Signet generates now from the event's current data
 *
 * A paragraph only the data changed takes the new text; one only people changed keeps theirs; where both
 * changed the same paragraph (or neighbouring paragraphs that cannot be told apart), the human text is KEPT
 * and the place is reported as a conflict carrying the new generated text, so the user can adopt it.
 * Every change the data made (paragraphs added, removed, changed) is reported with its outcome.
 * Pure; node-diff3 finds the changes on each side.
 */
import { diffIndices } from "node-diff3";

/** Paragraphs of markdown: blocks separated by blank lines, each trimmed; line breaks inside are kept. */
export function paragraphsOf(markdown: string): string[] {
  return markdown
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join("\n\n");
}

export interface MergeConflict {
  /** Where the kept human text starts in the merged paragraphs. */
  at: number;
  /** The human text, kept in the result (may be empty: they deleted it). */
  mine: string[];
  /** What Signet had generated there before. */
  base: string[];
  /** What Signet generates there now: the text the user may adopt. */
  theirs: string[];
}

export type DataChangeKind = "added" | "removed" | "changed";
/** applied: in the result; kept: people had edited the same place, their text stays (see the conflict); already: people had made the same change. */
export type DataChangeOutcome = "applied" | "kept" | "already";

export interface DataChange {
  kind: DataChangeKind;
  before: string[];
  after: string[];
  outcome: DataChangeOutcome;
}

export interface ParagraphMerge {
  text: string;
  paragraphs: string[];
  conflicts: MergeConflict[];
  /** What the new data changed compared with the last generated text. */
  changes: DataChange[];
}

interface Hunk {
  side: "a" | "b";
  /** The replaced range of the base: [start, end). Empty (start = end) for an insertion. */
  start: number;
  end: number;
  content: string[];
}

function hunksOf(side: "a" | "b", base: string[], other: string[]): Hunk[] {
  return diffIndices(base, other).map((h) => ({
    side,
    start: h.buffer1[0],
    end: h.buffer1[0] + h.buffer1[1],
    content: h.buffer2Content,
  }));
}

/**
 * Two hunks touch the same paragraphs: their ranges overlap, an insertion falls strictly inside the other's
 * range, or both insert at the same place. Hunks that are merely adjacent do not: a change to paragraph 3
 * and another to paragraph 4 merge cleanly.
 */
function overlaps(x: Hunk, y: Hunk): boolean {
  const xEmpty = x.start === x.end;
  const yEmpty = y.start === y.end;
  if (xEmpty && yEmpty) return x.start === y.start;
  if (xEmpty) return y.start < x.start && x.start < y.end;
  if (yEmpty) return x.start < y.start && y.start < x.end;
  return x.start < y.end && y.start < x.end;
}

/** The base range [start, end) with one side's hunks (all inside it) applied. */
function applySide(base: string[], start: number, end: number, hunks: Hunk[]): string[] {
  const out: string[] = [];
  let i = start;
  for (const h of [...hunks].sort((p, q) => p.start - q.start || p.end - q.end)) {
    out.push(...base.slice(i, h.start), ...h.content);
    i = h.end;
  }
  out.push(...base.slice(i, end));
  return out;
}

const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);

function changeKind(before: string[], after: string[]): DataChangeKind {
  if (before.length === 0) return "added";
  if (after.length === 0) return "removed";
  return "changed";
}

/** Groups hunks that touch each other (transitively), in base order. */
function groupsOf(hunks: Hunk[]): Hunk[][] {
  const sorted = [...hunks].sort((p, q) => p.start - q.start || p.end - q.end || (p.side < q.side ? -1 : 1));
  const groups: Hunk[][] = [];
  for (const h of sorted) {
    const last = groups.at(-1);
    if (last?.some((g) => overlaps(g, h))) last.push(h);
    else groups.push([h]);
  }
  // A later hunk can bridge two earlier groups only if it overlaps both; re-check until stable.
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i + 1 < groups.length; i++) {
      if (groups[i]!.some((g) => groups[i + 1]!.some((h) => overlaps(g, h)))) {
        groups.splice(i, 2, [...groups[i]!, ...groups[i + 1]!]);
        merged = true;
        break;
      }
    }
  }
  return groups;
}

/** Three-way merge of paragraph lists. */
export function mergeParagraphLists(base: string[], mine: string[], theirs: string[]): Omit<ParagraphMerge, "text"> {
  const groups = groupsOf([...hunksOf("a", base, mine), ...hunksOf("b", base, theirs)]);
  const result: string[] = [];
  const conflicts: MergeConflict[] = [];
  const changes: DataChange[] = [];
  let i = 0;
  for (const group of groups) {
    const start = Math.min(...group.map((h) => h.start));
    const end = Math.max(...group.map((h) => h.end));
    result.push(...base.slice(i, start));
    i = end;
    const a = group.filter((h) => h.side === "a");
    const b = group.filter((h) => h.side === "b");
    const oldText = base.slice(start, end);
    if (b.length === 0) {
      result.push(...applySide(base, start, end, a));
      continue;
    }
    const newText = applySide(base, start, end, b);
    if (a.length === 0) {
      result.push(...newText);
      for (const h of b) changes.push({ kind: changeKind(base.slice(h.start, h.end), h.content), before: base.slice(h.start, h.end), after: h.content, outcome: "applied" });
      continue;
    }
    const humanText = applySide(base, start, end, a);
    if (same(humanText, newText)) {
      result.push(...humanText);
      changes.push({ kind: changeKind(oldText, newText), before: oldText, after: newText, outcome: "already" });
      continue;
    }
    // Both sides replaced the same paragraphs one for one: decide paragraph by paragraph.
    if (humanText.length === oldText.length && newText.length === oldText.length) {
      for (let k = 0; k < oldText.length; k++) {
        const o = oldText[k]!;
        const m = humanText[k]!;
        const t = newText[k]!;
        if (t === o || m === t) {
          result.push(m);
          if (t !== o) changes.push({ kind: "changed", before: [o], after: [t], outcome: "already" });
        } else if (m === o) {
          result.push(t);
          changes.push({ kind: "changed", before: [o], after: [t], outcome: "applied" });
        } else {
          conflicts.push({ at: result.length, mine: [m], base: [o], theirs: [t] });
          changes.push({ kind: "changed", before: [o], after: [t], outcome: "kept" });
          result.push(m);
        }
      }
      continue;
    }
    conflicts.push({ at: result.length, mine: humanText, base: oldText, theirs: newText });
    changes.push({ kind: changeKind(oldText, newText), before: oldText, after: newText, outcome: "kept" });
    result.push(...humanText);
  }
  result.push(...base.slice(i));
  return { paragraphs: result, conflicts, changes };
}

/** Three-way merge of two markdown bodies, paragraph by paragraph. */
export function mergeBodies(base: string, mine: string, theirs: string): ParagraphMerge {
  const merged = mergeParagraphLists(paragraphsOf(base), paragraphsOf(mine), paragraphsOf(theirs));
  return { ...merged, text: joinParagraphs(merged.paragraphs) };
}

export interface TitleMerge {
  title: string;
  /** People changed the title and so did the data: theirs is kept, `theirs` is the new generated title. */
  conflict: { mine: string; base: string; theirs: string } | null;
  /** The data changed the title (whether or not it was applied). */
  changed: boolean;
}

/** The title merged the same way: one paragraph. */
export function mergeTitle(base: string, mine: string, theirs: string): TitleMerge {
  const changed = base !== theirs;
  if (mine === base || mine === theirs) return { title: theirs, conflict: null, changed };
  if (!changed) return { title: mine, conflict: null, changed };
  return { title: mine, conflict: { mine, base, theirs }, changed };
}

/**
 * Adopts the new generated text of a conflict: the body's paragraphs at `at` must still be the kept human
 * text (else null: the text has changed since, and nothing is replaced).
 */
export function adoptConflict(body: string, conflict: Pick<MergeConflict, "at" | "mine" | "theirs">): string | null {
  const paragraphs = paragraphsOf(body);
  const here = paragraphs.slice(conflict.at, conflict.at + conflict.mine.length);
  if (conflict.at > paragraphs.length || !same(here, conflict.mine)) return null;
  paragraphs.splice(conflict.at, conflict.mine.length, ...conflict.theirs);
  return joinParagraphs(paragraphs);
}
