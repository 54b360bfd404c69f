import { describe, expect, it } from "vitest";
import { foldLine } from "~/domain/calendar/ics";
import { redactPersonalLinks, redactPersonalLinksInIcs } from "./redact";

const token = "Zq3v0m1X9bT8yK2wQ7rL5nH4cD6fG1jA0sE9uI8oP7k";

describe("redactPersonalLinks", () => {
  it("removes the token of every personal link, in text and HTML", () => {
    const html = `<a href="https://signet.example/i/${token}">https://signet.example/i/${token}</a>`;
    expect(redactPersonalLinks(html)).toBe(`<a href="https://signet.example/i/…">https://signet.example/i/…</a>`);
    expect(redactPersonalLinks(`Trả lời: http://localhost:3000/i/${token}\n`)).toBe("Trả lời: http://localhost:3000/i/…\n");
  });
  it("removes the token of a password-reset link too", () => {
    expect(redactPersonalLinks(`<a href="https://signet.example/reset-password/${token}">x</a>`)).toBe(
      `<a href="https://signet.example/reset-password/…">x</a>`,
    );
  });
  it("leaves other paths alone", () => {
    expect(redactPersonalLinks("https://signet.example/events/abc /i/short")).toBe("https://signet.example/events/abc /i/short");
  });
});

describe("redactPersonalLinksInIcs", () => {
  it("finds a token split by folding and folds the result again", () => {
    const url = `https://signet.example/i/${token}`;
    const line = `DESCRIPTION:Lễ ký kết chương trình phối hợp giai đoạn 2031 – 2035\\n\\n${url}`;
    const ics = ["BEGIN:VCALENDAR", foldLine(line), foldLine(`URL:${url}`), "END:VCALENDAR", ""].join("\r\n");
    expect(ics.replace(/\r\n /g, "")).toContain(token);
    const out = redactPersonalLinksInIcs(ics, foldLine);
    expect(out.replace(/\r\n /g, "")).not.toContain(token);
    expect(out.replace(/\r\n /g, "")).toContain("URL:https://signet.example/i/…");
    expect(out.endsWith("END:VCALENDAR\r\n")).toBe(true);
    for (const l of out.split("\r\n")) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
  });
  it("returns a file without links unchanged", () => {
    const ics = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n";
    expect(redactPersonalLinksInIcs(ics, foldLine)).toBe(ics);
  });
});
