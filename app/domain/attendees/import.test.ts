import { describe, expect, it } from "vitest";
import { BOM } from "./csv";
import { chunk, previewImport, readAttendeeCsv, validateImportRows, type RawImportRow } from "./import";

const header = "Họ và tên;Chức vụ;Cơ quan;Email;Điện thoại;Vai trò;Nhóm/bàn;Số người đi kèm";

function read(text: string, maxRows?: number) {
  const result = readAttendeeCsv(text, { maxRows });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("readAttendeeCsv", () => {
  it("reads a semicolon file with BOM into rows keyed by field, with spreadsheet row numbers", () => {
    const text = `${BOM}${header}\r\nNguyễn Hồng Chuyên;Trưởng ban;Ban Tuyên giáo Tỉnh ủy;chuyen@tb.vn;'+84 912 345 678;Đại biểu;Bàn 1;1\r\n`;
    const result = read(text);
    expect(result.delimiter).toBe(";");
    expect(result.rows).toEqual([
      {
        rowNumber: 2,
        values: {
          fullName: "Nguyễn Hồng Chuyên",
          positions: "Trưởng ban",
          organization: "Ban Tuyên giáo Tỉnh ủy",
          email: "chuyen@tb.vn",
          // Our own export escapes a leading "+"; the import takes it off again.
          phone: "+84 912 345 678",
          role: "Đại biểu",
          groupLabel: "Bàn 1",
          plusOnes: "1",
        },
      },
    ]);
  });

  it("ignores unknown columns and says which", () => {
    const result = read("STT,Full name,Trạng thái\n1,A,Nhận lời\n");
    expect(result.ignoredColumns).toEqual(["STT", "Trạng thái"]);
    expect(result.rows[0]?.values).toEqual({ fullName: "A" });
  });

  it("leaves out cells a short row does not have", () => {
    expect(read("Họ và tên,Email,Ghi chú\nA\n").rows[0]?.values).toEqual({ fullName: "A" });
  });

  it.each([
    ["", "attendees.import.errors.empty"],
    ["Email,Cơ quan\na@b.vn,X\n", "attendees.import.errors.noNameColumn"],
    ["Họ và tên\n\n\n", "attendees.import.errors.noRows"],
    ["Họ và tên,Điện thoại,Phone\nA,1,2\n", "attendees.import.errors.duplicateColumn?columns=%C4%90i%E1%BB%87n%20tho%E1%BA%A1i%2C%20Phone"],
  ])("refuses the file %j with %s", (text, error) => {
    expect(readAttendeeCsv(text)).toEqual({ ok: false, error });
  });

  it("refuses more rows than the limit", () => {
    const text = `Họ và tên\n${Array.from({ length: 4 }, (_, i) => `P${i}`).join("\n")}`;
    expect(readAttendeeCsv(text, { maxRows: 3 })).toEqual({ ok: false, error: "attendees.import.errors.tooManyRows?max=3" });
    expect(readAttendeeCsv(text, { maxRows: 4 }).ok).toBe(true);
  });
});

describe("validateImportRows", () => {
  const row = (rowNumber: number, values: RawImportRow["values"]): RawImportRow => ({ rowNumber, values });

  it("gives each bad row its number, field and message; good rows go through", () => {
    const { valid, errors } = validateImportRows([
      row(2, { fullName: "Nguyễn Hồng Chuyên", email: "chuyen@tb.vn" }),
      row(3, { fullName: "", email: "x@y.vn" }),
      row(4, { fullName: "Trần B", email: "không phải email", plusOnes: "nhiều" }),
      row(5, { fullName: "Lê C", role: "khách đặc biệt" }),
    ]);
    expect(valid.map((v) => v.rowNumber)).toEqual([2]);
    expect(errors).toEqual([
      { rowNumber: 3, field: "fullName", message: "errors.required" },
      { rowNumber: 4, field: "email", message: "errors.email" },
      { rowNumber: 4, field: "plusOnes", message: "attendees.errors.plusOnes?max=20" },
      { rowNumber: 5, field: "role", message: "errors.choice" },
    ]);
  });

  it("flags a second row for the same person and points at the first", () => {
    const { valid, errors } = validateImportRows([
      row(2, { fullName: "A", email: "a@x.vn" }),
      row(3, { fullName: "A khác", email: "A@X.VN" }),
      row(4, { fullName: "Phạm Văn D", organization: "Sở Y tế" }),
      row(5, { fullName: "PHAM VAN D", organization: "sở y tế" }),
      row(6, { fullName: "Phạm Văn D", organization: "Sở Tài chính" }),
    ]);
    expect(valid.map((v) => v.rowNumber)).toEqual([2, 4, 6]);
    expect(errors).toEqual([
      { rowNumber: 3, field: "email", message: "attendees.import.errors.duplicateRow?row=2" },
      { rowNumber: 5, field: "fullName", message: "attendees.import.errors.duplicateRow?row=4" },
    ]);
  });
});

describe("previewImport", () => {
  it("counts valid and invalid rows and keeps a sample", () => {
    const result = read(`Họ và tên,Email\nA,a@x.vn\nB,bad\nC,\nD,\n`);
    const preview = previewImport(result, 2);
    expect(preview.total).toBe(4);
    expect(preview.validCount).toBe(3);
    expect(preview.errors).toHaveLength(1);
    expect(preview.sample.map((s) => s.row.fullName)).toEqual(["A", "C"]);
    expect(preview.valid).toHaveLength(3);
  });
});

describe("chunk", () => {
  it("splits into pieces of the given size", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([]);
  });
});
