import { describe, expect, it } from "vitest";
import { mapSearchUrl, venueLine } from "./venue";

const full = { venueRoom: "Tầng 2", venueName: "Hội trường A", venueAddress: "Số 1 đường Lê Lợi, TP. Thái Bình" };

describe("venueLine", () => {
  it("joins room, name and address", () => {
    expect(venueLine(full)).toBe("Tầng 2, Hội trường A, Số 1 đường Lê Lợi, TP. Thái Bình");
  });
  it("skips missing and blank parts and tidies spaces", () => {
    expect(venueLine({ venueRoom: " ", venueName: "Hội  trường\nA", venueAddress: null })).toBe("Hội trường A");
    expect(venueLine({ venueRoom: null, venueName: null, venueAddress: null })).toBe("");
  });
});

describe("mapSearchUrl", () => {
  it("searches the name and address, percent-encoded as UTF-8, without the room", () => {
    const url = mapSearchUrl(full);
    expect(url).toBe(
      "https://www.google.com/maps/search/?api=1&query=" + encodeURIComponent("Hội trường A, Số 1 đường Lê Lợi, TP. Thái Bình"),
    );
    expect(new URL(url ?? "").searchParams.get("query")).toBe("Hội trường A, Số 1 đường Lê Lợi, TP. Thái Bình");
    expect(url).not.toContain("T%E1%BA%A7ng"); // "Tầng"
  });
  it("escapes characters that would break the query", () => {
    const url = mapSearchUrl({ venueRoom: null, venueName: "A & B #1", venueAddress: "x=y?" });
    expect(new URL(url ?? "").searchParams.get("query")).toBe("A & B #1, x=y?");
    expect(new URL(url ?? "").searchParams.get("api")).toBe("1");
  });
  it("is null when there is nothing to search", () => {
    expect(mapSearchUrl({ venueRoom: "Phòng 3", venueName: null, venueAddress: "  " })).toBeNull();
  });
});
