import { describe, expect, it } from "vitest";
import { capitalizeFirst } from "./capitalize";

describe("capitalizeFirst", () => {
  it.each([
    ["đồng chí Nguyễn Văn A", "Đồng chí Nguyễn Văn A"],
    ["ông Lê", "Ông Lê"],
    ["ủy ban", "Ủy ban"],
    ["ambassador Smith", "Ambassador Smith"],
    ["Đã viết hoa", "Đã viết hoa"],
    ["a", "A"],
    ["", ""],
    ["1 giờ", "1 giờ"],
  ])("%j → %j", (input, expected) => {
    expect(capitalizeFirst(input)).toBe(expected);
  });

  it("leaves the rest of the text as written", () => {
    expect(capitalizeFirst("bà TRẦN thị B")).toBe("Bà TRẦN thị B");
  });
});
