import { describe, expect, it } from "vitest";
import { eventInLanguage, honorificInLanguage, inSentenceEn, markedProseEn } from "./in-language";
import { UNTRANSLATED_EN } from "./types";

const event = {
  title: "Lễ ký kết chương trình phối hợp",
  venueName: "Hội trường Tỉnh ủy Thái Bình",
  venueRoom: "Phòng họp",
  venueAddress: "12 Lê Lợi, TP. Thái Bình",
  description: "Đề nghị đến sớm 15 phút.",
};

describe("an event's words in the reader's language", () => {
  it("leaves Vietnamese readers' facts unchanged", () => {
    expect(eventInLanguage(event, "vi")).toBe(event);
  });
  it("in English: the organiser's English names first, else the glossary, else marked", () => {
    expect(eventInLanguage(event, "en")).toEqual({
      title: `Lễ ký kết chương trình phối hợp ${UNTRANSLATED_EN}`,
      venueName: "Hall of the Thái Bình Provincial Party Committee",
      venueRoom: "Meeting Room",
      venueAddress: "12 Lê Lợi Street, Thái Bình city",
      description: `Đề nghị đến sớm 15 phút. ${UNTRANSLATED_EN}`,
    });
    expect(eventInLanguage({ ...event, titleEn: "Signing of the coordination programme", venueNameEn: "Provincial Party Committee Hall" }, "en")).toMatchObject({
      title: "Signing of the coordination programme",
      venueName: "Provincial Party Committee Hall",
    });
    expect(markedProseEn("Please arrive early.")).toBe("Please arrive early.");
  });
  it("translates honorifics for the greeting", () => {
    expect(honorificInLanguage("TS.", "en")).toBe("Dr.");
    expect(honorificInLanguage("đồng chí", "en")).toBeNull();
    expect(honorificInLanguage("ông", "en")).toBe("Mr.");
    expect(honorificInLanguage("TS.", "vi")).toBe("TS.");
  });
});

describe("inSentenceEn", () => {
  it.each([
    ["Signing of the staff training cooperation agreement", "the signing of the staff training cooperation agreement"],
    ["The 2031–2035 cooperation programme", "the 2031–2035 cooperation programme"],
    ["Thái Bình – Hà Nam twinning regulation", "the Thái Bình – Hà Nam twinning regulation"],
    ["Lễ ký kết (in Vietnamese, to be translated)", "Lễ ký kết (in Vietnamese, to be translated)"],
  ])("%s → %s", (title, expected) => {
    expect(inSentenceEn(title)).toBe(expected);
  });
});
