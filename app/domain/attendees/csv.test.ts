import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { BOM, decodeUtf8, detectDelimiter, escapeCsvCell, parseCsv, stripBom, unescapeCsvCell, writeCsv, writeCsvRows } from "./csv";

describe("escapeCsvCell (formula injection)", () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+84 912 345 678", "'+84 912 345 678"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
  ])("%j → %j", (input, expected) => {
    expect(escapeCsvCell(input)).toBe(expected);
  });
  it.each(["Nguyễn Hồng Chuyên", "", "a=b", " =1", "0912 345 678", "'quoted'"])("leaves %j alone", (input) => {
    expect(escapeCsvCell(input)).toBe(input);
  });
  it("round-trips through unescapeCsvCell", () => {
    for (const s of ["=1+1", "+84 9", "-x", "@y", "\tz", "plain", "'plain", "''=x"]) expect(unescapeCsvCell(escapeCsvCell(s))).toBe(s);
  });
  it("unescape only strips an apostrophe that guards a formula character", () => {
    expect(unescapeCsvCell("'Ông")).toBe("'Ông");
    expect(unescapeCsvCell("'=x")).toBe("=x");
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["Họ và tên,Email,Cơ quan\r\nA,b,c", ","],
    ["Họ và tên;Email;Cơ quan\nA;b;c", ";"],
    ['"Họ, tên";Email\nA;b', ";"],
    ['"a;b;c",x,y\n', ","],
    ["Họ và tên\nA", ","],
    ['"multi\nline;;;;";a,b,c\n', ","],
  ])("%j → %s", (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe("parseCsv", () => {
  it("reads a semicolon file with BOM, quotes, CRLF, multi-line cells and Vietnamese", () => {
    const text = `${BOM}Họ và tên;Chức vụ;Ghi chú\r\nNguyễn Hồng Chuyên;"Ủy viên BTV\r\nTrưởng ban";"Có ""dấu"" ; chấm phẩy"\r\n\r\nĐặng Anh;;\r\n`;
    const parsed = parseCsv(text);
    expect(parsed.delimiter).toBe(";");
    expect(parsed.header).toEqual(["Họ và tên", "Chức vụ", "Ghi chú"]);
    expect(parsed.records).toEqual([
      { rowNumber: 2, cells: ["Nguyễn Hồng Chuyên", "Ủy viên BTV\r\nTrưởng ban", 'Có "dấu" ; chấm phẩy'] },
      // The blank line is row 3 in a spreadsheet: it is skipped but still counted.
      { rowNumber: 4, cells: ["Đặng Anh", "", ""] },
    ]);
  });
  it("reads a comma file without BOM", () => {
    const parsed = parseCsv("Full name,Email\nA,a@x.vn\nB,b@x.vn");
    expect(parsed.delimiter).toBe(",");
    expect(parsed.records.map((r) => r.cells)).toEqual([
      ["A", "a@x.vn"],
      ["B", "b@x.vn"],
    ]);
  });
  it("finds no header and no rows in an empty file", () => {
    expect(parseCsv("").header).toEqual([]);
    expect(parseCsv(BOM).records).toEqual([]);
  });
});

describe("writeCsv", () => {
  it("starts with a BOM, separates with commas, ends lines with CRLF and escapes formulas", () => {
    const csv = writeCsv(["Họ và tên", "Ghi chú"], [["Nguyễn Hồng Chuyên", "=cmd|' /C calc'!A0"]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}Họ và tên,Ghi chú\r\nNguyễn Hồng Chuyên,'=cmd|' /C calc'!A0\r\n`);
  });
  it("quotes cells with commas, quotes and line breaks, and a parser reads them back", () => {
    const rows = [["a, b", 'say "hi"', "line 1\nline 2", "+84 9"]];
    const csv = writeCsv(["h1", "h2", "h3", "h4"], rows, { bom: false });
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { delimiter: "," }).data;
    expect(parsed[1]).toEqual(["a, b", 'say "hi"', "line 1\nline 2", "'+84 9"]);
  });
  it("writes a header alone as one line (the start of a streamed export, the import template)", () => {
    expect(writeCsv(["Họ và tên", "Email"], [])).toBe(`${BOM}Họ và tên,Email\r\n`);
  });
  it("can stream rows after the header", () => {
    expect(writeCsvRows([])).toBe("");
    expect(writeCsvRows([["x", "@y"]])).toBe("x,'@y\r\n");
  });
});

describe("decodeUtf8 / stripBom", () => {
  it("decodes UTF-8 with or without BOM", () => {
    const bytes = new TextEncoder().encode("Họ và tên");
    expect(decodeUtf8(bytes)).toBe("Họ và tên");
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toBe("Họ và tên");
  });
  it("refuses bytes that are not UTF-8 (a Windows-1258 file)", () => {
    expect(decodeUtf8(new Uint8Array([0x48, 0xf4, 0x20, 0x76, 0xe0]))).toBeNull();
  });
  it("strips one BOM only", () => {
    expect(stripBom(`${BOM}${BOM}x`)).toBe(`${BOM}x`);
    expect(stripBom("x")).toBe("x");
  });
});
