import { describe, expect, it } from "vitest";
import { escapeLike, foldForSearch } from "./search";

describe("foldForSearch", () => {
  it.each([
    ["Nguyễn Hồng Chuyên", "nguyen hong chuyen"],
    ["Đặng Anh", "dang anh"],
    ["Sở Giáo dục và Đào tạo", "so giao duc va dao tao"],
    ["Ký kết  chương trình\tphối hợp", "ky ket chuong trinh phoi hop"],
    ["Lễ KÝ KẾT", "le ky ket"],
    ["Tuyên giáo 🎉", "tuyen giao 🎉"],
  ])("%s → %s", (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });
  it("folds precomposed and decomposed input alike", () => {
    expect(foldForSearch("Nguye\u0302\u0303n")).toBe(foldForSearch("Nguyễn"));
  });
});

describe("escapeLike", () => {
  it("escapes wildcards and the escape character", () => {
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
    expect(escapeLike("plain")).toBe("plain");
  });
});
