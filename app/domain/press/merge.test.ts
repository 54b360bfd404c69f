import { describe, expect, it } from "vitest";
import { adoptConflict, joinParagraphs, mergeBodies, mergeParagraphLists, mergeTitle, paragraphsOf } from "./merge";

const LEAD = "Chiều ngày 19/10, Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết.";
const LEAD_NEW = "Sáng ngày 19/10, Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết.";
const LEAD_HUMAN = "Chiều 19/10, Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo đã tổ chức lễ ký kết.";
const ATTEND = "Đồng chí Nguyễn Hồng Chuyên, Trưởng ban Tuyên giáo Tỉnh ủy tới dự.";
const ATTEND_NEW = "Dự lễ ký kết có các đồng chí: Nguyễn Hồng Chuyên, Trưởng ban Tuyên giáo Tỉnh ủy; Lê Văn A, Giám đốc Sở.";
const AIMS = "Nhằm nâng cao chất lượng giáo dục toàn diện, hai cơ quan thống nhất phối hợp.";
const PHOTO = "![Lễ ký kết.](photo:11111111-1111-4111-8111-111111111111)";
const REMARKS = "Tại buổi lễ, đồng chí Nguyễn Hồng Chuyên khẳng định sự phối hợp là đòn bẩy.";

const body = (...ps: string[]) => joinParagraphs(ps);

describe("paragraphsOf", () => {
  it("splits on blank lines, trims, drops empties, keeps line breaks inside a paragraph", () => {
    expect(paragraphsOf("a\n\n\n  b  \r\n\r\nc\nd\n \n")).toEqual(["a", "b", "c\nd"]);
    expect(paragraphsOf("")).toEqual([]);
    expect(joinParagraphs(paragraphsOf(body(LEAD, ATTEND)))).toBe(`${LEAD}\n\n${ATTEND}`);
  });
});

describe("mergeBodies", () => {
  it("takes the data's change where people did not touch the paragraph", () => {
    const m = mergeBodies(body(LEAD, ATTEND, AIMS), body(LEAD, ATTEND, AIMS), body(LEAD_NEW, ATTEND, AIMS));
    expect(m.text).toBe(body(LEAD_NEW, ATTEND, AIMS));
    expect(m.conflicts).toEqual([]);
    expect(m.changes).toEqual([{ kind: "changed", before: [LEAD], after: [LEAD_NEW], outcome: "applied" }]);
  });

  it("keeps human edits in other paragraphs, even the neighbouring one", () => {
    const m = mergeBodies(body(LEAD, ATTEND, AIMS), body(LEAD_HUMAN, ATTEND, AIMS), body(LEAD, ATTEND_NEW, AIMS));
    expect(m.paragraphs).toEqual([LEAD_HUMAN, ATTEND_NEW, AIMS]);
    expect(m.conflicts).toEqual([]);
    expect(m.changes).toEqual([{ kind: "changed", before: [ATTEND], after: [ATTEND_NEW], outcome: "applied" }]);
  });

  it("keeps the human text where both changed the same paragraph and reports the new text", () => {
    const m = mergeBodies(body(LEAD, ATTEND, AIMS), body(LEAD_HUMAN, ATTEND, AIMS), body(LEAD_NEW, ATTEND_NEW, AIMS));
    expect(m.paragraphs).toEqual([LEAD_HUMAN, ATTEND_NEW, AIMS]);
    expect(m.conflicts).toEqual([{ at: 0, mine: [LEAD_HUMAN], base: [LEAD], theirs: [LEAD_NEW] }]);
    expect(m.changes).toEqual([
      { kind: "changed", before: [LEAD], after: [LEAD_NEW], outcome: "kept" },
      { kind: "changed", before: [ATTEND], after: [ATTEND_NEW], outcome: "applied" },
    ]);
  });

  it("adds paragraphs the data added and removes those it removed, around human paragraphs", () => {
    const human = "Đoạn do người viết thêm về không khí buổi lễ.";
    const m = mergeBodies(body(LEAD, ATTEND, AIMS), body(LEAD, human, ATTEND, AIMS), body(LEAD, AIMS, PHOTO, REMARKS));
    expect(m.paragraphs).toEqual([LEAD, human, AIMS, PHOTO, REMARKS]);
    expect(m.conflicts).toEqual([]);
    expect(m.changes).toEqual([
      { kind: "removed", before: [ATTEND], after: [], outcome: "applied" },
      { kind: "added", before: [], after: [PHOTO, REMARKS], outcome: "applied" },
    ]);
  });

  it("keeps a paragraph people deleted deleted, and reports the data's new version of it", () => {
    const m = mergeBodies(body(LEAD, ATTEND, AIMS), body(LEAD, AIMS), body(LEAD, ATTEND_NEW, AIMS));
    expect(m.paragraphs).toEqual([LEAD, AIMS]);
    expect(m.conflicts).toEqual([{ at: 1, mine: [], base: [ATTEND], theirs: [ATTEND_NEW] }]);
    expect(m.changes[0]).toMatchObject({ kind: "changed", outcome: "kept" });
  });

  it("keeps a paragraph people edited even when the data removes it", () => {
    const edited = `${ATTEND} Đồng chí phát biểu chỉ đạo.`;
    const m = mergeBodies(body(LEAD, ATTEND, AIMS), body(LEAD, edited, AIMS), body(LEAD, AIMS));
    expect(m.paragraphs).toEqual([LEAD, edited, AIMS]);
    expect(m.conflicts).toEqual([{ at: 1, mine: [edited], base: [ATTEND], theirs: [] }]);
    expect(m.changes).toEqual([{ kind: "removed", before: [ATTEND], after: [], outcome: "kept" }]);
  });

  it("counts a change people already made the same way as no conflict", () => {
    const m = mergeBodies(body(LEAD, ATTEND), body(LEAD_NEW, ATTEND), body(LEAD_NEW, ATTEND));
    expect(m.paragraphs).toEqual([LEAD_NEW, ATTEND]);
    expect(m.conflicts).toEqual([]);
    expect(m.changes).toEqual([{ kind: "changed", before: [LEAD], after: [LEAD_NEW], outcome: "already" }]);
  });

  it("changes nothing when the data did not change", () => {
    const mine = body(LEAD_HUMAN, ATTEND, "Một đoạn mới.", AIMS);
    const m = mergeBodies(body(LEAD, ATTEND, AIMS), mine, body(LEAD, ATTEND, AIMS));
    expect(m.text).toBe(mine);
    expect(m.changes).toEqual([]);
    expect(m.conflicts).toEqual([]);
  });

  it("when both insert at the same place, keeps the human insertion and offers the generated one", () => {
    const m = mergeBodies(body(LEAD, AIMS), body(LEAD, "Của người viết.", AIMS), body(LEAD, PHOTO, AIMS));
    expect(m.paragraphs).toEqual([LEAD, "Của người viết.", AIMS]);
    expect(m.conflicts).toEqual([{ at: 1, mine: ["Của người viết."], base: [], theirs: [PHOTO] }]);
    expect(m.changes).toEqual([{ kind: "added", before: [], after: [PHOTO], outcome: "kept" }]);
  });

  it("decides paragraph by paragraph inside a block both sides rewrote one for one", () => {
    const base = ["p1", "p2", "p3"];
    const m = mergeParagraphLists(base, ["P1", "p2", "P3"], ["p1", "q2", "Q3"]);
    expect(m.paragraphs).toEqual(["P1", "q2", "P3"]);
    expect(m.conflicts).toEqual([{ at: 2, mine: ["P3"], base: ["p3"], theirs: ["Q3"] }]);
    expect(m.changes.map((c) => c.outcome)).toEqual(["applied", "kept"]);
  });

  it("from an empty base (a first regeneration of a hand-written body) keeps the human text whole", () => {
    const m = mergeBodies("", body("Viết tay."), body(LEAD, ATTEND));
    expect(m.paragraphs).toEqual(["Viết tay."]);
    expect(m.conflicts).toHaveLength(1);
    expect(m.conflicts[0]).toMatchObject({ mine: ["Viết tay."], theirs: [LEAD, ATTEND] });
  });

  it("never loses a human paragraph, across many random edits", () => {
    // A small deterministic generator: mine and theirs derive from base by random replace/insert/delete.
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const base = Array.from({ length: 2 + rand(6) }, (_, i) => `b${i}`);
      const derive = (tag: string) => {
        const out = [...base];
        for (let k = rand(3); k >= 0; k--) {
          const at = rand(out.length + 1);
          const op = rand(3);
          if (op === 0 && at < out.length) out[at] = `${tag}${round}-${k}`;
          else if (op === 1) out.splice(at, 0, `${tag}${round}-${k}+`);
          else if (at < out.length) out.splice(at, 1);
        }
        return out;
      };
      const mine = derive("m");
      const theirs = derive("t");
      const m = mergeParagraphLists(base, mine, theirs);
      for (const p of mine.filter((x) => x.startsWith("m"))) expect(m.paragraphs, JSON.stringify({ base, mine, theirs })).toContain(p);
      // Every generated paragraph is either in the result or offered in a conflict.
      for (const p of theirs.filter((x) => x.startsWith("t")))
        expect(m.paragraphs.includes(p) || m.conflicts.some((c) => c.theirs.includes(p)), JSON.stringify({ base, mine, theirs })).toBe(true);
      // The kept human text stands where each conflict says.
      for (const c of m.conflicts) expect(m.paragraphs.slice(c.at, c.at + c.mine.length)).toEqual(c.mine);
      // Nothing changed by the data → the human text, untouched.
      expect(mergeParagraphLists(base, mine, base).paragraphs).toEqual(mine);
      // Nothing changed by people → the new text.
      expect(mergeParagraphLists(base, base, theirs).paragraphs).toEqual(theirs);
    }
  });
});

describe("mergeTitle", () => {
  it("takes the new title when people kept the generated one", () => {
    expect(mergeTitle("Ký kết", "Ký kết", "Ký kết chương trình")).toEqual({ title: "Ký kết chương trình", conflict: null, changed: true });
  });
  it("keeps the human title when the data did not change it", () => {
    expect(mergeTitle("Ký kết", "Lễ ký kết", "Ký kết")).toEqual({ title: "Lễ ký kết", conflict: null, changed: false });
  });
  it("keeps the human title and reports the new one when both changed it", () => {
    expect(mergeTitle("Ký kết", "Lễ ký kết", "Ký kết chương trình")).toEqual({
      title: "Lễ ký kết",
      conflict: { mine: "Lễ ký kết", base: "Ký kết", theirs: "Ký kết chương trình" },
      changed: true,
    });
  });
});

describe("adoptConflict", () => {
  it("replaces the kept human text with the generated one", () => {
    const m = mergeBodies(body(LEAD, ATTEND, AIMS), body(LEAD_HUMAN, ATTEND, AIMS), body(LEAD_NEW, ATTEND, AIMS));
    expect(adoptConflict(m.text, m.conflicts[0]!)).toBe(body(LEAD_NEW, ATTEND, AIMS));
  });
  it("puts back a paragraph people had deleted", () => {
    expect(adoptConflict(body(LEAD, AIMS), { at: 1, mine: [], theirs: [ATTEND_NEW] })).toBe(body(LEAD, ATTEND_NEW, AIMS));
  });
  it("refuses when the text there has changed since", () => {
    expect(adoptConflict(body("Khác hẳn.", ATTEND), { at: 0, mine: [LEAD_HUMAN], theirs: [LEAD_NEW] })).toBeNull();
    expect(adoptConflict(body(LEAD), { at: 5, mine: [], theirs: [LEAD_NEW] })).toBeNull();
  });
});
