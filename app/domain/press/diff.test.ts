import { describe, expect, it } from "vitest";
import { diffMarkdown, diffVersions, diffWordsIn, similarity, type DiffPart, type ParagraphDiff } from "./diff";

const text = (parts: DiffPart[], keep: "before" | "after") =>
  parts
    .filter((p) => p.kind === "same" || p.kind === (keep === "before" ? "del" : "ins"))
    .map((p) => p.text)
    .join("");
const rebuild = (diff: ParagraphDiff[], keep: "before" | "after") =>
  diff
    .map((p) => text(p.parts, keep))
    .filter((p) => p !== "")
    .join("\n\n");

describe("diffWordsIn", () => {
  it("marks whole Vietnamese words, not letters", () => {
    expect(diffWordsIn("Chiều ngày 19/10, Ban Tuyên giáo tổ chức", "Sáng ngày 19/10, Ban Tuyên giáo Tỉnh ủy tổ chức")).toEqual([
      { kind: "del", text: "Chiều" },
      { kind: "ins", text: "Sáng" },
      { kind: "same", text: " ngày 19/10, Ban Tuyên giáo " },
      { kind: "ins", text: "Tỉnh ủy " },
      { kind: "same", text: "tổ chức" },
    ]);
  });
  it("gives one same part for equal texts and nothing for two empty ones", () => {
    expect(diffWordsIn("Đặng Anh", "Đặng Anh")).toEqual([{ kind: "same", text: "Đặng Anh" }]);
    expect(diffWordsIn("", "")).toEqual([]);
  });
});

describe("diffMarkdown", () => {
  it("aligns paragraphs and diffs words only inside changed ones", () => {
    const before = "Đoạn một.\n\nĐoạn hai cũ.\n\nĐoạn ba.";
    const after = "Đoạn một.\n\nĐoạn hai mới.\n\nĐoạn ba.\n\nĐoạn bốn.";
    const d = diffMarkdown(before, after);
    expect(d.map((p) => p.kind)).toEqual(["same", "changed", "same", "added"]);
    expect(d[1]!.parts).toEqual([
      { kind: "same", text: "Đoạn hai " },
      { kind: "del", text: "cũ" },
      { kind: "ins", text: "mới" },
      { kind: "same", text: "." },
    ]);
    expect(rebuild(d, "before")).toBe(before);
    expect(rebuild(d, "after")).toBe(after);
  });
  it("shows removed paragraphs and unpaired additions whole", () => {
    const d = diffMarkdown("A.\n\nB.\n\nC.", "A.\n\nC.");
    expect(d).toEqual([
      { kind: "same", parts: [{ kind: "same", text: "A." }] },
      { kind: "removed", parts: [{ kind: "del", text: "B." }] },
      { kind: "same", parts: [{ kind: "same", text: "C." }] },
    ]);
    const e = diffMarkdown("A.\n\nX.", "A.\n\nY.\n\nZ.");
    expect(e.map((p) => p.kind)).toEqual(["same", "changed", "added"]);
    expect(rebuild(e, "after")).toBe("A.\n\nY.\n\nZ.");
  });
  it("rebuilds both sides of many random pairs", () => {
    const words = ["lễ", "ký", "kết", "đồng chí", "Sở", "Giáo dục", "tỉnh", "."];
    let seed = 3;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const para = () => Array.from({ length: 1 + rand(6) }, () => words[rand(words.length)]).join(" ");
    const doc = () => Array.from({ length: rand(5) }, para).join("\n\n");
    for (let i = 0; i < 200; i++) {
      const a = doc();
      const b = doc();
      const d = diffMarkdown(a, b);
      expect(rebuild(d, "before")).toBe(a);
      expect(rebuild(d, "after")).toBe(b);
    }
  });
});

describe("similarity", () => {
  it("shows unrelated paragraphs as removed and added, related ones as changed", () => {
    expect(similarity("Đoạn hai cũ.", "Đoạn hai mới.")).toBeGreaterThan(0.5);
    expect(similarity("Nhằm tăng cường phối hợp tuyên truyền.", "Đoạn thứ hai.")).toBeLessThan(1 / 3);
    expect(diffMarkdown("A.\n\nNhằm tăng cường phối hợp tuyên truyền.", "A.\n\nĐoạn thứ hai.").map((p) => p.kind)).toEqual(["same", "removed", "added"]);
  });
});

describe("diffVersions", () => {
  it("compares title, byline and body, and says when nothing differs", () => {
    const v1 = { title: "Ký kết", body: "A.", byline: "Đặng Anh" };
    expect(diffVersions(v1, v1).same).toBe(true);
    const d = diffVersions(v1, { ...v1, byline: null });
    expect(d.same).toBe(false);
    expect(d.byline).toEqual([{ kind: "del", text: "Đặng Anh" }]);
  });
});
