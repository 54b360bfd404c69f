import { describe, expect, it } from "vitest";
import { agendaAsText } from "./agenda-text";

const at = (local: string) => new Date(`${local}:00+07:00`);
const ZONE = "Asia/Ho_Chi_Minh";

describe("agendaAsText", () => {
  const items = [
    { startsAt: at("2017-10-19T13:45"), durationMinutes: 15, title: "Đón tiếp đại biểu" },
    { startsAt: at("2017-10-19T14:00"), durationMinutes: 5, title: "Chào cờ, Quốc ca", place: "Hội trường A" },
    { startsAt: at("2017-10-19T14:50"), durationMinutes: 20, title: "  Phát biểu của lãnh đạo  ", place: "  " },
  ];

  it("lists times in the event's zone with a heading", () => {
    expect(agendaAsText(items, ZONE, "vi")).toBe(
      ["Chương trình:", "13:45 – 14:00  Đón tiếp đại biểu", "14:00 – 14:05  Chào cờ, Quốc ca (Hội trường A)", "14:50 – 15:10  Phát biểu của lãnh đạo"].join(
        "\n",
      ),
    );
    expect(agendaAsText(items, ZONE, "en").split("\n")[0]).toBe("Programme:");
  });

  it("is independent of the machine's zone (times are the event's)", () => {
    expect(agendaAsText(items.slice(0, 1), "Europe/Paris", "en", { heading: false })).toBe("08:45 – 09:00  Đón tiếp đại biểu");
  });

  it("gives each day its date when the agenda spans several days", () => {
    const text = agendaAsText(
      [
        { startsAt: at("2017-10-19T08:00"), durationMinutes: 60, title: "Phiên 1" },
        { startsAt: at("2017-10-20T08:00"), durationMinutes: 60, title: "Phiên 2" },
      ],
      ZONE,
      "vi",
      { heading: false },
    );
    expect(text).toBe(["Thứ 5, 19/10/2017", "08:00 – 09:00  Phiên 1", "Thứ 6, 20/10/2017", "08:00 – 09:00  Phiên 2"].join("\n"));
  });

  it("is empty for an empty agenda", () => {
    expect(agendaAsText([], ZONE, "vi")).toBe("");
  });
});
