import { describe, expect, it } from "vitest";
import { buildArrivalsBoard, type BoardGuestInput } from "./arrivals";

const guest = (n: number, at: string | null, extra: Partial<BoardGuestInput> = {}): BoardGuestInput => ({
  invitationId: `i${n}`,
  honorific: "ông",
  fullName: `Khách ${n}`,
  positions: [],
  organization: null,
  role: "guest",
  withdrawn: false,
  checkedInAt: at ? new Date(at) : null,
  ...extra,
});
const dignitary = (n: number, place: number) => ({ invitationId: `i${n}`, place, address: `Đồng chí Đại biểu ${n}`, positions: [`Chức vụ ${n}`], organization: null });

describe("the arrivals board", () => {
  it("lists the dignitaries by precedence, the first three as principal guests, with who has arrived", () => {
    const board = buildArrivalsBoard(
      [dignitary(2, 2), dignitary(1, 1), dignitary(3, 3), dignitary(4, 4)],
      [guest(1, null), guest(2, "2031-01-01T07:05:00Z"), guest(3, null), guest(4, "2031-01-01T07:01:00Z"), guest(5, "2031-01-01T07:03:00Z")],
    );
    expect(board.dignitaries.map((d) => [d.invitationId, d.principal, d.arrivedAt])).toEqual([
      ["i1", true, null],
      ["i2", true, "2031-01-01T07:05:00.000Z"],
      ["i3", true, null],
      ["i4", false, "2031-01-01T07:01:00.000Z"],
    ]);
    expect(board.others.map((o) => [o.address, o.arrivedAt])).toEqual([["Ông Khách 5", "2031-01-01T07:03:00.000Z"]]);
    expect(board.latest.map((a) => [a.address, a.principal])).toEqual([
      ["Đồng chí Đại biểu 2", true],
      ["Ông Khách 5", false],
      ["Đồng chí Đại biểu 4", false],
    ]);
    expect(board).toMatchObject({ arrived: 3, invited: 5, dignitariesIn: 2 });
  });

  it("leaves withdrawn invitations out entirely, even when they had been checked in", () => {
    const board = buildArrivalsBoard([dignitary(1, 1)], [guest(1, "2031-01-01T07:00:00Z", { withdrawn: true }), guest(2, null)]);
    expect(board).toMatchObject({ dignitaries: [], others: [], latest: [], arrived: 0, invited: 1, dignitariesIn: 0 });
  });
});
