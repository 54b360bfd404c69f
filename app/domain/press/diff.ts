/**
 * Differences between two versions of a press summary, for the history and the save-conflict view:
 * paragraphs are aligned first, then changed paragraphs are compared word by word (the `diff` package), so
 * the UI can show <del>/<ins> inside a paragraph. Pure; runs in loaders, the browser gets the parts.
 */
import { diffArrays, diffWordsWithSpace } from "diff";
import { paragraphsOf } from "./merge";

export interface DiffPart {
  kind: "same" | "ins" | "del";
  text: string;
}

export interface ParagraphDiff {
  kind: "same" | "added" | "removed" | "changed";
  parts: DiffPart[];
}

/** Word-level differences within one piece of text. */
export function diffWordsIn(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  return diffWordsWithSpace(before, after).map((c) => ({ kind: c.added ? "ins" : c.removed ? "del" : "same", text: c.value }));
}

/**
 * How much of two paragraphs is shared (0…1, by characters of the common words). Paragraphs that share less
 * than a third are shown as one removed and one added, not as a confetti of word changes.
 */
export function similarity(before: string, after: string): number {
  const longest = Math.max(before.length, after.length);
  if (longest === 0) return 1;
  const common = diffWordsWithSpace(before, after)
    .filter((c) => !c.added && !c.removed && c.value.trim() !== "")
    .reduce((n, c) => n + c.value.length, 0);
  return common / longest;
}

const MIN_SIMILARITY = 1 / 3;

/** Paragraph by paragraph, with word-level parts inside changed paragraphs. */
export function diffMarkdown(before: string, after: string): ParagraphDiff[] {
  const out: ParagraphDiff[] = [];
  let removed: string[] = [];
  const flushRemoved = () => {
    for (const p of removed) out.push({ kind: "removed", parts: [{ kind: "del", text: p }] });
    removed = [];
  };
  for (const change of diffArrays(paragraphsOf(before), paragraphsOf(after))) {
    if (change.removed) {
      flushRemoved();
      removed = [...change.value];
    } else if (change.added) {
      // A run of removed paragraphs followed by added ones: pair them up as changed paragraphs.
      const added = change.value;
      const pairs = Math.min(removed.length, added.length);
      for (let i = 0; i < pairs; i++) {
        if (similarity(removed[i]!, added[i]!) >= MIN_SIMILARITY) out.push({ kind: "changed", parts: diffWordsIn(removed[i]!, added[i]!) });
        else {
          out.push({ kind: "removed", parts: [{ kind: "del", text: removed[i]! }] });
          out.push({ kind: "added", parts: [{ kind: "ins", text: added[i]! }] });
        }
      }
      for (const p of removed.slice(pairs)) out.push({ kind: "removed", parts: [{ kind: "del", text: p }] });
      for (const p of added.slice(pairs)) out.push({ kind: "added", parts: [{ kind: "ins", text: p }] });
      removed = [];
    } else {
      flushRemoved();
      for (const p of change.value) out.push({ kind: "same", parts: [{ kind: "same", text: p }] });
    }
  }
  flushRemoved();
  return out;
}

export interface VersionDiff {
  title: DiffPart[];
  byline: DiffPart[];
  body: ParagraphDiff[];
  /** Nothing differs. */
  same: boolean;
}

export function diffVersions(
  before: { title: string; body: string; byline: string | null },
  after: { title: string; body: string; byline: string | null },
): VersionDiff {
  const body = diffMarkdown(before.body, after.body);
  return {
    title: diffWordsIn(before.title, after.title),
    byline: diffWordsIn(before.byline ?? "", after.byline ?? ""),
    body,
    same:
      before.title === after.title && (before.byline ?? "") === (after.byline ?? "") && body.every((p) => p.kind === "same"),
  };
}
