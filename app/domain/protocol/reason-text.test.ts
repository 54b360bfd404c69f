import { describe, expect, it } from "vitest";
import { resolvePrecedence } from "./precedence-list";
import { precedenceReasonIn } from "./reason-text";

const chuyen = ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"];

describe("precedenceReasonIn", () => {
  it("names the position and its rank", () => {
    const [, second] = resolvePrecedence([
      { id: "a", positions: chuyen, side: null, entryOrder: 1, manualPlace: null },
      { id: "b", positions: ["Bí thư Tỉnh ủy"], side: null, entryOrder: 2, manualPlace: null },
    ]).places;
    expect(precedenceReasonIn("vi", second!, 2, "guests")).toBe("Ủy viên Ban Thường vụ Tỉnh ủy — hạng 130");
    expect(precedenceReasonIn("en", second!, 2, "guests")).toBe("Ủy viên Ban Thường vụ Tỉnh ủy — rank 130");
  });
  it("explains unknown and missing positions", () => {
    const places = resolvePrecedence([
      { id: "a", positions: ["Cố vấn"], side: null, entryOrder: 1, manualPlace: null },
      { id: "b", positions: [], side: null, entryOrder: 2, manualPlace: null },
    ]).places;
    expect(precedenceReasonIn("vi", places[0]!, 1, "guests")).toBe("chức vụ chưa có trong bảng — xếp sau, theo thứ tự nhập");
    expect(precedenceReasonIn("vi", places[1]!, 0, "guests")).toBe("chưa nhập chức vụ — xếp sau, theo thứ tự nhập");
  });
  it("says a place was adjusted by hand, and where the proposal had it", () => {
    const places = resolvePrecedence([
      { id: "a", positions: chuyen, side: null, entryOrder: 1, manualPlace: 1 },
      { id: "b", positions: ["Bí thư Tỉnh ủy"], side: null, entryOrder: 2, manualPlace: 2 },
    ]).places;
    expect(precedenceReasonIn("vi", places[0]!, 2, "guests")).toBe("điều chỉnh thủ công (đề xuất: thứ 2) · Ủy viên Ban Thường vụ Tỉnh ủy — hạng 130");
  });
  it("gives the tie-break among equal ranks", () => {
    const places = resolvePrecedence(
      [
        { id: "h", positions: ["Giám đốc Sở Y tế"], side: "host", entryOrder: 1, manualPlace: null },
        { id: "g", positions: ["Giám đốc Sở Nội vụ"], side: "guest", entryOrder: 2, manualPlace: null },
      ],
      { equalsFirst: "hosts" },
    ).places;
    expect(precedenceReasonIn("vi", places[1]!, 1, "hosts")).toBe("Giám đốc Sở Nội vụ — hạng 160; cùng hạng: chủ nhà trước khách");
  });
});
