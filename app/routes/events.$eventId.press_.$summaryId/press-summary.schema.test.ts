import { describe, expect, it } from "vitest";
import { pressSummaryActionSchema, pressSummaryIntent } from "./press-summary.schema";

const edit = { title: "Tiêu đề", body: "Nội dung.", byline: "", version: "3" };

describe("the press summary page's intent schema", () => {
  it("reads a form without intent as the editor's save", () => {
    expect(pressSummaryIntent(edit)).toBe("save");
    const parsed = pressSummaryActionSchema.parse(edit);
    expect(parsed).toMatchObject({ intent: "save", title: "Tiêu đề", version: 3, byline: null });
  });

  it("saves an overwrite over the version it names, not the one the text was loaded at", () => {
    const parsed = pressSummaryActionSchema.parse({ ...edit, intent: "overwrite", overwriteVersion: "5" });
    expect(parsed).toMatchObject({ intent: "overwrite", version: 5 });
    const missing = pressSummaryActionSchema.safeParse({ ...edit, intent: "overwrite" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(["version"]);
  });

  it("calls anything else unknown, and refuses it", () => {
    expect(pressSummaryIntent({ intent: "publishEverything" })).toBe("unknown");
    expect(pressSummaryIntent({ intent: ["save"] })).toBe("save");
    expect(pressSummaryActionSchema.safeParse({ intent: "publishEverything" }).success).toBe(false);
  });

  it("reads a merge conflict's lines as JSON strings, and refuses what is not a list", () => {
    const adopt = { intent: "adopt", version: "2", at: "1" };
    expect(pressSummaryActionSchema.parse({ ...adopt, mine: "", theirs: JSON.stringify(["Mới.", 3]) })).toMatchObject({ mine: [], theirs: ["Mới."] });
    for (const bad of ["{", "{}", "5", "null"]) {
      const parsed = pressSummaryActionSchema.safeParse({ ...adopt, mine: bad, theirs: "[]" });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("errors.invalid");
    }
  });

  it("keeps a refused comment's field errors under the comment's own field", () => {
    const parsed = pressSummaryActionSchema.safeParse({ intent: "comment", body: "   " });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["body"]);
  });

  it("takes the glossary entry and the version seen in the inline form", () => {
    const parsed = pressSummaryActionSchema.parse({ intent: "glossaryAdd", kind: "body", vi: "Sở Ngoại vụ", en: "Department of Foreign Affairs", version: "4" });
    expect(parsed).toEqual({ intent: "glossaryAdd", kind: "body", vi: "Sở Ngoại vụ", en: "Department of Foreign Affairs", version: 4 });
  });
});
