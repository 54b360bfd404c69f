import { describe, expect, it } from "vitest";
import type { AgendaKind } from "./agenda";
import {
  changeTiming,
  defaultStartAt,
  firstStart,
  indexForStart,
  insertItem,
  issuesByItem,
  moveTo,
  pushForward,
  reorder,
  sameOrder,
} from "./agenda-edit";

const at = (hhmm: string) => new Date(`2017-10-19T${hhmm}:00+07:00`);
const item = (id: string, start: string, minutes: number, kind: AgendaKind = "other") => ({
  id,
  startsAt: at(start),
  durationMinutes: minutes,
  kind,
});
const times = (items: { id: string; startsAt: Date }[]) =>
  items.map((x) => `${x.id}@${x.startsAt.toISOString().slice(11, 16)}`);
// 14:00+07:00 is 07:00Z: the helper shows UTC hours.

describe("changeTiming (a changed duration or start cascades)", () => {
  const agenda = [item("a", "14:00", 5), item("b", "14:05", 10), item("c", "14:15", 10), item("d", "14:40", 5)];

  it("moves later items by the change, keeping the gaps between them", () => {
    const out = changeTiming(agenda, "b", { durationMinutes: 20 });
    expect(times(out)).toEqual(["a@07:00", "b@07:05", "c@07:25", "d@07:50"]);
    expect(out.find((x) => x.id === "b")!.durationMinutes).toBe(20);
  });

  it("pulls later items earlier when an item gets shorter", () => {
    expect(times(changeTiming(agenda, "a", { durationMinutes: 2 }))).toEqual(["a@07:00", "b@07:02", "c@07:12", "d@07:37"]);
  });

  it("leaves earlier items alone: moving a start before the previous end makes an overlap", () => {
    const out = changeTiming(agenda, "c", { startsAt: at("14:10") });
    expect(times(out)).toEqual(["a@07:00", "b@07:05", "c@07:10", "d@07:35"]);
    expect(issuesByItem(out, { startsAt: at("14:00"), endsAt: at("16:00") }).get("c")).toEqual([{ kind: "overlap", withId: "b" }]);
  });

  it("changes nothing for an unknown id and never mutates its input", () => {
    const copy = structuredClone(agenda);
    expect(times(changeTiming(agenda, "zz", { durationMinutes: 90 }))).toEqual(times(agenda));
    changeTiming(agenda, "a", { durationMinutes: 90 });
    expect(agenda).toEqual(copy);
  });
});

describe("insertItem", () => {
  const agenda = [item("a", "14:00", 5), item("b", "14:05", 10), item("c", "15:00", 10)];

  it("without a start, begins when the previous item ends and pushes later items only as far as needed", () => {
    const { items, index } = insertItem(agenda, { id: "n", startsAt: null, durationMinutes: 15, kind: "other" }, 1, at("14:00"));
    expect(index).toBe(1);
    // n takes b's slot; b moves to n's end; c had room (15:00) and stays.
    expect(times(items)).toEqual(["a@07:00", "n@07:05", "b@07:20", "c@08:00"]);
  });

  it("places an item with a start by its time, before an item starting at the same time", () => {
    expect(indexForStart(agenda, at("14:05"))).toBe(1);
    expect(indexForStart(agenda, at("14:06"))).toBe(2);
    expect(indexForStart(agenda, at("13:00"))).toBe(0);
    expect(indexForStart(agenda, at("18:00"))).toBe(3);
    const { items } = insertItem(agenda, { id: "n", startsAt: at("14:05"), durationMinutes: 5, kind: "other" }, null, at("14:00"));
    expect(times(items)).toEqual(["a@07:00", "n@07:05", "b@07:10", "c@08:00"]);
  });

  it("appends without a start or position, after the last item; first item at the fallback", () => {
    expect(times(insertItem(agenda, { id: "n", startsAt: null, durationMinutes: 5, kind: "other" }, null, at("09:00")).items).at(-1)).toBe(
      "n@08:10",
    );
    const none: ReturnType<typeof item>[] = [];
    expect(times(insertItem(none, { id: "n", startsAt: null, durationMinutes: 5, kind: "other" }, null, at("14:00")).items)).toEqual([
      "n@07:00",
    ]);
    expect(defaultStartAt(agenda, 0, at("09:00")).toISOString()).toBe(at("14:00").toISOString());
  });

  it("clamps a position past the end", () => {
    expect(insertItem(agenda, { id: "n", startsAt: null, durationMinutes: 5, kind: "other" }, 99, at("14:00")).index).toBe(3);
  });

  it("pushForward stops at the first item that does not need to move", () => {
    const overlapping = [item("a", "14:00", 30), item("b", "14:10", 5), item("c", "16:00", 5), item("d", "16:01", 5)];
    expect(times(pushForward(overlapping, 1))).toEqual(["a@07:00", "b@07:30", "c@09:00", "d@09:01"]);
  });
});

describe("reorder and moveTo (drag and drop, move up/down)", () => {
  const agenda = [item("a", "13:45", 15), item("b", "14:00", 5), item("c", "14:10", 10)];

  it("lays the new order out back to back from the agenda's first start", () => {
    expect(times(reorder(agenda, ["c", "a", "b"]))).toEqual(["c@06:45", "a@06:55", "b@07:10"]);
    expect(firstStart(agenda)?.toISOString()).toBe(at("13:45").toISOString());
    expect(firstStart([])).toBeNull();
  });

  it("ignores unknown and repeated ids and keeps missing ones after", () => {
    expect(reorder(agenda, ["b", "zz", "b"]).map((x) => x.id)).toEqual(["b", "a", "c"]);
  });

  it("moves one item to an index", () => {
    expect(moveTo(agenda, "a", 1).map((x) => x.id)).toEqual(["b", "a", "c"]);
    expect(moveTo(agenda, "c", 0).map((x) => x.id)).toEqual(["c", "a", "b"]);
    expect(moveTo(agenda, "a", 99).map((x) => x.id)).toEqual(["b", "c", "a"]);
    expect(moveTo(agenda, "zz", 0).map((x) => x.id)).toEqual(["a", "b", "c"]);
  });

  it("sameOrder", () => {
    expect(sameOrder(agenda, ["a", "b", "c"])).toBe(true);
    expect(sameOrder(agenda, ["a", "c", "b"])).toBe(false);
    expect(sameOrder(agenda, ["a", "b"])).toBe(false);
  });
});

describe("issuesByItem", () => {
  const event = { startsAt: at("14:00"), endsAt: at("16:00") };

  it("flags an overlap on both items and times outside the event", () => {
    const issues = issuesByItem(
      [item("a", "14:00", 30), item("b", "14:20", 10), item("c", "15:50", 20), item("d", "13:50", 5, "speech")],
      event,
    );
    expect(issues.get("a")).toEqual([{ kind: "overlap", withId: "b" }]);
    expect(issues.get("b")).toEqual([{ kind: "overlap", withId: "a" }]);
    expect(issues.get("c")).toEqual([{ kind: "pastEventEnd" }]);
    expect(issues.get("d")).toEqual([{ kind: "beforeEventStart" }]);
  });

  it("does not flag the arrival of guests for starting before the ceremony", () => {
    const issues = issuesByItem([item("a", "13:45", 15, "arrival"), item("b", "14:00", 5)], event);
    expect(issues.get("a")).toEqual([]);
    expect(issues.get("b")).toEqual([]);
  });
});
