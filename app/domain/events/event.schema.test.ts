import { describe, expect, it } from "vitest";
import { eventApiCreateSchema, eventFormSchema, eventInputIssues, fieldErrors } from "./event.schema";

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
    expect(r.agreement).toBeNull();
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
    expect(errorsOf({ ...base, title: "Lễ\u0000" }).title).toBe("errors.controlChars");
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
  it("builds the agreement of a signing ceremony and asks for its title when other fields are filled", () => {
    const r = eventFormSchema.parse({
      ...base,
      agreementTitle: "Chương trình phối hợp công tác",
      agreementPeriodStart: "2017",
      agreementPeriodEnd: "2020",
      agreementPartyIds: [host, partner],
      agreementOriginals: "2",
    });
    expect(r.agreement).toEqual({
      title: "Chương trình phối hợp công tác",
      periodStart: 2017,
      periodEnd: 2020,
      aims: null,
      partyIds: [host, partner],
      originals: 2,
    });
    expect(errorsOf({ ...base, agreementPeriodStart: "2017" }).agreementTitle).toBe("errors.required");
    expect(errorsOf({ ...base, agreementTitle: "X", agreementPeriodStart: "2020", agreementPeriodEnd: "2017" }).agreementPeriodEnd).toBe(
      "errors.periodOrder",
    );
    expect(errorsOf({ ...base, agreementTitle: "X", agreementPeriodStart: "20x0" }).agreementPeriodStart).toBe("errors.year");
  });
  it("reports every error of one submission at once, cross-field rules included", () => {
    // zod skips an object's refinements while a field fails: the end and the period came in a second round.
    expect(
      errorsOf({
        ...base,
        title: "",
        timeZone: "Asia/Ho_Chi_Minh",
        endsAt: "2017-10-19T13:00",
        venueName: "x".repeat(201),
        agreementPeriodStart: "2020",
        agreementPeriodEnd: "2017",
        capacity: "0",
      }),
    ).toEqual({
      title: "errors.required",
      endsAt: "errors.endBeforeStart",
      venueName: "errors.tooLong?max=200",
      agreementTitle: "errors.required",
      agreementPeriodEnd: "errors.periodOrder",
      capacity: "errors.number",
    });
    expect(errorsOf({ ...base, title: "", startsAt: "2017-02-30T10:00", hostOrganizationId: host, partnerOrganizationIds: [host] })).toEqual({
      title: "errors.required",
      startsAt: "errors.dateTime",
      partnerOrganizationIds: "errors.duplicatePartner",
    });
  });
  it("compares a pair only when both of its fields are valid", () => {
    // An unknown zone: the times cannot be read, only the zone is wrong.
    expect(errorsOf({ ...base, timeZone: "Mars/Olympus", endsAt: "2017-10-19T13:00" })).toEqual({ timeZone: "errors.timeZone" });
    expect(errorsOf({ ...base, agreementTitle: "X", agreementPeriodStart: "20x0", agreementPeriodEnd: "2017" })).toEqual({
      agreementPeriodStart: "errors.year",
    });
    // A mistyped year still counts as a filled-in agreement, so its title is asked for in the same round.
    expect(errorsOf({ ...base, agreementPeriodStart: "20x0" })).toEqual({ agreementPeriodStart: "errors.year", agreementTitle: "errors.required" });
  });
  it("drops the agreement of an event that is not a signing ceremony", () => {
    expect(eventFormSchema.parse({ ...base, kind: "meeting", agreementTitle: "X" }).agreement).toBeNull();
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
      agreement: { title: "X", periodStart: 2020, periodEnd: 2017 },
    });
    expect(r.success ? {} : fieldErrors(r.error)).toEqual({
      title: "errors.required",
      endsAt: "errors.endBeforeStart",
      "agreement.periodEnd": "errors.periodOrder",
    });
  });
  it("refuses instants without an offset and unknown fields", () => {
    expect(eventApiCreateSchema.safeParse({ ...api, startsAt: "2017-10-19T14:00" }).success).toBe(false);
    expect(eventApiCreateSchema.safeParse({ ...api, colour: "red" }).success).toBe(false);
  });
});

describe("eventInputIssues", () => {
  it("checks a merged input's cross-field rules", () => {
    const input = eventFormSchema.parse(base);
    expect(eventInputIssues(input)).toEqual([]);
    expect(eventInputIssues({ ...input, endsAt: input.startsAt })).toEqual([{ path: "endsAt", message: "errors.endBeforeStart" }]);
  });
});
