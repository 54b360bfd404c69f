import { describe, expect, it } from "vitest";
import { fieldErrors } from "~/domain/forms/fields";
import {
  agendaItemApiCreateSchema,
  agendaItemApiPatchSchema,
  agendaItemFormSchema,
  keyPointsFromText,
} from "./agenda-item.schema";

const ZONE = "Asia/Ho_Chi_Minh";
const form = {
  startsAt: "2017-10-19T14:50",
  durationMinutes: "20",
  title: "Phát biểu của lãnh đạo",
  kind: "speech",
  responsibleUserId: "",
  speakerInvitationId: "",
  place: "",
  notes: "",
  keyPoints: "Ý một\r\n\r\n  Ý hai  \n",
};

function errorsOf(result: { success: boolean; error?: unknown }) {
  if (result.success) return {};
  return fieldErrors(result.error as Parameters<typeof fieldErrors>[0]);
}

describe("agendaItemFormSchema", () => {
  it("reads the start as wall-clock time in the event's zone and key points one per line", () => {
    const parsed = agendaItemFormSchema(ZONE).parse(form);
    expect(parsed.startsAt.toISOString()).toBe("2017-10-19T07:50:00.000Z");
    expect(parsed.durationMinutes).toBe(20);
    expect(parsed.keyPoints).toEqual(["Ý một", "Ý hai"]);
    expect(parsed.speakerInvitationId).toBeNull();
    expect(parsed.place).toBeNull();
  });

  it("reports every error of one submission at once: a bad start and long key points beside an empty title", () => {
    const result = agendaItemFormSchema(ZONE).safeParse({
      ...form,
      title: "",
      startsAt: "2017-02-30T10:00",
      keyPoints: "x".repeat(1001),
      durationMinutes: "0",
    });
    expect(errorsOf(result)).toEqual({
      title: "errors.required",
      startsAt: "errors.dateTime",
      keyPoints: "agenda.errors.keyPointTooLong?max=1000",
      durationMinutes: "agenda.errors.duration?max=1440",
    });
  });

  it.each([
    ["0", "agenda.errors.duration?max=1440"],
    ["-5", "agenda.errors.duration?max=1440"],
    ["1.5", "agenda.errors.duration?max=1440"],
    ["1441", "agenda.errors.duration?max=1440"],
    ["abc", "agenda.errors.duration?max=1440"],
    ["", "errors.required"],
  ])("refuses the duration %j", (durationMinutes, message) => {
    expect(errorsOf(agendaItemFormSchema(ZONE).safeParse({ ...form, durationMinutes })).durationMinutes).toBe(message);
  });

  it("refuses an unknown kind, a long title, a bad start and a control character", () => {
    const errors = errorsOf(
      agendaItemFormSchema(ZONE).safeParse({
        ...form,
        kind: "dance",
        title: "Đ".repeat(201),
        startsAt: "2017-02-30T10:00",
        place: "a\u0007b",
      }),
    );
    expect(errors.kind).toMatch(/^agenda\.errors\.kind\?kinds=arrival, opening/);
    expect(errors.title).toBe("errors.tooLong?max=200");
    expect(errors.place).toBe("errors.controlChars");
    // The start is checked once the fields are valid.
    expect(errorsOf(agendaItemFormSchema(ZONE).safeParse({ ...form, startsAt: "2017-02-30T10:00" })).startsAt).toBe("errors.dateTime");
    expect(errorsOf(agendaItemFormSchema(ZONE).safeParse({ ...form, startsAt: "" })).startsAt).toBe("errors.required");
  });

  it("accepts a 200-character Vietnamese title and refuses a too long key point", () => {
    expect(agendaItemFormSchema(ZONE).safeParse({ ...form, title: "ệ".repeat(200) }).success).toBe(true);
    expect(errorsOf(agendaItemFormSchema(ZONE).safeParse({ ...form, keyPoints: "x".repeat(1001) })).keyPoints).toBe(
      "agenda.errors.keyPointTooLong?max=1000",
    );
  });
});

describe("agenda API schemas", () => {
  it("creates with defaults and refuses unknown fields", () => {
    const parsed = agendaItemApiCreateSchema.parse({ title: "Bế mạc", durationMinutes: 5 });
    expect(parsed).toMatchObject({ title: "Bế mạc", durationMinutes: 5, kind: "other" });
    expect(parsed.startsAt ?? null).toBeNull();
    expect(parsed.position ?? null).toBeNull();
    const unknown = agendaItemApiCreateSchema.safeParse({ title: "x", durationMinutes: 5, colour: "red" });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues).toMatchObject([{ code: "unrecognized_keys", keys: ["colour"] }]);
  });

  it("needs an offset on startsAt and whole positive numbers", () => {
    const errors = errorsOf(
      agendaItemApiCreateSchema.safeParse({ title: "x", durationMinutes: 0, startsAt: "2017-10-19T14:00:00", position: 0 }),
    );
    expect(errors.startsAt).toBe("errors.dateTime");
    expect(errors.durationMinutes).toBe("agenda.errors.duration?max=1440");
    expect(errors.position).toBe("agenda.errors.position");
    expect(errorsOf(agendaItemApiCreateSchema.safeParse({ title: "x", durationMinutes: true })).durationMinutes).toBe(
      "agenda.errors.duration?max=1440",
    );
  });

  it("takes key points as an array of single lines", () => {
    expect(agendaItemApiCreateSchema.parse({ title: "x", durationMinutes: 5, keyPoints: [" a ", "", "b"] }).keyPoints).toEqual(["a", "b"]);
    expect(errorsOf(agendaItemApiCreateSchema.safeParse({ title: "x", durationMinutes: 5, keyPoints: "a" })).keyPoints).toBe(
      "agenda.errors.keyPointsArray",
    );
    expect(errorsOf(agendaItemApiCreateSchema.safeParse({ title: "x", durationMinutes: 5, keyPoints: ["a\nb"] }))["keyPoints.0"]).toBe(
      "errors.controlChars",
    );
  });

  it("patches only what is sent; null clears", () => {
    expect(agendaItemApiPatchSchema.parse({})).toEqual({});
    expect(agendaItemApiPatchSchema.parse({ place: null, speakerInvitationId: null, keyPoints: null })).toEqual({
      place: null,
      speakerInvitationId: null,
      keyPoints: [],
    });
    expect(errorsOf(agendaItemApiPatchSchema.safeParse({ title: null })).title).toBe("errors.required");
  });
});

describe("keyPointsFromText", () => {
  it("splits, trims and composes Vietnamese letters (NFC)", () => {
    expect(keyPointsFromText("Ý mo\u0323\u0302t\n\n b ")).toEqual(["Ý một", "b"]);
    expect(keyPointsFromText(null)).toEqual([]);
  });
});
