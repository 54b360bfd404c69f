import { describe, expect, it } from "vitest";
import { dignitaryApiCreateSchema, dignitaryApiPatchSchema, dignitaryFormSchema, positionsFromText, precedenceOrderSchema } from "./dignitary.schema";

const form = dignitaryFormSchema("Asia/Ho_Chi_Minh");
const base = { honorific: "đồng chí", name: "Nguyễn Hồng Chuyên", positions: "", organization: "", delegation: "", arrivalAt: "", escortUserId: "", notes: "", email: "", fullAddressOverride: "", shortAddressOverride: "", englishAddressOverride: "" };

describe("dignitary form", () => {
  it("reads positions one per line, in order, without blank lines", () => {
    const r = form.parse({ ...base, positions: " Ủy viên Ban Thường vụ Tỉnh ủy \r\n\r\nTrưởng ban  Tuyên giáo Tỉnh ủy\n" });
    expect(r.positions).toEqual(["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"]);
    expect(r.email).toBeNull();
  });
  it("has no side: it is set in the person's side-and-roles form, so a stale page's coarse side changes nothing", () => {
    const r = form.parse({ ...base, side: "guest" });
    expect("side" in r).toBe(false);
  });
  it("turns the arrival time in the event's zone into an instant", () => {
    expect(form.parse({ ...base, arrivalAt: "2017-10-19T13:30" }).arrivalAt?.toISOString()).toBe("2017-10-19T06:30:00.000Z");
    const bad = form.safeParse({ ...base, arrivalAt: "2017-02-30T10:00" });
    expect(bad.success || bad.error.issues[0]?.message).toBe("errors.dateTime");
  });
  it("refuses an empty name and names the line with a control character", () => {
    const empty = form.safeParse({ ...base, name: "   " });
    expect(empty.success || empty.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["name", "errors.required"]]);
    const ctl = form.safeParse({ ...base, positions: "Bí thư Tỉnh ủy\nPhó\u0007 Chủ tịch" });
    expect(ctl.success || ctl.error.issues[0]?.message).toBe("protocol.errors.positionControlChars?line=2");
  });
  it("reports every error of one submission at once: an empty name beside a wrong arrival time and e-mail", () => {
    const r = form.safeParse({ ...base, name: "", arrivalAt: "2017-02-30T10:00", email: "không-phải-email", honorific: "x".repeat(51) });
    expect(r.success || r.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["honorific", "errors.tooLong?max=50"],
      ["name", "errors.required"],
      ["arrivalAt", "errors.dateTime"],
      ["email", "errors.email"],
    ]);
  });
  it("limits the number and length of positions", () => {
    const many = form.safeParse({ ...base, positions: Array.from({ length: 11 }, (_, i) => `Chức vụ ${i}`).join("\n") });
    expect(many.success || many.error.issues[0]?.message).toBe("protocol.errors.tooManyPositions?max=10");
    const long = form.safeParse({ ...base, positions: `A\n${"Ủy viên ".repeat(40)}` });
    expect(long.success || long.error.issues[0]?.message).toBe("protocol.errors.positionTooLong?line=2&max=200");
  });
  it("keeps Vietnamese text as NFC", () => {
    expect(positionsFromText("Bi\u0300 thu\u031b")).toEqual(["Bì thư"]);
  });
});

describe("dignitary API bodies", () => {
  it("accepts the documented body", () => {
    const r = dignitaryApiCreateSchema.parse({ honorific: "đồng chí", name: "Nguyễn Hồng Chuyên", positions: ["Ủy viên Ban Thường vụ Tỉnh ủy"], precedence: 1 });
    expect(r).toMatchObject({ name: "Nguyễn Hồng Chuyên", positions: ["Ủy viên Ban Thường vụ Tỉnh ủy"], precedence: 1, organization: null, email: null });
  });
  it("refuses unknown fields, blank positions, control characters and a bad precedence", () => {
    const unknown = dignitaryApiCreateSchema.safeParse({ name: "A", title: "x" });
    expect(unknown.success || unknown.error.issues[0]?.code).toBe("unrecognized_keys");
    const blank = dignitaryApiCreateSchema.safeParse({ name: "A", positions: ["Bí thư", " "] });
    expect(blank.success || blank.error.issues[0]?.message).toBe("protocol.errors.positionBlank?line=2");
    const ctl = dignitaryApiCreateSchema.safeParse({ name: "A", positions: ["Bí\nthư"] });
    expect(ctl.success || ctl.error.issues[0]?.message).toBe("protocol.errors.positionControlChars?line=1");
    const zero = dignitaryApiCreateSchema.safeParse({ name: "A", precedence: 0 });
    expect(zero.success || zero.error.issues[0]?.message).toBe("protocol.errors.precedence");
    const notArray = dignitaryApiCreateSchema.safeParse({ name: "A", positions: "Bí thư" });
    expect(notArray.success || notArray.error.issues[0]?.message).toBe("protocol.errors.positionsArray");
  });
  it("a PATCH keeps absent fields absent and null clears", () => {
    expect(dignitaryApiPatchSchema.parse({ organization: null })).toEqual({ organization: null });
    expect(dignitaryApiPatchSchema.parse({})).toEqual({});
    expect(dignitaryApiPatchSchema.safeParse({ name: "" }).success).toBe(false);
  });
});

describe("precedence order", () => {
  it("takes one id or many and a 16-digit version", () => {
    const id = "6f1c1d4e-9a7b-4c1d-8e2f-0a1b2c3d4e5f";
    expect(precedenceOrderSchema.parse({ ids: id, version: "0123456789abcdef" }).ids).toEqual([id]);
    expect(precedenceOrderSchema.safeParse({ ids: [id], version: "x" }).success).toBe(false);
  });
});
