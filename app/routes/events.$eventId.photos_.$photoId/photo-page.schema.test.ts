import { describe, expect, it } from "vitest";
import { photoPageActionSchema } from "./photo-page.schema";

const invitationId = "0b6f2a4e-8c1d-4e7a-9f3b-2d5c6e7f8a9b";

describe("one photo's forms", () => {
  it("reads the details form, checkboxes and all", () => {
    expect(photoPageActionSchema.parse({ intent: "save", captionVi: " Lễ ký ", captionEn: "", credit: "", includeInPress: "on", version: "2" })).toEqual({
      intent: "save",
      captionVi: "Lễ ký",
      captionEn: null,
      credit: null,
      includeInPress: true,
      isCover: false,
      version: 2,
    });
  });

  it("keeps the search in progress with a tag or an untag", () => {
    expect(photoPageActionSchema.parse({ intent: "tag", invitationId, version: "3", q: "chuyen" })).toEqual({ intent: "tag", invitationId, version: 3, q: "chuyen" });
    expect(photoPageActionSchema.safeParse({ intent: "untag", invitationId: "x", version: "3" }).success).toBe(false);
  });

  it("deletes only the version the page wrote, digits and nothing looser", () => {
    expect(photoPageActionSchema.parse({ intent: "delete", version: "7" })).toEqual({ intent: "delete", version: 7 });
    for (const version of ["0", "07", "1.0", " 7", "1e3", "1234567890", undefined])
      expect(photoPageActionSchema.safeParse({ intent: "delete", version }).success, String(version)).toBe(false);
  });

  it("refuses a form without a known intent", () => {
    expect(photoPageActionSchema.safeParse({ captionVi: "x", version: "1" }).success).toBe(false);
  });
});
