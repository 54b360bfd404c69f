import { describe, expect, it } from "vitest";
import { z } from "zod";
import { filledIn, objectWithChecks } from "./all-at-once";

const range = objectWithChecks(
  { name: z.string().min(1, "required"), from: z.coerce.number().int("int"), to: z.coerce.number().int("int") },
  (v, ctx) => {
    if (v.from !== undefined && v.to !== undefined && v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "order" });
  },
  (v) => ({ ...v, span: v.to - v.from }),
);

const issues = (input: unknown) => {
  const r = range.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("objectWithChecks", () => {
  it("builds the output when everything passes", () => {
    expect(range.parse({ name: "a", from: "1", to: "3" })).toEqual({ name: "a", from: 1, to: 3, span: 2 });
  });
  it("runs the cross-field check while another field fails", () => {
    expect(issues({ name: "", from: "5", to: "2" }).sort()).toEqual(["name:required", "to:order"]);
  });
  it("skips a check whose fields do not parse, leaving their own errors", () => {
    expect(issues({ name: "a", from: "1.5", to: "0" })).toEqual(["from:int"]);
  });
  it("leaves non-objects to the object's own type error", () => {
    expect(issues("nope")).toEqual([":Expected object, received string"]);
  });
  it("works with the async parse react-hook-form's resolver uses", async () => {
    const r = await range.safeParseAsync({ name: "", from: "5", to: "2" });
    expect(r.success ? [] : r.error.issues.map((i) => i.message).sort()).toEqual(["order", "required"]);
  });
});

describe("filledIn", () => {
  it("tells typed values from blanks", () => {
    expect([" x ", "  ", ["a"], [], 0, null, undefined, false].map(filledIn)).toEqual([true, false, true, false, true, false, false, false]);
  });
});
