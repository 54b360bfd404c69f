import { describe, expect, it } from "vitest";
import { fieldErrors } from "~/domain/forms/fields";
import {
  attendeeFormSchema,
  attendeeImportRowSchema,
  emptyAttendeeForm,
  invitationRoles,
  parseLanguage,
  parseRole,
  splitPositions,
} from "./attendee.schema";

const base = { ...emptyAttendeeForm, fullName: "Nguyễn Hồng Chuyên" };

function errorsOf(input: Record<string, unknown>) {
  const result = attendeeFormSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe("attendeeFormSchema", () => {
  it("turns the form's strings into an attendee: empty → null, positions one per line, plus-ones a number", () => {
    const r = attendeeFormSchema.parse({
      ...base,
      honorific: " Ông ",
      positions: "Ủy viên Ban Thường vụ Tỉnh ủy\r\n\r\n  Trưởng ban Tuyên giáo Tỉnh ủy  \n",
      organization: "Ban Tuyên giáo   Tỉnh ủy",
      email: " Chuyen.NH@ThaiBinh.gov.vn ",
      phone: "+84 912 345 678",
      plusOnes: "2",
      role: "dignitary",
      language: "vi",
    });
    expect(r).toEqual({
      honorific: "Ông",
      fullName: "Nguyễn Hồng Chuyên",
      positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
      organization: "Ban Tuyên giáo Tỉnh ủy",
      email: "chuyen.nh@thaibinh.gov.vn",
      phone: "+84 912 345 678",
      notes: null,
      language: "vi",
      role: "dignitary",
      plusOnes: 2,
      groupLabel: null,
      dietaryNeeds: null,
      accessNeeds: null,
    });
  });

  it("stores names in one Unicode form and single spaces", () => {
    const decomposed = "Nguye\u0302\u0303n  Ho\u0302\u0300ng Chuye\u0302n";
    expect(attendeeFormSchema.parse({ ...base, fullName: decomposed }).fullName).toBe("Nguyễn Hồng Chuyên");
  });

  it("requires a name and bounds lengths, with the limit in the message", () => {
    expect(errorsOf({ ...base, fullName: "   " })).toEqual({ fullName: "errors.required" });
    expect(errorsOf({ ...base, fullName: "a".repeat(201) })).toEqual({ fullName: "errors.tooLong?max=200" });
    expect(errorsOf({ ...base, organization: "x".repeat(301) })).toEqual({ organization: "errors.tooLong?max=300" });
    expect(errorsOf({ ...base, positions: "p".repeat(201) })).toEqual({ positions: "errors.tooLong?max=200" });
    expect(errorsOf({ ...base, positions: Array.from({ length: 11 }, (_, i) => `Chức vụ ${i}`).join("\n") })).toEqual({
      positions: "attendees.errors.tooManyPositions?max=10",
    });
  });

  it("refuses control characters in single-line fields", () => {
    expect(errorsOf({ ...base, fullName: "Nguyễn\u0007 Văn A" })).toEqual({ fullName: "errors.controlChars" });
    expect(errorsOf({ ...base, organization: "Sở\nY tế" })).toEqual({ organization: "errors.controlChars" });
  });

  it.each([
    ["not-an-email", "errors.email"],
    ["a@b", "errors.email"],
    ["a b@c.vn", "errors.email"],
  ])("refuses the email %s", (email, message) => {
    expect(errorsOf({ ...base, email })).toEqual({ email: message });
  });

  it.each(["0912 345 678", "(024) 3825 1234", "+84-912-345-678", "0912.345.678", "024/3825 1234"])("accepts the phone %s", (phone) => {
    expect(errorsOf({ ...base, phone })).toEqual({});
  });

  it.each(["gọi anh Nam", "12345", "0912 345 678 máy lẻ 12", "=1+1"])("refuses the phone %s", (phone) => {
    expect(errorsOf({ ...base, phone })).toEqual({ phone: "attendees.errors.phone" });
  });

  it.each([
    ["", 0],
    ["0", 0],
    [" 20 ", 20],
  ])("plus-ones %j → %d", (plusOnes, expected) => {
    expect(attendeeFormSchema.parse({ ...base, plusOnes }).plusOnes).toBe(expected);
  });

  it.each(["21", "-1", "1.5", "hai"])("refuses plus-ones %j", (plusOnes) => {
    expect(errorsOf({ ...base, plusOnes })).toEqual({ plusOnes: "attendees.errors.plusOnes?max=20" });
  });

  it("refuses a role or language outside the lists", () => {
    expect(errorsOf({ ...base, role: "vip" })).toEqual({ role: "errors.choice" });
    expect(errorsOf({ ...base, language: "fr" })).toEqual({ language: "errors.choice" });
  });

  it("keeps multi-line notes and normalises line ends", () => {
    expect(attendeeFormSchema.parse({ ...base, notes: "Dòng 1\r\nDòng 2" }).notes).toBe("Dòng 1\nDòng 2");
  });
});

describe("attendeeImportRowSchema", () => {
  it("reads empty or missing cells as 'not given' (null), never as a default", () => {
    const r = attendeeImportRowSchema.parse({ fullName: "Trần Thị B", role: "", language: " ", plusOnes: "" });
    expect(r).toMatchObject({ role: null, language: null, plusOnes: null, positions: [], email: null, groupLabel: null });
  });
  it("accepts Vietnamese and English names for roles and languages", () => {
    const r = attendeeImportRowSchema.parse({ fullName: "B", role: "Đại biểu", language: "Tiếng Anh" });
    expect(r.role).toBe("dignitary");
    expect(r.language).toBe("en");
  });
  it("reports an unknown role as a choice error on the role", () => {
    const result = attendeeImportRowSchema.safeParse({ fullName: "B", role: "khách quý hiếm" });
    expect(result.success ? {} : fieldErrors(result.error)).toEqual({ role: "errors.choice" });
  });
  it("splits positions on line breaks and vertical bars", () => {
    expect(attendeeImportRowSchema.parse({ fullName: "B", positions: "Giám đốc | Bí thư Đảng ủy" }).positions).toEqual([
      "Giám đốc",
      "Bí thư Đảng ủy",
    ]);
  });
});

describe("parseRole / parseLanguage", () => {
  it("knows every role by its code", () => {
    for (const role of invitationRoles) expect(parseRole(role)).toBe(role);
  });
  it.each([
    ["Khách mời", "guest"],
    ["KHACH MOI", "guest"],
    ["Đại biểu", "dignitary"],
    ["Diễn giả", "speaker"],
    ["Người ký", "signatory"],
    ["Báo chí", "press"],
    ["Ban tổ chức", "staff"],
    ["Speaker", "speaker"],
  ])("%s → %s", (text, role) => {
    expect(parseRole(text)).toBe(role);
  });
  it.each([
    ["vi", "vi"],
    ["Tiếng Việt", "vi"],
    ["EN", "en"],
    ["English", "en"],
    ["en-US", "en"],
  ])("language %s → %s", (text, language) => {
    expect(parseLanguage(text)).toBe(language);
  });
  it("answers undefined for what it does not know", () => {
    expect(parseRole("vip guest")).toBeUndefined();
    expect(parseLanguage("français")).toBeUndefined();
  });
  it("is not fooled by the names of an object's own machinery (a CSV cell reading constructor)", () => {
    for (const text of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
      expect(parseRole(text), text).toBeUndefined();
      expect(parseLanguage(text), text).toBeUndefined();
    }
    const row = attendeeImportRowSchema.safeParse({ fullName: "Trần Thị B", role: "constructor", language: "toString" });
    expect(row.success).toBe(false);
  });
});

describe("splitPositions", () => {
  it("trims, drops empty lines and collapses spaces", () => {
    expect(splitPositions("  A  \n\n B   C |\r\nD\r")).toEqual(["A", "B C", "D"]);
    expect(splitPositions("")).toEqual([]);
  });
});
