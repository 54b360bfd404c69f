import { describe, expect, test } from "vitest";
import { letterSettingsSchema } from "./letter-settings.schema";

describe("letterSettingsSchema", () => {
  const ok = { authority: "TM", onBehalfOf: " Ban Thường vụ ", position: "Phó Bí thư", signerName: "Nguyễn Văn A", symbol: "BTGTU", place: "Thái Bình", issuedOn: "2024-02-29" };
  test("trims, keeps Vietnamese in one encoding, accepts a real date or none", () => {
    expect(letterSettingsSchema.parse(ok)).toEqual({ ...ok, onBehalfOf: "Ban Thường vụ" });
    expect(letterSettingsSchema.parse({ ...ok, issuedOn: "", symbol: undefined }).issuedOn).toBe("");
    expect(letterSettingsSchema.parse({ ...ok, signerName: "Nguye\u0302\u0303n" }).signerName).toBe("Nguyễn");
  });
  test("says what is wrong, field by field", () => {
    const r = letterSettingsSchema.safeParse({ ...ok, authority: "XX", issuedOn: "2023-02-29", symbol: "S".repeat(31), signerName: "a\u0007" });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byField).toEqual({ authority: "errors.choice", issuedOn: "letter.error.date", symbol: "errors.tooLong?max=30", signerName: "errors.controlChars" });
  });
});
