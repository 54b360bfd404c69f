import { describe, expect, it } from "vitest";
import { pressTabActionSchema, pressTabIntent } from "./press-tab.schema";

describe("the Press tab's forms", () => {
  it("reads a language button as a new draft, with or without only those who came", () => {
    expect(pressTabActionSchema.parse({ language: "vi" })).toEqual({ intent: "draft", language: "vi", attendedOnly: false });
    expect(pressTabActionSchema.parse({ language: "en", attendedOnly: "1" })).toEqual({ intent: "draft", language: "en", attendedOnly: true });
    const bad = pressTabActionSchema.safeParse({ language: "fr" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("errors.choice");
  });

  it("reads intent=settings as the review rules, an unticked box as off", () => {
    expect(pressTabIntent({ intent: "settings" })).toBe("settings");
    expect(pressTabActionSchema.parse({ intent: "settings", requireSecondApprover: "yes" })).toEqual({ intent: "settings", requireSecondApprover: true });
    expect(pressTabActionSchema.parse({ intent: "settings" })).toEqual({ intent: "settings", requireSecondApprover: false });
    expect(pressTabActionSchema.safeParse({ intent: "settings", requireSecondApprover: "maybe" }).success).toBe(false);
  });

  it("reads any other intent as a draft, as the page always has", () => {
    expect(pressTabIntent({ intent: "publish" })).toBe("draft");
    expect(pressTabActionSchema.safeParse({ intent: "publish" }).success).toBe(false);
  });
});
