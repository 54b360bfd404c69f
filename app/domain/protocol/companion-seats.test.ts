import { describe, expect, it } from "vitest";
import { companionKeys, holderKey, holderKeySchema, parseHolderKey, withCompanions } from "./companion-seats";

const id = "0b6f3a52-6f35-4d8e-9d7c-2a1f0e3b4c5d";

describe("seat holder keys", () => {
  it("names the invitee by the invitation id and a companion by id:n", () => {
    expect(holderKey(id)).toBe(id);
    expect(holderKey(id, 2)).toBe(`${id}:2`);
    expect(parseHolderKey(`${id}:2`)).toEqual({ invitationId: id, companionIndex: 2 });
    expect(parseHolderKey(id.toUpperCase())).toEqual({ invitationId: id, companionIndex: 0 });
    expect(companionKeys(id, 2)).toEqual([`${id}:1`, `${id}:2`]);
  });
  it("refuses anything else", () => {
    for (const bad of ["", "x", `${id}:0`, `${id}:21`, `${id}:1:2`, `${id}:a`, `${id}:`]) expect(parseHolderKey(bad)).toBeNull();
    expect(holderKeySchema.safeParse(`${id}:0`).success).toBe(false);
    expect(holderKeySchema.parse(`${id}:3`)).toEqual({ invitationId: id, companionIndex: 3 });
  });
  it("puts companions right after who brings them, and keeps them when the host sits elsewhere", () => {
    expect(withCompanions(["A", "B"], { A: ["A:1"], B: ["B:1", "B:2"] }, new Set(["A"]))).toEqual(["A:1", "B", "B:1", "B:2"]);
  });
});
