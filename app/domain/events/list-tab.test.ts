import { describe, expect, it } from "vitest";
import { defaultEventListTab, isEventListTab } from "./list-tab";

describe("defaultEventListTab", () => {
  it("opens on upcoming events while there are any", () => {
    expect(defaultEventListTab({ upcoming: 1, past: 5, cancelled: 2 })).toBe("upcoming");
  });
  it("opens on past events when nothing is upcoming (a fresh install's demo)", () => {
    expect(defaultEventListTab({ upcoming: 0, past: 1, cancelled: 0 })).toBe("past");
  });
  it("stays on upcoming when there is nothing at all, or only cancelled events", () => {
    expect(defaultEventListTab({ upcoming: 0, past: 0, cancelled: 0 })).toBe("upcoming");
    expect(defaultEventListTab({ upcoming: 0, past: 0, cancelled: 3 })).toBe("upcoming");
  });
});

describe("isEventListTab", () => {
  it("accepts the three tabs only", () => {
    expect(["upcoming", "past", "cancelled"].every(isEventListTab)).toBe(true);
    expect(isEventListTab("all")).toBe(false);
    expect(isEventListTab(null)).toBe(false);
  });
});
