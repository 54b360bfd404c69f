import { describe, expect, it } from "vitest";
import { bulkCaptionsFormSchema, photoApiPatchSchema, photoEditSchema } from "./photo.schema";

const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";

describe("photo forms", () => {
  it("trims captions, turns blanks into null and reads the checkboxes", () => {
    const parsed = photoEditSchema.parse({ captionVi: "  Lễ ký kết  ", captionEn: "", credit: "Đặng Anh", includeInPress: "on", version: "3" });
    expect(parsed).toEqual({ captionVi: "Lễ ký kết", captionEn: null, credit: "Đặng Anh", includeInPress: true, isCover: false, version: 3 });
  });

  it("refuses captions with line breaks or control characters, and overlong ones", () => {
    const r1 = photoEditSchema.safeParse({ captionVi: "a\u0007b", version: "1" });
    expect(r1.success ? null : r1.error.issues[0]?.message).toBe("errors.controlChars");
    const r2 = photoEditSchema.safeParse({ captionVi: "x".repeat(1001), version: "1" });
    expect(r2.success ? null : r2.error.issues[0]?.message).toBe("errors.tooLong?max=1000");
    expect(photoEditSchema.safeParse({ captionVi: "ok", version: "abc" }).success).toBe(false);
  });

  it("zips the bulk caption form's parallel lists and refuses lists of different lengths", () => {
    const parsed = bulkCaptionsFormSchema.parse({
      id: [A, B],
      version: ["1", "4"],
      captionVi: ["Một", " "],
      captionEn: ["One", "Two"],
      credit: ["", "TTXVN"],
    });
    expect(parsed).toEqual([
      { id: A, version: 1, captionVi: "Một", captionEn: "One", credit: "" },
      { id: B, version: 4, captionVi: " ", captionEn: "Two", credit: "TTXVN" },
    ]);
    expect(bulkCaptionsFormSchema.safeParse({ id: [A, B], version: ["1"], captionVi: ["a", "b"], captionEn: ["a", "b"], credit: ["", ""] }).success).toBe(false);
  });
});

describe("photo API patch", () => {
  it("leaves absent fields absent, clears with null, and refuses unknown fields and bad types", () => {
    expect(photoApiPatchSchema.parse({ captionEn: null, isCover: true })).toEqual({ captionEn: null, isCover: true });
    expect(photoApiPatchSchema.parse({})).toEqual({});
    expect(photoApiPatchSchema.safeParse({ caption: "x" }).success).toBe(false);
    expect(photoApiPatchSchema.safeParse({ includeInPress: "yes" }).success).toBe(false);
    expect(photoApiPatchSchema.safeParse({ position: 0 }).success).toBe(false);
    expect(photoApiPatchSchema.safeParse({ taggedInvitationIds: ["not-a-uuid"] }).success).toBe(false);
    expect(photoApiPatchSchema.parse({ taggedInvitationIds: [A], position: 2, version: 5 })).toEqual({ taggedInvitationIds: [A], position: 2, version: 5 });
  });
});
