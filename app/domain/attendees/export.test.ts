import { describe, expect, it } from "vitest";
import { translate, type MessageKey } from "~/i18n/i18n";
import { invitationRoles, attendeeLanguages, type ImportField } from "./attendee.schema";
import { parseCsv, writeCsv } from "./csv";
import { fieldForHeader } from "./csv-headers";
import { exportColumns, exportFileStem, exportRow, importableExportColumns, type ExportableInvitation } from "./export";
import { readAttendeeCsv, validateImportRows } from "./import";

const invitation: ExportableInvitation = {
  honorific: "Ông",
  fullName: "Nguyễn Hồng Chuyên",
  positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
  organization: "Ban Tuyên giáo Tỉnh ủy",
  email: "chuyen@thaibinh.gov.vn",
  phone: "+84 912 345 678",
  language: "vi",
  role: "dignitary",
  groupLabel: "Bàn 1",
  plusOnes: 1,
  dietaryNeeds: "Ăn chay",
  accessNeeds: null,
  notes: "=HYPERLINK(\"http://evil\")",
  status: "accepted",
  respondedAt: new Date("2017-10-17T02:30:00Z"),
  comment: "Sẽ đến đúng giờ",
  withdrawnAt: null,
};

for (const locale of ["vi", "en"] as const) {
  const labels = {
    role: (r: (typeof invitationRoles)[number]) => translate(locale, `attendees.role.${r}`),
    status: (s: ExportableInvitation["status"]) => translate(locale, `attendees.status.${s}`),
    language: (l: (typeof attendeeLanguages)[number]) => translate(locale, `attendees.language.${l}`),
    instant: (d: Date) => d.toISOString(),
  };
  const header = exportColumns.map((c) => translate(locale, `attendees.field.${c}` as MessageKey));

  describe(`export (${locale})`, () => {
    it("names every importable column so the import recognises it", () => {
      for (const column of importableExportColumns)
        expect(fieldForHeader(translate(locale, `attendees.field.${column}`)), column).toBe(column satisfies ImportField);
    });
    it("writes role and language names the import reads back", () => {
      for (const role of invitationRoles) {
        const { valid } = validateImportRows([{ rowNumber: 2, values: { fullName: "A", role: labels.role(role) } }]);
        expect(valid[0]?.row.role, role).toBe(role);
      }
      for (const language of attendeeLanguages) {
        const { valid } = validateImportRows([{ rowNumber: 2, values: { fullName: "A", language: labels.language(language) } }]);
        expect(valid[0]?.row.language, language).toBe(language);
      }
    });
    it("round-trips an exported file through the import unchanged", () => {
      const csv = writeCsv(header, [exportRow(invitation, labels)]);
      // The formula in the notes is neutralised in the file…
      expect(parseCsv(csv).records[0]?.cells[exportColumns.indexOf("notes")]).toBe("'=HYPERLINK(\"http://evil\")");
      const read = readAttendeeCsv(csv);
      if (!read.ok) throw new Error(read.error);
      const { valid, errors } = validateImportRows(read.rows);
      expect(errors).toEqual([]);
      // …and read back as written.
      expect(valid[0]?.row).toEqual({
        honorific: "Ông",
        fullName: "Nguyễn Hồng Chuyên",
        positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
        organization: "Ban Tuyên giáo Tỉnh ủy",
        email: "chuyen@thaibinh.gov.vn",
        phone: "+84 912 345 678",
        language: "vi",
        role: "dignitary",
        groupLabel: "Bàn 1",
        plusOnes: 1,
        dietaryNeeds: "Ăn chay",
        accessNeeds: null,
        notes: "=HYPERLINK(\"http://evil\")",
      });
      expect(read.ignoredColumns).toEqual(
        ["status", "respondedAt", "comment", "withdrawnAt"].map((c) => translate(locale, `attendees.field.${c}` as MessageKey)),
      );
    });
  });
}

describe("exportRow", () => {
  it("leaves empty what is not known and joins positions with line breaks", () => {
    const row = exportRow(
      { ...invitation, honorific: null, positions: [], email: null, respondedAt: null, comment: null },
      { role: (r) => r, status: (s) => s, language: (l) => l, instant: (d) => d.toISOString() },
    );
    expect(row[exportColumns.indexOf("honorific")]).toBe("");
    expect(row[exportColumns.indexOf("positions")]).toBe("");
    expect(row[exportColumns.indexOf("respondedAt")]).toBe("");
    expect(row[exportColumns.indexOf("status")]).toBe("accepted");
    expect(exportRow(invitation, { role: (r) => r, status: (s) => s, language: (l) => l, instant: () => "" })[2]).toBe(
      "Ủy viên Ban Thường vụ Tỉnh ủy\nTrưởng ban Tuyên giáo Tỉnh ủy",
    );
  });
});

describe("exportFileStem", () => {
  it("is ASCII, from the folded title", () => {
    expect(exportFileStem("Lễ ký kết “Đồng hành” 🤝 2017", "2017-10-19")).toBe("khach-moi-le-ky-ket-dong-hanh-2017-2017-10-19");
    expect(exportFileStem("🤝", "2017-10-19")).toBe("khach-moi-su-kien-2017-10-19");
  });
});
