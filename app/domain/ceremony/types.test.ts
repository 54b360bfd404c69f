import { describe, expect, it } from "vitest";
import { hasRole, isBilateral, mergeAttendance, signatoriesFor, type CeremonyPerson, type GroupAttendanceLine } from "./types";

const person = (id: string, sideId: string | null, roles: CeremonyPerson["roles"] = []): CeremonyPerson => ({ id, sideId, roles });
const line = (id: string, sideId: string | null, place: number | null, order = 0): GroupAttendanceLine => ({ id, textVi: id, textEn: null, sideId, place, order });
const ids = (entries: ReturnType<typeof mergeAttendance>) => entries.map((e) => (e.kind === "person" ? e.person.id : `[${e.line.id}]`));

describe("mergeAttendance", () => {
  const people = [person("L1", "lead"), person("A1", "a"), person("B1", "b"), person("A2", "a")];
  it("puts a line without a place after the last named person of its side, lines among themselves by order", () => {
    expect(ids(mergeAttendance(people, [line("a-group-2", "a", null, 2), line("a-group-1", "a", null, 1), line("lead-group", "lead", null)]))).toEqual([
      "L1", "[lead-group]", "A1", "B1", "A2", "[a-group-1]", "[a-group-2]",
    ]);
  });
  it("puts a line without side, or of a side with no named person, at the end; a placed line at its 1-based place", () => {
    expect(ids(mergeAttendance(people, [line("loose", null, null), line("c", "c", null), line("second", "b", 2), line("far", "b", 99)]))).toEqual([
      "L1", "[second]", "A1", "B1", "A2", "[loose]", "[c]", "[far]",
    ]);
  });
});

describe("roles", () => {
  const people = [
    person("x", "a", [{ kind: "chair" }, { kind: "signatory", documentId: "d1", sideId: "a" }]),
    person("y", "b", [{ kind: "signatory", documentId: "d1", sideId: "b" }, { kind: "signatory", documentId: "d2", sideId: "b" }]),
    person("z", "b", [{ kind: "witness" }]),
  ];
  it("finds the signatories of one party of one document, and any role by kind", () => {
    expect(signatoriesFor(people, "d1", "b").map((p) => p.id)).toEqual(["y"]);
    expect(signatoriesFor(people, "d2", "a")).toEqual([]);
    expect(hasRole(people[0]!, "chair")).toBe(true);
    expect(hasRole(people[2]!, "signatory")).toBe(false);
    expect(isBilateral({ partySideIds: ["a", "b"] })).toBe(true);
    expect(isBilateral({ partySideIds: ["a", "b", "c"] })).toBe(false);
  });
});
