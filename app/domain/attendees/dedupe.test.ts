import { describe, expect, it } from "vitest";
import { matchPerson, nameOrgKey, organizationKey, personDedupeKey, type DirectoryCandidate } from "./dedupe";

describe("personDedupeKey", () => {
  it("uses the email, ignoring case and spaces around it", () => {
    expect(personDedupeKey({ email: " Chuyen@ThaiBinh.gov.vn ", fullName: "A", organization: null })).toBe(
      "email:chuyen@thaibinh.gov.vn",
    );
    expect(personDedupeKey({ email: "chuyen@thaibinh.gov.vn", fullName: "Someone else", organization: "X" })).toBe(
      personDedupeKey({ email: "CHUYEN@thaibinh.gov.vn", fullName: "A", organization: null }),
    );
  });
  it("without email, uses the folded name and the organization", () => {
    const a = personDedupeKey({ email: null, fullName: "Nguyễn Hồng Chuyên", organization: "Ban Tuyên giáo Tỉnh ủy" });
    const b = personDedupeKey({ email: "", fullName: "NGUYỄN  HỒNG CHUYÊN", organization: "ban tuyên giáo  tỉnh ủy" });
    const c = personDedupeKey({ email: null, fullName: "Nguyen Hong Chuyen", organization: "Ban Tuyên giáo Tỉnh ủy" });
    expect(a).toBe(b);
    // The name is folded (no diacritics), as people.name_search is.
    expect(a).toBe(c);
  });
  it("tells apart the same name in two organizations, and no organization from one", () => {
    const k = (organization: string | null) => personDedupeKey({ email: null, fullName: "Trần Văn Bình", organization });
    expect(k("Sở Y tế")).not.toBe(k("Sở Tài chính"));
    expect(k(null)).not.toBe(k("Sở Y tế"));
    expect(k(null)).toBe(k(""));
  });
  it("folds đ in names", () => {
    expect(nameOrgKey({ fullName: "Đặng Anh", organization: null })).toBe("dang anh|");
  });
  it("lower-cases as Vietnamese does: toLowerCase equals toLocaleLowerCase(\"vi\") for every letter of the BMP", () => {
    for (let c = 0; c < 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (ch.toLowerCase() !== ch.toLocaleLowerCase("vi")) throw new Error(`U+${c.toString(16)} differs`);
    }
    expect(organizationKey("SỞ Y TẾ ĐÀ NẴNG")).toBe("sở y tế đà nẵng");
  });
  it("keeps diacritics of organizations (only case and spacing are ignored)", () => {
    expect(organizationKey(" Sở  GIÁO DỤC ")).toBe("sở giáo dục");
    expect(organizationKey("So Giao duc")).not.toBe(organizationKey("Sở Giáo dục"));
  });
});

describe("matchPerson", () => {
  const withEmail: DirectoryCandidate = { id: "p1", email: "binh@soyte.vn", fullName: "Trần Văn Bình", organization: "Sở Y tế" };
  const noEmail: DirectoryCandidate = { id: "p2", email: null, fullName: "Trần Văn Bình", organization: "Sở Y tế" };
  const otherOrg: DirectoryCandidate = { id: "p3", email: null, fullName: "Trần Văn Bình", organization: "Sở Tài chính" };

  it("matches by email first, whatever the name", () => {
    expect(matchPerson({ email: "BINH@soyte.vn", fullName: "Tran Van Binh (khác)", organization: null }, [noEmail, withEmail])).toBe(
      withEmail,
    );
  });
  it("with an unknown email, falls back to a same name + organization entry that has no email", () => {
    expect(matchPerson({ email: "new@soyte.vn", fullName: "Trần Văn Bình", organization: "Sở Y tế" }, [withEmail, noEmail])).toBe(
      noEmail,
    );
  });
  it("never joins two different emails", () => {
    expect(matchPerson({ email: "new@soyte.vn", fullName: "Trần Văn Bình", organization: "Sở Y tế" }, [withEmail])).toBeNull();
  });
  it("without email, matches name + organization, preferring an entry without email", () => {
    const record = { email: null, fullName: "tran van binh", organization: "SỞ Y TẾ" };
    expect(matchPerson(record, [withEmail, noEmail])).toBe(noEmail);
    expect(matchPerson(record, [withEmail])).toBe(withEmail);
    expect(matchPerson(record, [otherOrg])).toBeNull();
  });
  it("answers null when nothing fits", () => {
    expect(matchPerson({ email: null, fullName: "Lê Thị C", organization: null }, [])).toBeNull();
  });
  it("takes the first of equals (callers pass the oldest first)", () => {
    const twin: DirectoryCandidate = { ...noEmail, id: "p4" };
    expect(matchPerson({ email: null, fullName: "Trần Văn Bình", organization: "Sở Y tế" }, [noEmail, twin])?.id).toBe("p2");
  });
});
