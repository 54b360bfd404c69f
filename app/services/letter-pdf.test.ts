/**
 * The Giấy mời as a PDF, read back with poppler (pdftotext, pdfinfo, pdffonts; .ci/run installs poppler-utils):
 * one A4 page, the serif embedded, and the layout's parts there in the decree's order.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { invitationLetter, type LetterInput } from "~/domain/letter/invitation-letter";
import { buildLetterPdf, letterPdfContentDisposition } from "./letter-pdf.server";

const dir = mkdtempSync(path.join(tmpdir(), "letter-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdf(letter: ReturnType<typeof invitationLetter>, name: string) {
  const bytes = await buildLetterPdf(letter);
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });
  return {
    bytes,
    text: run("pdftotext", "-enc", "UTF-8", "-layout", file, "-"),
    info: run("pdfinfo", "-enc", "UTF-8", file),
    fonts: run("pdffonts", file),
  };
}

/** Each of `parts` in `text`, each after the one before. */
function expectInOrder(text: string, parts: string[]) {
  let at = 0;
  for (const part of parts) {
    const i = text.indexOf(part, at);
    expect(i, `"${part}" after offset ${at} in:\n${text}`).toBeGreaterThanOrEqual(0);
    at = i + part.length;
  }
}

/** pdftotext -layout puts the two letterhead blocks on shared lines: squeeze runs of spaces for matching. */
const squeeze = (t: string) => t.replace(/[ \t]+/gu, " ");

const base: Omit<LetterInput, "host" | "parent" | "signer"> = {
  event: {
    title: "Lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020",
    titleEn: "Signing of the 2017–2020 cooperation programme",
    startsAt: new Date("2017-10-19T07:00:00Z"),
    endsAt: new Date("2017-10-19T09:00:00Z"),
    timeZone: "Asia/Ho_Chi_Minh",
    startPrecision: "time",
    venueName: "Hội trường Tỉnh ủy",
    venueNameEn: null,
    venueRoom: null,
    venueAddress: "Thành phố Thái Bình, tỉnh Thái Bình",
  },
  agenda: [
    { startsAt: new Date("2017-10-19T07:00:00Z"), title: "Tuyên bố lý do, giới thiệu đại biểu", titleEn: null },
    { startsAt: new Date("2017-10-19T07:30:00Z"), title: "Chụp ảnh lưu niệm", titleEn: null },
  ],
  addressee: { honorific: "đồng chí", name: "Lại Văn Hoàn", positions: ["Phó Chủ tịch UBND tỉnh Thái Bình"], organization: null },
};

const state: LetterInput = {
  ...base,
  host: { nameVi: "Sở Giáo dục và Đào tạo", nameEn: null, shortName: "Sở GD&ĐT" },
  parent: { nameVi: "Ủy ban nhân dân tỉnh Thái Bình", nameEn: null, shortName: "UBND tỉnh" },
  signer: { authority: "KT", onBehalfOf: "Giám đốc", position: "Phó Giám đốc", name: "Trần Thị Bình" },
  issuedOn: new Date("2017-10-05T03:00:00Z"),
};

const party: LetterInput = {
  ...base,
  host: { nameVi: "Ban Tuyên giáo Tỉnh ủy", nameEn: null, shortName: "Ban Tuyên giáo" },
  parent: { nameVi: "Tỉnh ủy Thái Bình", nameEn: null, shortName: "Tỉnh ủy" },
  signer: { authority: "KT", onBehalfOf: "Trưởng ban", position: "Phó Trưởng ban", name: "Nguyễn Văn An" },
};

describe("the Giấy mời as a PDF", () => {
  test("a State body's letter: one A4 page, Liberation Serif embedded, the decree's parts in order", async () => {
    const { bytes, text, info, fonts } = await pdf(invitationLetter(state, "vi"), "state-vi");
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(info).toMatch(/Pages:\s+1\n/u);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/u);
    expect(info).toMatch(/Title:\s+GIẤY MỜI/u);
    // Regular, bold and italic embedded (subset), so the Vietnamese reads the same on any machine.
    for (const face of ["LiberationSerif ", "LiberationSerif-Bold ", "LiberationSerif-Italic "]) expect(fonts).toMatch(new RegExp(`\\+${face}.*yes\\s+yes\\s+yes`, "u"));
    const t = squeeze(text);
    expectInOrder(t, [
      "ỦY BAN NHÂN DÂN TỈNH",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      "Số: …/GM-SGDĐT",
      "Thái Bình, ngày 05 tháng 10 năm 2017",
      "GIẤY MỜI",
      "Kính gửi: Đồng chí Lại Văn Hoàn, Phó Chủ tịch UBND tỉnh Thái Bình",
      "Sở Giáo dục và Đào tạo trân trọng kính mời đồng chí tới dự Lễ ký kết",
      "- Thời gian: 14:00 – 16:00, Thứ 5, 19/10/2017",
      "- Địa điểm: Hội trường Tỉnh ủy, Thành phố Thái Bình, tỉnh Thái Bình",
      "- Chương trình:",
      "+ 14:00: Tuyên bố lý do, giới thiệu đại biểu",
      "+ 14:30: Chụp ảnh lưu niệm",
      "Rất mong đồng chí dành thời gian tới dự.",
      "Nơi nhận:",
      "KT. GIÁM ĐỐC",
      "- Như trên;",
      "PHÓ GIÁM ĐỐC",
      "- Lưu: VT, SGDĐT.",
      "Trần Thị Bình",
    ]);
  });

  test("a Party body's letter to many: the Party's header, and the attached list on a page of its own", async () => {
    const letter = invitationLetter(
      { ...party, addressee: null, attached: [base.addressee!, { honorific: "ông", name: "Trần Văn Bình", positions: ["Giám đốc Sở Tài chính"], organization: null }] },
      "vi",
    );
    const { text, info } = await pdf(letter, "party-many");
    expect(info).toMatch(/Pages:\s+2\n/u);
    const [first, second] = squeeze(text).split("\f");
    expectInOrder(first!, ["TỈNH ỦY THÁI BÌNH", "ĐẢNG CỘNG SẢN VIỆT NAM", "BAN TUYÊN GIÁO", "*", "Số …-GM/BTGTU", "Thái Bình, ngày … tháng … năm …", "GIẤY MỜI", "Kính gửi: Các đại biểu theo danh sách kèm theo", "Nguyễn Văn An"]);
    expect(first).not.toContain("CỘNG HÒA");
    expectInOrder(second!, [
      "DANH SÁCH ĐẠI BIỂU ĐƯỢC MỜI",
      "(Kèm theo Giấy mời số …-GM/BTGTU)",
      "1. Đồng chí Lại Văn Hoàn, Phó Chủ tịch UBND tỉnh Thái Bình",
      "2. Ông Trần Văn Bình, Giám đốc Sở Tài chính",
    ]);
  });

  test("the English letter: the same parts in English, the event's English title", async () => {
    const { text } = await pdf(invitationLetter(state, "en"), "state-en");
    expectInOrder(squeeze(text), [
      "THÁI BÌNH PROVINCIAL",
      "SOCIALIST REPUBLIC OF VIET NAM",
      "Independence - Freedom - Happiness",
      "DEPARTMENT OF",
      "No.: …/GM-SGDĐT",
      "Thái Bình, 5 October 2017",
      "LETTER OF INVITATION",
      "To: Lại Văn Hoàn, Vice Chairman of the Thái Bình Provincial People's Committee",
      "to attend the signing of the 2017–2020",
      "- Time: 14:00 – 16:00, Thursday, 19 October 2017",
      "- Programme:",
      "Recipients:",
      "FOR DIRECTOR",
      "DEPUTY DIRECTOR",
      "Trần Thị Bình",
    ]);
  });

  test("a long letter keeps the recipients and the signer together on the next page", async () => {
    const agenda = Array.from({ length: 30 }, (_, i) => ({ startsAt: new Date(Date.UTC(2017, 9, 19, 7, i)), title: `Tiết mục số ${i + 1} của chương trình`, titleEn: null }));
    const { text, info } = await pdf(invitationLetter({ ...state, agenda }, "vi"), "long");
    expect(info).toMatch(/Pages:\s+2\n/u);
    const second = squeeze(text).split("\f")[1]!;
    expectInOrder(second, ["Nơi nhận:", "KT. GIÁM ĐỐC", "Trần Thị Bình"]);
  });

  test("the file name is the invitee's, inline by default", () => {
    expect(letterPdfContentDisposition("vi", "Lại Văn Hoàn")).toBe(
      "inline; filename=\"giay-moi-lai-van-hoan.pdf\"; filename*=UTF-8''Gi%E1%BA%A5y%20m%E1%BB%9Di%20-%20L%E1%BA%A1i%20V%C4%83n%20Ho%C3%A0n.pdf",
    );
    expect(letterPdfContentDisposition("en", null, "attachment")).toMatch(/^attachment; filename="invitation-letter\.pdf"/u);
  });
});
