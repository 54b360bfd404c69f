import { describe, expect, it } from "vitest";
import { agendaIssues, cascade, endOf, layOut, signingCeremonyTemplate, sortAgenda, templateAt } from "./agenda";

const at = (hhmm: string) => new Date(`2017-10-19T${hhmm}:00+07:00`);
const item = (id: string, start: string, minutes: number) => ({ id, startsAt: at(start), durationMinutes: minutes });

describe("agenda times", () => {
  it("computes the end", () => {
    expect(endOf(item("a", "14:00", 25)).toISOString()).toBe(at("14:25").toISOString());
  });
  it("cascades later items after a change, back to back", () => {
    const items = [item("a", "14:00", 20), item("b", "14:10", 10), item("c", "14:20", 5)];
    const out = cascade(items, 0);
    expect(out.map((x) => x.startsAt.toISOString())).toEqual([at("14:00"), at("14:20"), at("14:30")].map((d) => d.toISOString()));
    expect(items[1]!.startsAt.toISOString()).toBe(at("14:10").toISOString()); // input untouched
  });
  it("keeps gaps that existed between later items", () => {
    const before = [item("a", "14:00", 10), item("b", "14:10", 10), item("c", "14:30", 5)];
    const changed = [{ ...before[0]!, durationMinutes: 20 }, before[1]!, before[2]!];
    const out = cascade(changed, 0, before.map(endOf));
    expect(out.map((x) => x.startsAt.toISOString())).toEqual([at("14:00"), at("14:20"), at("14:40")].map((d) => d.toISOString()));
  });
  it("lays reordered items back to back", () => {
    const out = layOut([item("b", "14:10", 10), item("a", "14:00", 5)], at("14:00"));
    expect(out.map((x) => [x.id, x.startsAt.toISOString()])).toEqual([
      ["b", at("14:00").toISOString()],
      ["a", at("14:10").toISOString()],
    ]);
  });
  it("sorts by start, stable for equal starts", () => {
    expect(sortAgenda([item("b", "14:10", 5), item("a", "14:00", 5), item("c", "14:00", 5)]).map((x) => x.id)).toEqual(["a", "c", "b"]);
  });
});

describe("agendaIssues", () => {
  const event = { startsAt: at("14:00"), endsAt: at("16:00") };
  it("flags overlaps and items outside the event", () => {
    const issues = agendaIssues([item("a", "14:00", 30), item("b", "14:20", 10), item("c", "15:50", 20), item("d", "13:50", 5)], event);
    expect(issues).toContainEqual({ kind: "overlap", itemId: "b", withId: "a" });
    expect(issues).toContainEqual({ kind: "pastEventEnd", itemId: "c" });
    expect(issues).toContainEqual({ kind: "beforeEventStart", itemId: "d" });
    expect(issues).toHaveLength(3);
  });
  it("flags an item inside a long one even when it is not the direct neighbour", () => {
    const issues = agendaIssues([item("a", "14:00", 60), item("b", "14:10", 10), item("c", "14:30", 10)], event);
    expect(issues).toEqual([
      { kind: "overlap", itemId: "b", withId: "a" },
      { kind: "overlap", itemId: "c", withId: "a" },
    ]);
  });
  it("accepts back-to-back items", () => {
    expect(agendaIssues([item("a", "14:00", 30), item("b", "14:30", 90)], event)).toEqual([]);
  });
});

describe("signing ceremony template", () => {
  it("follows the protocol order", () => {
    expect(signingCeremonyTemplate.map((t) => t.kind)).toEqual([
      "arrival", "opening", "introduction", "speech", "signing", "speech", "photo", "closing",
    ]);
    expect(signingCeremonyTemplate[2]!.title.vi).toBe("Tuyên bố lý do, giới thiệu đại biểu");
  });
  it("starts the arrival before the event and the ceremony at its start", () => {
    const laid = templateAt(at("14:00"));
    expect(laid[0]!.startsAt.toISOString()).toBe(at("13:45").toISOString());
    expect(laid[1]!.startsAt.toISOString()).toBe(at("14:00").toISOString());
    expect(laid.at(-1)!.startsAt.toISOString()).toBe(at("14:50").toISOString());
  });
});
