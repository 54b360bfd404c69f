import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { attendeeImportRowSchema, importFields, parseImportRow, type ImportField } from "./attendee.schema";

/**
 * parseImportRow answers rows of strings with the field rules directly, not through zod: it must give exactly
 * what attendeeImportRowSchema gives (data, or the first message of each field in order), over many generated
 * rows, good and bad.
 */
function throughZod(values: unknown) {
  const result = attendeeImportRowSchema.safeParse(values);
  if (result.success) return { success: true, data: result.data };
  const errors: { field: ImportField | null; message: string }[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const field = (issue.path[0] as ImportField | undefined) ?? null;
    if (seen.has(field ?? "")) continue;
    seen.add(field ?? "");
    errors.push({ field, message: issue.message });
  }
  return { success: false, errors };
}

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const common = [
  "",
  " ",
  "   \t ",
  "Nguyễn Văn A",
  "Nguye\u0302\u0303n  Ho\u0302\u0300ng", // decomposed, two spaces
  "  Sở   Y tế  ",
  "a\u0000b",
  "x\uD800y",
  "\uDC00",
  "tab\there",
  "bell\u0007",
  "line\nbreak",
  "crlf\r\nline",
  "del\u007F",
  "a".repeat(49),
  "a".repeat(51),
  "b".repeat(99),
  "b".repeat(101),
  "c".repeat(201),
  "d".repeat(254),
  "e".repeat(301),
  "f".repeat(501),
  "g".repeat(2001),
  "  x" + " ".repeat(300),
  "Đại biểu",
  "VIP",
  "tiếng Anh",
  "en-US",
];
const byField: Partial<Record<ImportField, string[]>> = {
  fullName: ["Trần Thị B", "  Lê   Văn C ", "!!!", "\u00A0", "ông bà\u2028x"],
  positions: [
    "Giám đốc",
    "Giám đốc|Phó Chủ tịch",
    " | | ",
    "a\r\nb\rc\nd",
    Array.from({ length: 10 }, (_, i) => `CV ${i}`).join("|"),
    Array.from({ length: 11 }, (_, i) => `CV ${i}`).join("|"),
    "p".repeat(200),
    "p".repeat(201) + "|ok",
    "ok|bad\u0001",
    "ok|bad\u0000",
  ],
  email: [
    "a@b.vn",
    " Chuyen.NH@ThaiBinh.gov.vn ",
    "not-an-email",
    "a@b",
    "a b@c.vn",
    "ÁNH@VÍ.VN",
    "x".repeat(250) + "@b.vn",
    "a@b.vn\u0007",
    "İ@example.com",
  ],
  phone: ["0912 345 678", "(024) 3825 1234", "+84-912-345-678", "12345", "0912a345678", "0912.345.678", "0".repeat(41), "０９１２３４５６７８"],
  language: ["vi", "VN", "Tiếng Việt", "english", "fr", " en ", "Anh"],
  role: ["guest", "Khách mời", "ĐẠI BIỂU", "speaker", "Báo chí", "Cán bộ", "boss", "ký  kết", "phục_vụ"],
  plusOnes: ["0", "2", " 3 ", "20", "21", "-1", "1.5", "abc", "٣", "1e1", "0x2", "007"],
  notes: ["dòng 1\r\ndòng 2", "a\u000Bb", "x\rb"],
  groupLabel: ["Bàn 1", "Bàn  VIP "],
  dietaryNeeds: ["chay", "không\ncay"],
  accessNeeds: ["xe lăn"],
};

function generatedRow(next: () => number): Record<string, string> {
  const row: Record<string, string> = {};
  const sparse = next() < 0.5;
  for (const field of importFields) {
    // Half the rows sparse (most cells absent, as in a file of a few columns), half dense.
    if (next() < (sparse ? 0.8 : 0.3)) continue;
    const pool = next() < 0.8 && byField[field] ? byField[field]! : common;
    row[field] = pool[Math.floor(next() * pool.length)]!;
  }
  // Most rows carry a plausible name, so that the other fields' outcomes show in valid rows too.
  if (next() < 0.6) row.fullName = byField.fullName![Math.floor(next() * 2)]!;
  return row;
}

describe("parseImportRow", () => {
  it("gives what the zod import schema gives, over 20,000 generated rows of strings", () => {
    const next = random(20261202);
    let valid = 0;
    const differing: { row: Record<string, string>; fast: unknown; zod: unknown }[] = [];
    for (let i = 0; i < 20_000; i++) {
      const row = generatedRow(next);
      const fast = parseImportRow(row);
      const zod = throughZod(row);
      if (!isDeepStrictEqual(fast, zod)) differing.push({ row, fast, zod });
      if (fast.success) valid++;
    }
    expect(differing.slice(0, 3)).toEqual([]);
    // Both outcomes well represented.
    expect(valid).toBeGreaterThan(2_000);
    expect(valid).toBeLessThan(18_000);
  }, 60_000);

  it("gives what zod gives for rows that are not all strings (they go through zod)", () => {
    const odd: unknown[] = [
      null,
      undefined,
      "row",
      42,
      [],
      ["Nguyễn Văn A"],
      new Date(0),
      { fullName: 42 },
      { fullName: null },
      { fullName: "A", positions: ["Giám đốc", "  Phó  "] },
      { fullName: "A", positions: [1] },
      { fullName: "A", plusOnes: 3 },
      { fullName: "A", plusOnes: 2.5 },
      { fullName: "A", plusOnes: null, email: null, role: null },
      { fullName: "A", email: 5, phone: true, notes: {} },
      Object.assign(Object.create(null) as object, { fullName: "B", role: "vip" }),
      { fullName: "A", extra: "ignored", __proto__: null },
    ];
    for (const values of odd) expect(parseImportRow(values), String(JSON.stringify(values))).toStrictEqual(throughZod(values));
  });

  it("keeps the schema's field order in its output and errors", () => {
    const ok = parseImportRow({ email: "a@b.vn", fullName: "A" });
    expect(ok.success && Object.keys(ok.data)).toEqual(Object.keys(attendeeImportRowSchema.shape));
    expect(parseImportRow({ plusOnes: "x", email: "bad" })).toEqual({
      success: false,
      errors: [
        { field: "fullName", message: "errors.required" },
        { field: "email", message: "errors.email" },
        { field: "plusOnes", message: "attendees.errors.plusOnes?max=20" },
      ],
    });
  });
});
