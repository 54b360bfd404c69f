import { describe, expect, it } from "vitest";
import { fieldErrors } from "~/domain/forms/fields";
import {
  MAX_PRESS_TITLE,
  pressAdoptSchema,
  pressApiCreateSchema,
  pressApiPatchSchema,
  pressApiTransitionSchema,
  pressCommentSchema,
  pressEditSchema,
  pressSettingsSchema,
  pressTransitionSchema,
} from "./press.schema";

const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : fieldErrors(result.error as Parameters<typeof fieldErrors>[0]);

describe("pressEditSchema", () => {
  it("parses the form's strings: NFC, trimmed, CRLF → LF, empty byline → null, version as a number", () => {
    const decomposed = "Ky\u0301 kê\u0301t";
    const parsed = pressEditSchema.parse({ title: `  ${decomposed} `, byline: "  ", body: "Đoạn 1.\r\n\r\nĐoạn 2.\r\n", version: "3" });
    expect(parsed).toEqual({ title: "Ký kết", byline: null, body: "Đoạn 1.\n\nĐoạn 2.", version: 3 });
  });
  it("names every missing or wrong field with an i18n key", () => {
    expect(errorsOf(pressEditSchema.safeParse({ title: "", body: "  ", version: "x" }))).toEqual({
      title: "errors.required",
      body: "errors.required",
      version: "errors.number",
    });
    expect(errorsOf(pressEditSchema.safeParse({ title: "t".repeat(MAX_PRESS_TITLE + 1), body: "a", version: "0" }))).toEqual({
      title: `errors.tooLong?max=${MAX_PRESS_TITLE}`,
      version: "errors.number",
    });
    expect(errorsOf(pressEditSchema.safeParse({ title: "Dòng 1\nDòng 2", body: "x", version: 1 }))).toEqual({ title: "errors.controlChars" });
  });
  it("drops invisible control characters from the body (tab and line breaks stay)", () => {
    expect(pressEditSchema.parse({ title: "T", body: "java\u0001script:\u000b x\ty", version: 1 }).body).toBe("javascript: x\ty");
    expect(errorsOf(pressEditSchema.safeParse({ title: "T", body: "\u0007\u0008", version: 1 }))).toEqual({ body: "errors.required" });
  });
  it("refuses a NUL or a lone surrogate in the body with a field error, like every other text (decision 024)", () => {
    expect(errorsOf(pressEditSchema.safeParse({ title: "T", body: "java\u0000script:", version: 1 }))).toEqual({ body: "errors.badText" });
    expect(errorsOf(pressEditSchema.safeParse({ title: "T", body: "nửa \ud800", version: 1 }))).toEqual({ body: "errors.badText" });
  });
  it("keeps markup in the body as typed (rendering makes it safe, not the schema)", () => {
    const body = '<script>alert(1)</script>\n\n[x](javascript:alert(1))';
    expect(pressEditSchema.parse({ title: "T", body, version: 1, byline: "Đặng Anh" }).body).toBe(body);
  });
});

describe("pressTransitionSchema", () => {
  it("accepts the four statuses, a trimmed comment or none, and an optional version", () => {
    expect(pressTransitionSchema.parse({ to: "in_review" })).toEqual({ to: "in_review", comment: null, version: undefined, confirmBeforeEvent: false });
    expect(pressTransitionSchema.parse({ to: "draft", comment: "  Sửa lại.  ", version: "4" })).toEqual({
      to: "draft",
      comment: "Sửa lại.",
      version: 4,
      confirmBeforeEvent: false,
    });
    expect(pressTransitionSchema.parse({ to: "published", version: "" })).toMatchObject({ version: undefined });
    expect(errorsOf(pressTransitionSchema.safeParse({ to: "archived" }))).toEqual({ to: "errors.choice" });
  });
  it("reads the before-the-event confirmation from a ticked checkbox only", () => {
    expect(pressTransitionSchema.parse({ to: "in_review", confirmBeforeEvent: "on" }).confirmBeforeEvent).toBe(true);
    expect(pressTransitionSchema.parse({ to: "in_review", confirmBeforeEvent: "yes" }).confirmBeforeEvent).toBe(true);
    expect(pressTransitionSchema.parse({ to: "in_review", confirmBeforeEvent: "" }).confirmBeforeEvent).toBe(false);
    expect(pressTransitionSchema.parse({ to: "in_review", confirmBeforeEvent: "no" }).confirmBeforeEvent).toBe(false);
  });
});

describe("pressSettingsSchema", () => {
  it("reads the four-eyes checkbox: ticked is on, absent is off, anything else is refused", () => {
    expect(pressSettingsSchema.parse({ requireSecondApprover: "yes" })).toEqual({ requireSecondApprover: true });
    expect(pressSettingsSchema.parse({})).toEqual({ requireSecondApprover: false });
    expect(pressSettingsSchema.safeParse({ requireSecondApprover: "maybe" }).success).toBe(false);
  });
});

describe("comments and adoption", () => {
  it("needs a comment body", () => {
    expect(errorsOf(pressCommentSchema.safeParse({ body: " " }))).toEqual({ body: "errors.required" });
    expect(pressCommentSchema.parse({ body: " Được. " })).toEqual({ body: "Được." });
  });
  it("parses an adoption request", () => {
    expect(pressAdoptSchema.parse({ version: "2", at: "0", mine: "", theirs: "Mới." })).toEqual({ version: 2, at: 0, mine: "", theirs: "Mới." });
    expect(pressAdoptSchema.safeParse({ version: "2", at: "-1", mine: "", theirs: "" }).success).toBe(false);
  });
});

describe("API bodies", () => {
  it("create: language vi or en, nothing else", () => {
    expect(pressApiCreateSchema.parse({ language: "en" })).toEqual({ language: "en" });
    expect(errorsOf(pressApiCreateSchema.safeParse({ language: "fr" }))).toEqual({ language: "errors.choice" });
    expect(pressApiCreateSchema.safeParse({ language: "vi", extra: 1 }).success).toBe(false);
    expect(errorsOf(pressApiCreateSchema.safeParse({}))).toEqual({ language: "errors.choice" });
  });
  it("patch: version required, JSON types checked, unknown keys refused", () => {
    expect(pressApiPatchSchema.parse({ body: "Mới.", version: 2 })).toEqual({ body: "Mới.", byline: null, version: 2 });
    expect(errorsOf(pressApiPatchSchema.safeParse({ title: "T" }))).toEqual({ version: "errors.required" });
    expect(errorsOf(pressApiPatchSchema.safeParse({ title: 5, version: 1 }))).toEqual({ title: "errors.invalid" });
    expect(pressApiPatchSchema.safeParse({ status: "published", version: 1 }).success).toBe(false);
  });
  it("transition: to, optional comment and version", () => {
    expect(pressApiTransitionSchema.parse({ to: "approved" })).toEqual({ to: "approved", comment: null, version: undefined, confirmBeforeEvent: false });
    expect(pressApiTransitionSchema.parse({ to: "draft", comment: "Lý do", version: 3 })).toEqual({
      to: "draft",
      comment: "Lý do",
      version: 3,
      confirmBeforeEvent: false,
    });
    expect(pressApiTransitionSchema.parse({ to: "published", confirmBeforeEvent: true }).confirmBeforeEvent).toBe(true);
    expect(pressApiTransitionSchema.safeParse({ to: "published", confirmBeforeEvent: "yes" }).success).toBe(false);
    expect(pressApiTransitionSchema.safeParse({ to: "done" }).success).toBe(false);
    expect(pressApiTransitionSchema.safeParse({ to: "draft", comment: 7 }).success).toBe(false);
    expect(pressApiTransitionSchema.safeParse({ to: "draft", force: true }).success).toBe(false);
  });
});
