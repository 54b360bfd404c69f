import { describe, expect, it } from "vitest";
import { fieldForHeader, mapHeaders, normalizeHeader } from "./csv-headers";

describe("normalizeHeader", () => {
  it("ignores case, diacritics, punctuation and spacing", () => {
    expect(normalizeHeader("  Họ và TÊN ")).toBe("ho va ten");
    expect(normalizeHeader("ho_va_ten")).toBe("ho va ten");
    expect(normalizeHeader("Cơ quan/Đơn vị")).toBe("co quan don vi");
    expect(normalizeHeader("E-mail")).toBe("e mail");
  });
});

describe("fieldForHeader", () => {
  it.each([
    ["Họ và tên", "fullName"],
    ["Ho ten", "fullName"],
    ["Full name", "fullName"],
    ["Name", "fullName"],
    ["Danh xưng", "honorific"],
    ["Title", "honorific"],
    ["Chức vụ", "positions"],
    ["Job title", "positions"],
    ["Cơ quan, đơn vị", "organization"],
    ["Đơn vị", "organization"],
    ["Organisation", "organization"],
    ["E-mail", "email"],
    ["Số điện thoại", "phone"],
    ["SĐT", "phone"],
    ["Mobile", "phone"],
    ["Ngôn ngữ", "language"],
    ["Vai trò", "role"],
    ["Nhóm/bàn", "groupLabel"],
    ["Bàn", "groupLabel"],
    ["Table", "groupLabel"],
    ["Số người đi kèm", "plusOnes"],
    ["Plus-ones", "plusOnes"],
    ["Ghi chú", "notes"],
    ["Yêu cầu ăn uống", "dietaryNeeds"],
    ["Dietary needs", "dietaryNeeds"],
    ["Hỗ trợ tiếp cận", "accessNeeds"],
    ["Accessibility", "accessNeeds"],
  ])("%s → %s", (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });
  it("answers null for unknown headers", () => {
    expect(fieldForHeader("Trạng thái")).toBeNull();
    expect(fieldForHeader("")).toBeNull();
  });
});

describe("mapHeaders", () => {
  it("maps each column, lists the ignored ones and checks the name column", () => {
    const m = mapHeaders(["STT", "Họ và tên", "Email", "Trạng thái", ""]);
    expect(m.columns).toEqual([null, "fullName", "email", null, null]);
    expect(m.ignored).toEqual(["STT", "Trạng thái"]);
    expect(m.hasFullName).toBe(true);
    expect(m.duplicated).toEqual([]);
  });
  it("reports two columns for one field", () => {
    const m = mapHeaders(["Họ và tên", "Điện thoại", "Phone"]);
    expect(m.duplicated).toEqual(["phone"]);
  });
  it("notices a missing name column", () => {
    expect(mapHeaders(["Email", "Cơ quan"]).hasFullName).toBe(false);
  });
});
