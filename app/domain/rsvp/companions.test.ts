import { describe, expect, it } from "vitest";
import { companionsComing, companionsFormSchema, companionsWithin, expectedAttendance } from "./companions";

const errorsOf = (allowed: number, input: Record<string, unknown>) => {
  const r = companionsFormSchema(allowed).safeParse(input);
  return r.success ? null : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("companionsFormSchema", () => {
  it("takes the names of the first `count` fields, tidied, and ignores the rest", () => {
    expect(companionsFormSchema(3).parse({ companionCount: "2", companion1: " Nguyễn  Văn An ", companion2: "Trần Thị Bình", companion3: "Lê Thừa" })).toEqual({
      names: ["Nguyễn Văn An", "Trần Thị Bình"],
    });
    expect(companionsFormSchema(3).parse({ companionCount: "", companion1: "Ai" })).toEqual({ names: [] });
    expect(companionsFormSchema(0).parse({ companionCount: "0" })).toEqual({ names: [] });
  });

  it("refuses more than allowed, with the bound in the message", () => {
    expect(errorsOf(2, { companionCount: "3", companion1: "A", companion2: "B", companion3: "C" })).toEqual({ companionCount: "rsvp.companions.errors.count?max=2" });
    expect(errorsOf(0, { companionCount: "1", companion1: "A" })).toEqual({ companionCount: "rsvp.companions.errors.noneAllowed" });
  });

  it.each(["-1", "1.5", "hai", "1e1"])("refuses the count %j", (companionCount) => {
    expect(errorsOf(2, { companionCount })).toEqual({ companionCount: "rsvp.companions.errors.count?max=2" });
  });

  it("asks for each coming companion's name", () => {
    expect(errorsOf(3, { companionCount: "2", companion1: "A", companion2: "  " })).toEqual({ companion2: "rsvp.companions.errors.name" });
    expect(errorsOf(2, { companionCount: "1", companion1: "x".repeat(201) })).toEqual({ companion1: "errors.tooLong?max=200" });
  });
});

describe("companion bounds and counts", () => {
  it("companionsWithin: at most the allowance, no empty names", () => {
    expect(companionsWithin(2, ["A", "B"])).toBe(true);
    expect(companionsWithin(2, ["A", "B", "C"])).toBe(false);
    expect(companionsWithin(0, [])).toBe(true);
    expect(companionsWithin(1, [" "])).toBe(false);
  });

  it("companionsComing: never more than allowed now (the organizer lowered it after the invitee answered)", () => {
    expect(companionsComing({ plusOnes: 1, companionNames: ["A", "B"] })).toEqual(["A"]);
    expect(companionsComing({ plusOnes: 2, companionNames: null })).toEqual([]);
  });

  it("expectedAttendance: accepted invitees and their companions; the declined, unanswered and withdrawn do not count", () => {
    expect(
      expectedAttendance([
        { status: "accepted", withdrawn: false, plusOnes: 2, companionNames: ["A", "B"] },
        { status: "accepted", withdrawn: false, plusOnes: 1, companionNames: null },
        { status: "declined", withdrawn: false, plusOnes: 3, companionNames: ["C"] },
        { status: "sent", withdrawn: false, plusOnes: 3, companionNames: ["D"] },
        { status: "accepted", withdrawn: true, plusOnes: 3, companionNames: ["E"] },
      ]),
    ).toEqual({ invitees: 2, companions: 2, total: 4 });
  });
});
