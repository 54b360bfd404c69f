import { describe, expect, it } from "vitest";
import { decodeSavedScripts, encodeSavedScripts, mcScriptText, parseMcScriptText } from "./mc-script-text";

const at = (hhmm: string) => new Date(`2017-10-19T${hhmm}:00+07:00`);

describe("mcScriptText", () => {
  it("writes one block per section with its time", () => {
    const text = mcScriptText(
      [
        { itemId: "a", heading: "Chào cờ, Quốc ca", lines: ["Kính thưa …!", "Chào cờ! — Quốc ca."] },
        { itemId: "b", heading: "Bế mạc", lines: ["Xin trân trọng cảm ơn."] },
        { itemId: "zz", heading: "Không có giờ", lines: [] },
      ],
      new Map([
        ["a", { startsAt: at("14:00"), durationMinutes: 5 }],
        ["b", { startsAt: at("15:20"), durationMinutes: 10 }],
      ]),
      "Asia/Ho_Chi_Minh",
    );
    expect(text).toBe(
      "14:00 – 14:05  Chào cờ, Quốc ca\nKính thưa …!\nChào cờ! — Quốc ca.\n\n15:20 – 15:30  Bế mạc\nXin trân trọng cảm ơn.\n\nKhông có giờ",
    );
  });
});

describe("parseMcScriptText", () => {
  it("reads back what mcScriptText wrote", () => {
    expect(parseMcScriptText("14:00 – 14:05  Chào cờ\nKính thưa!\n\n15:20 – 15:30  Bế mạc\nCảm ơn.")).toEqual([
      { time: "14:00 – 14:05", title: "Chào cờ", lines: ["Kính thưa!"] },
      { time: "15:20 – 15:30", title: "Bế mạc", lines: ["Cảm ơn."] },
    ]);
  });

  it("keeps hand-edited text: other separators, blocks without a time, stray blank lines and CRLF", () => {
    expect(parseMcScriptText("\r\n\r\nLời mở đầu\r\nDòng hai\r\n \r\n\r\n9:05-9:10 Phát biểu\r\n")).toEqual([
      { time: null, title: null, lines: ["Lời mở đầu", "Dòng hai"] },
      { time: "9:05 – 9:10", title: "Phát biểu", lines: [] },
    ]);
    expect(parseMcScriptText("")).toEqual([]);
  });
});

describe("saved scripts", () => {
  it("round-trips both languages", () => {
    const scripts = {
      vi: { text: "Kính thưa", updatedAt: "2026-01-01T00:00:00.000Z", updatedBy: "Cán bộ" },
      en: { text: "Distinguished", updatedAt: "2026-01-02T00:00:00.000Z", updatedBy: null },
    };
    expect(decodeSavedScripts(encodeSavedScripts(scripts))).toEqual(scripts);
    expect(encodeSavedScripts({})).toBeNull();
  });

  it("reads a plain text body as the Vietnamese script", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(decodeSavedScripts("Kính thưa các đồng chí", at)).toEqual({
      vi: { text: "Kính thưa các đồng chí", updatedAt: at.toISOString(), updatedBy: null },
    });
    expect(decodeSavedScripts('{"x": 1}', at).vi?.text).toBe('{"x": 1}');
    expect(decodeSavedScripts("[1,2]", at).vi?.text).toBe("[1,2]");
    expect(decodeSavedScripts(null)).toEqual({});
  });
});
