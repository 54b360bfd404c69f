import { describe, expect, test } from "vitest";
import { invitationLetter, type LetterInput } from "~/domain/letter/invitation-letter";
import { readDocx } from "../../server/testing/docx-reader.server";
import { buildLetterDocx, letterContentDisposition, letterPage } from "./letter-docx.server";

const input: LetterInput = {
  host: { nameVi: "Ban Tuyên giáo Tỉnh ủy", nameEn: null, shortName: "Ban Tuyên giáo" },
  parent: { nameVi: "Tỉnh ủy Thái Bình", nameEn: null, shortName: "Tỉnh ủy" },
  event: {
    title: "Lễ ký kết chương trình phối hợp",
    titleEn: "Signing ceremony of the coordination programme",
    startsAt: new Date("2017-10-19T07:00:00Z"),
    endsAt: new Date("2017-10-19T09:00:00Z"),
    timeZone: "Asia/Ho_Chi_Minh",
    startPrecision: "time",
    venueName: "Hội trường Tỉnh ủy",
    venueNameEn: null,
    venueRoom: null,
    venueAddress: "tỉnh Thái Bình",
  },
  agenda: [{ startsAt: new Date("2017-10-19T07:30:00Z"), title: "Chụp ảnh lưu niệm", titleEn: null }],
  addressee: { honorific: "đồng chí", name: "Lại Văn Hoàn", positions: ["Phó Chủ tịch UBND tỉnh"], organization: null },
  signer: { authority: "KT", onBehalfOf: "Trưởng ban", position: "Phó Trưởng ban", name: "Nguyễn Văn A" },
};

describe("buildLetterDocx", () => {
  test("the Vietnamese letter: the decree's margins, the letterhead in a two-column table, every part in order", async () => {
    const doc = readDocx(await buildLetterDocx(invitationLetter(input, "vi")));
    expect(doc.textWidthEmu).toBe((letterPage.width - letterPage.margin.left - letterPage.margin.right) * 635);
    expect(letterPage.margin).toEqual({ top: 1134, bottom: 1134, left: 1701, right: 850 });
    expect(doc.documentXml.match(/<w:tbl>/g)?.length).toBe(2);
    const texts = doc.paragraphs.map((p) => p.text).filter(Boolean);
    expect(texts.slice(0, 7)).toEqual([
      "TỈNH ỦY THÁI BÌNH",
      "BAN TUYÊN GIÁO",
      "*",
      "Số …-GM/BTGTU",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Thái Bình, ngày … tháng … năm …",
      "GIẤY MỜI",
    ]);
    expect(texts).toContain("Kính gửi: Đồng chí Lại Văn Hoàn, Phó Chủ tịch UBND tỉnh");
    expect(texts).toContain("+ 14:30: Chụp ảnh lưu niệm");
    expect(texts.slice(-6)).toEqual(["Nơi nhận:", "- Như trên;", "- Lưu: VT, BTGTU.", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn A"]);
    const title = doc.paragraphs.find((p) => p.text === "GIẤY MỜI");
    expect(title?.runs[0]?.bold).toBe(true);
    expect(title?.align).toBe("center");
  });

  test("the English letter", async () => {
    const doc = readDocx(await buildLetterDocx(invitationLetter(input, "en")));
    expect(doc.text).toContain("COMMUNIST PARTY OF VIET NAM");
    expect(doc.text).toContain("LETTER OF INVITATION");
    expect(doc.text).toContain("to attend the signing ceremony of the coordination programme.");
    expect(doc.text).toContain("Recipients:");
  });

  test("the letter to many has its list on a page of its own", async () => {
    const doc = readDocx(
      await buildLetterDocx(invitationLetter({ ...input, addressee: null, attached: [input.addressee!, { honorific: null, name: "Phạm Thu", positions: [], organization: null }] }, "vi")),
    );
    expect(doc.text).toContain("Kính gửi: Các đại biểu theo danh sách kèm theo");
    const texts = doc.paragraphs.map((p) => p.text).filter(Boolean);
    expect(texts.slice(-4)).toEqual([
      "DANH SÁCH ĐẠI BIỂU ĐƯỢC MỜI",
      "(Kèm theo Giấy mời số …-GM/BTGTU)",
      "1.\tĐồng chí Lại Văn Hoàn, Phó Chủ tịch UBND tỉnh",
      "2.\tPhạm Thu",
    ]);
    expect(doc.documentXml).toContain("<w:pageBreakBefore/>");
  });

  test("the file name", () => {
    expect(letterContentDisposition("vi", "Lại Văn Hoàn")).toBe(
      "attachment; filename=\"giay-moi-lai-van-hoan.docx\"; filename*=UTF-8''Gi%E1%BA%A5y%20m%E1%BB%9Di%20-%20L%E1%BA%A1i%20V%C4%83n%20Ho%C3%A0n.docx",
    );
  });
});
