import { describe, expect, it } from "vitest";
import { translate } from "~/i18n/i18n";
import { conflictText, seatRefText } from "./conflict-text";

const vi = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate("vi", key, p);
const en = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate("en", key, p);
const tables = [
  { id: "p", name: "Đoàn chủ tịch" },
  { id: "r", name: "Hàng ghế 1" },
];

describe("conflictText", () => {
  it("names the person and every seat, numbered from the audience's left", () => {
    const c = { kind: "seatedTwice" as const, personId: "a", seats: [{ tableId: "p", seatIndex: 2 }, { tableId: "r", seatIndex: 0 }] };
    expect(conflictText(c, tables, { a: "Đồng chí Nguyễn Hồng Chuyên" }, vi)).toBe(
      "Đồng chí Nguyễn Hồng Chuyên được xếp nhiều chỗ: Đoàn chủ tịch, ghế 3; Hàng ghế 1, ghế 1.",
    );
    expect(conflictText(c, tables, {}, en)).toBe("? is seated more than once: Đoàn chủ tịch, seat 3; Hàng ghế 1, seat 1.");
  });
  it("explains empty reserved seats and too few seats", () => {
    expect(conflictText({ kind: "emptyReserved", tableId: "p", seatIndex: 0 }, tables, {}, vi)).toBe("Đoàn chủ tịch, ghế 1 đang giữ chỗ nhưng còn trống.");
    expect(conflictText({ kind: "notEnoughSeats", people: 12, seats: 10 }, tables, {}, en)).toBe(
      "12 dignitaries, but the presidium and rows have only 10 seats.",
    );
    expect(seatRefText(tables, "zz", 4, vi)).toBe("?, ghế 5");
  });
});

describe("conflictText: answers and the unseated", () => {
  it("names a declined or withdrawn guest who still holds a seat, and lists the unseated", () => {
    const labels = { a: "Ông Trần Văn A", b: "Bà Lê Thị B", c: "Đồng chí C" };
    expect(conflictText({ kind: "unavailableSeated", personId: "a", status: "declined", seats: [{ tableId: "r", seatIndex: 0 }] }, tables, labels, vi)).toBe(
      "Ông Trần Văn A đã từ chối tham dự nhưng vẫn được xếp chỗ: Hàng ghế 1, ghế 1.",
    );
    expect(conflictText({ kind: "unavailableSeated", personId: "a", status: "withdrawn", seats: [{ tableId: "r", seatIndex: 0 }] }, tables, labels, en)).toBe(
      "Ông Trần Văn A's invitation was withdrawn but they are still seated: Hàng ghế 1, seat 1.",
    );
    expect(conflictText({ kind: "unseated", personIds: ["b", "c"] }, tables, labels, vi)).toBe("2 người tham dự chưa có chỗ ngồi: Bà Lê Thị B; Đồng chí C.");
    expect(conflictText({ kind: "unseated", personIds: ["b"] }, tables, labels, en)).toBe("1 attending without a seat: Bà Lê Thị B.");
  });
});
