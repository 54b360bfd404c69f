import { describe, expect, it } from "vitest";
import { mailActionSchema, scheduleReminderSchema } from "./mail.schema";

const id = "0b6f2c1e-4d8a-4c55-9d2e-3f1a7b9c8d01";

describe("mailActionSchema", () => {
  it("reads a selection posted from another page (repeated invitationId fields)", () => {
    expect(mailActionSchema.parse({ intent: "send-selected", invitationId: [id, id], requestId: "r-1" })).toEqual({
      intent: "send-selected",
      invitationId: [id, id],
      requestId: "r-1",
    });
    expect(mailActionSchema.parse({ intent: "send-selected", invitationId: [id], requestId: "" })).toEqual({
      intent: "send-selected",
      invitationId: [id],
    });
  });
  it("refuses an empty selection, a bad id and an unknown intent", () => {
    const empty = mailActionSchema.safeParse({ intent: "send-selected", invitationId: [] });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toBe("mail.error.noSelection");
    expect(mailActionSchema.safeParse({ intent: "send-selected", invitationId: ["1; drop table"] }).success).toBe(false);
    expect(mailActionSchema.safeParse({ intent: "send-everything" }).success).toBe(false);
    expect(mailActionSchema.safeParse({ intent: "send-all", requestId: "has space" }).success).toBe(false);
  });
  it("reads the confirmation of a send, and nothing else as one", () => {
    expect(mailActionSchema.parse({ intent: "send-all", requestId: "r-1", confirmed: "1" })).toEqual({ intent: "send-all", requestId: "r-1", confirmed: "1" });
    expect(mailActionSchema.parse({ intent: "send-not-sent", confirmed: "" })).toEqual({ intent: "send-not-sent" });
    expect(mailActionSchema.parse({ intent: "send-selected", invitationId: [id] })).not.toHaveProperty("confirmed", "1");
    expect(mailActionSchema.safeParse({ intent: "send-all", confirmed: "yes" }).success).toBe(false);
  });
  it("parses the other buttons", () => {
    expect(mailActionSchema.parse({ intent: "send-not-sent", invitationId: [] })).toEqual({ intent: "send-not-sent" });
    expect(mailActionSchema.parse({ intent: "remind-now" })).toEqual({ intent: "remind-now" });
    expect(mailActionSchema.parse({ intent: "cancel-reminder", reminderId: id })).toEqual({ intent: "cancel-reminder", reminderId: id });
    expect(mailActionSchema.parse({ intent: "schedule-reminder", daysBefore: " 7 " })).toEqual({ intent: "schedule-reminder", daysBefore: 7 });
  });
});

describe("scheduleReminderSchema", () => {
  it.each(["1", "60", 3])("accepts %j", (value) => {
    expect(scheduleReminderSchema.safeParse({ daysBefore: value }).success).toBe(true);
  });
  it.each(["0", "61", "", "2.5", "abc", "-1", 1.5])("refuses %j with the field's message", (value) => {
    const result = scheduleReminderSchema.safeParse({ daysBefore: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("mail.error.daysBefore");
  });
});
