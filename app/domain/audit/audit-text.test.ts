import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pressTransitions } from "~/domain/press/workflow";
import { catalog } from "~/i18n/catalog";
import { isMessageKey, locales, translate, type Locale } from "~/i18n/i18n";
import { auditActionKey, auditFieldKey, auditFieldLabels, auditRecordKey, describeAuditEntry } from "./audit-text";

const root = path.resolve(import.meta.dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [rel] : [];
  });
}

/** The text of each `recordAudit(...)` call (balanced parentheses), with the file it is in. */
function auditCalls(): { file: string; source: string; call: string }[] {
  const calls: { file: string; source: string; call: string }[] = [];
  for (const file of [...sourceFiles("app"), ...sourceFiles("db"), ...sourceFiles("server")]) {
    const source = readFileSync(path.join(root, file), "utf8");
    for (let i = source.indexOf("recordAudit("); i >= 0; i = source.indexOf("recordAudit(", i + 1)) {
      if (source.slice(i - 15, i).includes("function")) continue; // the definition itself
      if (source.slice(i - 12, i).includes("import")) continue;
      let depth = 0;
      let end = i + "recordAudit".length;
      for (; end < source.length; end++) {
        if (source[end] === "(") depth++;
        if (source[end] === ")" && --depth === 0) break;
      }
      calls.push({ file, source, call: source.slice(i, end + 1) });
    }
  }
  return calls;
}

const stringLiterals = (text: string) => [...text.matchAll(/"([\w.]+)"/g)].map((m) => m[1]!);

/** Every action the code can write, read from the calls: literals, ternaries, a typed variable, the press steps. */
function writtenActions(): string[] {
  const actions = new Set<string>();
  for (const { file, source, call } of auditCalls()) {
    const match = /[{,]\s*action\b(?:\s*:\s*([\s\S]*?))?\s*,\s*entityType\b/.exec(call);
    if (!match) throw new Error(`${file}: a recordAudit call whose action this test cannot read: ${call}`);
    const expression = match[1];
    if (expression === undefined) {
      // `action,` — the variable's type in the same file names the possible values.
      const union = /\baction\??\s*:\s*("[\w.]+"(?:\s*\|\s*"[\w.]+")+)/.exec(source);
      if (!union) throw new Error(`${file}: the type of the audit action variable is not a union of literals`);
      stringLiterals(union[1]!).forEach((a) => actions.add(a));
    } else if (expression.includes("`")) {
      if (expression.trim() !== "`press.${step.name}`") throw new Error(`${file}: an audit action template this test does not know: ${expression}`);
      pressTransitions.forEach((s) => actions.add(`press.${s.name}`));
    } else {
      const literals = stringLiterals(expression);
      if (literals.length === 0) throw new Error(`${file}: an audit action that is not a literal: ${expression}`);
      literals.forEach((a) => actions.add(a));
    }
  }
  return [...actions].sort();
}

function writtenEntityTypes(): string[] {
  const types = new Set<string>();
  for (const { file, call } of auditCalls()) {
    const match = /\bentityType\s*:\s*"([\w]+)"/.exec(call);
    if (!match) throw new Error(`${file}: a recordAudit call whose entityType is not a literal: ${call}`);
    types.add(match[1]!);
  }
  return [...types].sort();
}

const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const block = (source: string, start: RegExp) => {
  const at = source.search(start);
  if (at < 0) throw new Error(`not found: ${start}`);
  const open = source.indexOf("{", at) >= 0 && source.indexOf("[", at) >= 0 ? Math.min(...[source.indexOf("{", at), source.indexOf("[", at)].filter((n) => n >= 0)) : -1;
  const close = source[open] === "{" ? "}" : "]";
  return source.slice(open, source.indexOf(close, open));
};
const keysOf = (text: string) => [...text.matchAll(/^\s+(\w+)\??:/gm)].map((m) => m[1]!);

/** The field names each service lists in `details.changed`, read from its source. */
function changedFieldsByRecord(): Record<string, string[]> {
  const dignitaries = read("app/models/dignitaries.server.ts");
  const invitations = read("app/services/invitations.server.ts");
  const agenda = read("app/services/agenda.server.ts");
  const photos = read("app/services/photos.server.ts");
  const event = read("app/domain/events/event.schema.ts");
  return {
    event: keysOf(block(event, /export interface EventInput\b/)),
    dignitary: [...keysOf(block(dignitaries, /export interface DignitaryValues\b/)), "precedence"],
    invitation: [
      ...keysOf(block(invitations, /const after: Record<string, unknown> = /)).filter((k) => k !== "after"),
      ...keysOf(block(invitations, /function invitationValuesOf\b[^{]*\{\s*return /)),
    ],
    agenda_item: [...stringLiterals(block(agenda, /const fieldNames = /)), ...stringLiterals((/changed\.push\(("\w+")\)/.exec(agenda) ?? [])[1] ?? "")],
    photo: [
      ...stringLiterals(block(photos, /for \(const key of \["captionVi"/)),
      ...[...photos.matchAll(/changed\.push\("(\w+)"\)/g)].map((m) => m[1]!),
    ],
  };
}

const t = (locale: Locale) => (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(locale, key, params);

describe("the audit actions the code writes", () => {
  const actions = writtenActions();

  it("are found (the scan reads the calls)", () => {
    expect(actions).toEqual(expect.arrayContaining(["event.create", "invitation.import", "press.publish", "agenda.mc.save", "press.correct"]));
    expect(actions.length).toBeGreaterThan(45);
  });

  it.each(actions)("%s has a label in Vietnamese and English", (action) => {
    expect(auditActionKey(action), `add "audit.action.${action}" to the catalogues`).toBe(`audit.action.${action}`);
    for (const locale of locales) {
      const text = catalog[locale][auditActionKey(action)];
      expect(text.trim()).not.toBe("");
      expect(text).not.toContain(action);
    }
  });

  it.each(writtenEntityTypes())("record type %s has a label", (type) => {
    expect(auditRecordKey(type)).toBe(`audit.record.${type}`);
  });
});

describe("the changed fields the services list", () => {
  const byRecord = changedFieldsByRecord();

  it("are found", () => {
    expect(byRecord.event).toContain("startPrecision");
    expect(byRecord.dignitary).toContain("fullAddressOverride");
    expect(byRecord.invitation).toEqual(expect.arrayContaining(["fullName", "plusOnes"]));
    expect(byRecord.agenda_item).toEqual(expect.arrayContaining(["keyPoints", "position"]));
    expect(byRecord.photo).toEqual(expect.arrayContaining(["captionVi", "isCover", "tags", "position"]));
  });

  for (const [record, fields] of Object.entries(byRecord)) {
    it.each(fields)(`${record}: %s has a label`, (field) => {
      expect(auditFieldKey(record, field), `add ${field} to auditFieldLabels.${record}`).not.toBe("audit.field.other");
    });
  }

  it("every label names a catalogue key", () => {
    for (const labels of Object.values(auditFieldLabels)) for (const key of Object.values(labels)) expect(isMessageKey(key)).toBe(true);
  });
});

describe("describeAuditEntry", () => {
  it("puts an event edit in words, in both languages", () => {
    const entry = { action: "event.update", entityType: "event", details: { changed: ["title", "agreement", "hostOrganizationId"] } };
    expect(describeAuditEntry(entry, t("vi"))).toEqual({
      action: "Sửa sự kiện",
      changed: "Đã sửa: Tên sự kiện, Văn bản ký kết, Cơ quan chủ trì",
      record: "Sự kiện",
    });
    expect(describeAuditEntry(entry, t("en")).changed).toBe("Changed: Title, Agreement, Host organization");
  });

  it("names the record by what the entry carries", () => {
    expect(describeAuditEntry({ action: "dignitary.create", entityType: "dignitary", details: { title: "Nguyễn Hồng Chuyên" } }, t("vi")).record).toBe(
      "Đại biểu: Nguyễn Hồng Chuyên",
    );
    expect(describeAuditEntry({ action: "press.publish", entityType: "press_summary", details: { title: "Ký kết" } }, t("en"))).toEqual({
      action: "Published a press report",
      changed: null,
      record: "Press report: Ký kết",
    });
    expect(describeAuditEntry({ action: "invitation.update", entityType: "invitation", details: { fullName: "Trần An", changed: ["plusOnes"] } }, t("vi"))).toEqual({
      action: "Sửa khách mời",
      changed: "Đã sửa: Số người đi kèm",
      record: "Khách mời: Trần An",
    });
    expect(describeAuditEntry({ action: "seating.table.create", entityType: "event", details: { defaultLayout: true } }, t("vi")).record).toBe(
      "Sự kiện: Bố trí mặc định",
    );
    expect(describeAuditEntry({ action: "seating.table.create", entityType: "event", details: { title: "default layout" } }, t("en")).record).toBe(
      "Event: Default layout",
    );
  });

  it("reads an unknown action, record or field as 'other', never as a raw key", () => {
    const text = describeAuditEntry({ action: "thing.frob", entityType: "widget", details: { changed: ["fooBar", "keyPoints"] } }, t("vi"));
    expect(text).toEqual({ action: "Thao tác khác", changed: "Đã sửa: trường khác", record: "Bản ghi khác" });
    expect(JSON.stringify(text)).not.toMatch(/thing|widget|fooBar|keyPoints/);
  });

  it("labels agenda key points and positions", () => {
    const text = describeAuditEntry({ action: "agenda.item.update", entityType: "agenda_item", details: { title: "Bế mạc", changed: ["keyPoints", "position"] } }, t("en"));
    expect(text.changed).toBe(`Changed: ${translate("en", "agenda.field.keyPoints")}, Order`);
  });
});
