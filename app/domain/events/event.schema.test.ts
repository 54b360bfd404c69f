import { describe, expect, it } from "vitest";
import { eventApiCreateSchema, eventFormSchema, eventInputIssues } from "./event.schema";
import { fieldErrors } from "~/domain/forms/fields";

const host = "11111111-1111-4111-8111-111111111111";
const partner = "22222222-2222-4222-8222-222222222222";
const base = {
  title: "Lễ ký kết chương trình phối hợp",
  kind: "signing_ceremony",
  status: "scheduled",
  startsAt: "2017-10-19T14:00",
  endsAt: "2017-10-19T16:00",
  timeZone: "Asia/Ho_Chi_Minh",
};

function errorsOf(input: Record<string, unknown>) {
  const result = eventFormSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe("eventFormSchema", () => {
  it("turns wall-clock times in the event's zone into instants", () => {
    const r = eventFormSchema.parse({ ...base, partnerOrganizationIds: [partner], hostOrganizationId: host });
    expect(r.startsAt.toISOString()).toBe("2017-10-19T07:00:00.000Z");
    expect(r.endsAt.toISOString()).toBe("2017-10-19T09:00:00.000Z");
    expect(r.venueName).toBeNull();
    expect(r.capacity).toBeNull();
    expect(r.startPrecision).toBe("time");
    expect(r.occasion).toBeNull();
    expect(r.documents).toBeUndefined();
    expect(r.partnerOrganizationIds).toEqual([partner]);
  });
  it("refuses an end before the start, on the end field", () => {
    expect(errorsOf({ ...base, endsAt: "2017-10-19T13:00" })).toEqual({ endsAt: "errors.endBeforeStart" });
    expect(errorsOf({ ...base, endsAt: "2017-10-19T14:00" })).toEqual({ endsAt: "errors.endBeforeStart" });
  });
  it("refuses an unknown time zone and malformed dates", () => {
    expect(errorsOf({ ...base, timeZone: "Mars/Olympus" }).timeZone).toBe("errors.timeZone");
    expect(errorsOf({ ...base, startsAt: "2017-02-30T10:00" }).startsAt).toBe("errors.dateTime");
    expect(errorsOf({ ...base, startsAt: "" }).startsAt).toBe("errors.required");
  });
  it("requires a title and bounds its length, with the limit in the message", () => {
    expect(errorsOf({ ...base, title: "   " }).title).toBe("errors.required");
    expect(errorsOf({ ...base, title: "x".repeat(201) }).title).toBe("errors.tooLong?max=200");
    expect(errorsOf({ ...base, title: "x".repeat(200) }).title).toBeUndefined();
  });
  it("refuses control characters and line breaks in one-line fields, keeps emoji and markup as text", () => {
    expect(errorsOf({ ...base, title: "Lễ\r\nký kết" }).title).toBe("errors.controlChars");
    // The text rule (docs/decisions/024-bad-input.md): NUL and lone surrogates have their own message.
    expect(errorsOf({ ...base, title: "Lễ\u0000" }).title).toBe("errors.badText");
    expect(errorsOf({ ...base, title: "Lễ\ud800" }).title).toBe("errors.badText");
    expect(errorsOf({ ...base, description: "a\udfffb" }).description).toBe("errors.badText");
    expect(errorsOf({ ...base, title: "Lễ 🎉" }).title).toBeUndefined();
    const r = eventFormSchema.parse({ ...base, title: "<script>alert(1)</script> 🎉" });
    expect(r.title).toBe("<script>alert(1)</script> 🎉");
  });
  it("stores Vietnamese in one Unicode form (NFC)", () => {
    const decomposed = "Nguye\u0302\u0303n Ho\u0302\u0300ng Chuye\u0302n";
    expect(eventFormSchema.parse({ ...base, title: decomposed }).title).toBe("Nguyễn Hồng Chuyên");
  });
  it("keeps line breaks in descriptions, normalised to \\n", () => {
    expect(eventFormSchema.parse({ ...base, description: "a\r\nb" }).description).toBe("a\nb");
  });
  it("refuses the host as a partner", () => {
    expect(errorsOf({ ...base, hostOrganizationId: host, partnerOrganizationIds: [host] }).partnerOrganizationIds).toBe(
      "errors.duplicatePartner",
    );
  });
  it("reads an unticked single checkbox (false) as no organizations", () => {
    expect(eventFormSchema.parse({ ...base, partnerOrganizationIds: false }).partnerOrganizationIds).toEqual([]);
  });
  it("keeps only the date of a date-only start (00:00 in the event's zone), from a date or a date and time", () => {
    const fromDate = eventFormSchema.parse({ ...base, startPrecision: "date", startsAt: "2017-10-19" });
    expect(fromDate.startPrecision).toBe("date");
    expect(fromDate.startsAt.toISOString()).toBe("2017-10-18T17:00:00.000Z");
    const fromDateTime = eventFormSchema.parse({ ...base, startPrecision: "date", startsAt: "2017-10-19T14:00" });
    expect(fromDateTime.startsAt.toISOString()).toBe("2017-10-18T17:00:00.000Z");
    expect(errorsOf({ ...base, startPrecision: "hour" }).startPrecision).toBe("errors.choice");
  });
  it("reads a date-only event's end date as the end of that day (23:59 in the event's zone)", () => {
    const r = eventFormSchema.parse({ ...base, startPrecision: "date", startsAt: "2024-03-12", endsAt: "2024-03-13" });
    expect(r.endsAt.toISOString()).toBe("2024-03-13T16:59:00.000Z");
    // The same day: the ceremony lasts that day.
    expect(eventFormSchema.parse({ ...base, startPrecision: "date", startsAt: "2024-03-12", endsAt: "2024-03-12" }).endsAt.toISOString()).toBe(
      "2024-03-12T16:59:00.000Z",
    );
  });
  it("reads the occasion and the context as single lines", () => {
    const r = eventFormSchema.parse({ ...base, occasion: "  kỷ niệm 70 năm Ngày thành lập tỉnh ", context: "" });
    expect(r.occasion).toBe("kỷ niệm 70 năm Ngày thành lập tỉnh");
    expect(r.context).toBeNull();
    expect(errorsOf({ ...base, occasion: "a\nb" }).occasion).toBe("errors.controlChars");
  });
  it("reports every error of one submission at once, cross-field rules included", () => {
    // zod skips an object's refinements while a field fails: the end came in a second round.
    expect(
      errorsOf({
        ...base,
        title: "",
        timeZone: "Asia/Ho_Chi_Minh",
        endsAt: "2017-10-19T13:00",
        venueName: "x".repeat(201),
        occasion: "x".repeat(501),
        capacity: "0",
      }),
    ).toEqual({
      title: "errors.required",
      endsAt: "errors.endBeforeStart",
      venueName: "errors.tooLong?max=200",
      occasion: "errors.tooLong?max=500",
      capacity: "errors.number",
    });
    expect(errorsOf({ ...base, title: "", startsAt: "2017-02-30T10:00", hostOrganizationId: host, partnerOrganizationIds: [host] })).toEqual({
      title: "errors.required",
      startsAt: "errors.dateTime",
      partnerOrganizationIds: "errors.duplicatePartner",
    });
    // A date-only start is compared by its date (00:00): an end on the same day is after it.
    expect(errorsOf({ ...base, title: "", startPrecision: "date", startsAt: "2017-10-19", endsAt: "2017-10-18T23:00" })).toEqual({
      title: "errors.required",
      endsAt: "errors.endBeforeStart",
    });
  });
  it("compares a pair only when both of its fields are valid", () => {
    // An unknown zone: the times cannot be read, only the zone is wrong.
    expect(errorsOf({ ...base, timeZone: "Mars/Olympus", endsAt: "2017-10-19T13:00" })).toEqual({ timeZone: "errors.timeZone" });
  });
  it("refuses a capacity that is not a positive whole number", () => {
    expect(errorsOf({ ...base, capacity: "0" }).capacity).toBe("errors.number");
    expect(errorsOf({ ...base, capacity: "12.5" }).capacity).toBe("errors.number");
    expect(eventFormSchema.parse({ ...base, capacity: " 150 " }).capacity).toBe(150);
  });
  it("refuses kinds and statuses outside the lists (cancelling has its own action)", () => {
    expect(errorsOf({ ...base, kind: "party" }).kind).toBe("errors.choice");
    expect(errorsOf({ ...base, status: "cancelled" }).status).toBe("errors.choice");
  });
});

describe("eventApiCreateSchema", () => {
  const api = { title: "API", kind: "meeting", startsAt: "2017-10-19T14:00:00+07:00", endsAt: "2017-10-19T16:00:00+07:00" };
  it("takes ISO 8601 instants with an offset and defaults status and zone", () => {
    const r = eventApiCreateSchema.parse(api);
    expect(r.startsAt.toISOString()).toBe("2017-10-19T07:00:00.000Z");
    expect(r.status).toBe("draft");
    expect(r.timeZone).toBe("Asia/Ho_Chi_Minh");
  });
  it("reports the cross-field rules with the field errors, in one answer", () => {
    const r = eventApiCreateSchema.safeParse({
      ...api,
      title: "",
      endsAt: "2017-10-19T13:00:00+07:00",
      documents: [{ title: "", periodStart: 2020, periodEnd: 2017 }],
    });
    expect(r.success ? {} : fieldErrors(r.error)).toEqual({
      title: "errors.required",
      endsAt: "errors.endBeforeStart",
      "documents.0.title": "errors.required",
      "documents.0.periodEnd": "errors.periodOrder",
    });
  });
  it("refuses instants without an offset and unknown fields", () => {
    expect(eventApiCreateSchema.safeParse({ ...api, startsAt: "2017-10-19T14:00" }).success).toBe(false);
    expect(eventApiCreateSchema.safeParse({ ...api, colour: "red" }).success).toBe(false);
  });
  it("takes documents with kind, parties, period, originals and languages", () => {
    const r = eventApiCreateSchema.parse({
      ...api,
      startPrecision: "date",
      documents: [{ kind: "regulation", title: "Quy chế phối hợp", partyIds: [host, partner], periodStart: 2024, languages: ["vi", "LO", "vi"] }],
    });
    expect(r.startPrecision).toBe("date");
    expect(r.documents).toEqual([
      {
        kind: "regulation",
        title: "Quy chế phối hợp",
        titleEn: null,
        periodStart: 2024,
        periodEnd: null,
        aims: null,
        partyIds: [host, partner],
        originals: null,
        languages: ["vi", "lo"],
      },
    ]);
    const bad = eventApiCreateSchema.safeParse({
      ...api,
      documents: [{ kind: "treaty", title: "X", periodStart: 2024, periodEnd: 2020, languages: ["vietnamese"] }],
    });
    // Every error at once: the period's order too, while the kind and a language are wrong.
    expect(bad.success ? {} : fieldErrors(bad.error)).toEqual({
      "documents.0.kind": "errors.choice",
      "documents.0.languages.0": "errors.language",
      "documents.0.periodEnd": "errors.periodOrder",
    });
    const order = eventApiCreateSchema.safeParse({ ...api, documents: [{ title: "X", periodStart: 2024, periodEnd: 2020 }] });
    expect(order.success ? {} : fieldErrors(order.error)).toEqual({ "documents.0.periodEnd": "errors.periodOrder" });
  });
});

describe("eventInputIssues", () => {
  it("checks a merged input's cross-field rules", () => {
    const input = eventFormSchema.parse(base);
    expect(eventInputIssues(input)).toEqual([]);
    expect(eventInputIssues({ ...input, endsAt: input.startsAt })).toEqual([{ path: "endsAt", message: "errors.endBeforeStart" }]);
  });
});
