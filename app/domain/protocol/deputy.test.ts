import { describe, expect, it } from "vitest";
import { principalInPhrase } from "./deputy";

describe("principalInPhrase", () => {
  it.each([
    [{ honorific: "Ông", fullName: "Trần Văn B" }, "ông Trần Văn B"],
    [{ honorific: "Đồng chí", fullName: "Nguyễn Hồng Chuyên" }, "đồng chí Nguyễn Hồng Chuyên"],
    [{ honorific: "đồng chí", fullName: " Lê C " }, "đồng chí Lê C"],
    [{ honorific: "PGS.TS.", fullName: "Hoàng Văn D" }, "PGS.TS. Hoàng Văn D"],
    [{ honorific: null, fullName: "Phạm E" }, "Phạm E"],
  ])("%j → %s", (principal, expected) => {
    expect(principalInPhrase(principal)).toBe(expected);
  });
});
