import { describe, expect, it } from "vitest";
import { Lru } from "./lru";

describe("Lru", () => {
  it("keeps at most max entries, forgetting the least recently used", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now the most recent
    lru.set("c", 3);
    expect(lru.size).toBe(2);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
  });

  it("makes a missing value once", () => {
    const lru = new Lru<string, string>(4);
    let made = 0;
    const make = (k: string) => (made++, k.toUpperCase());
    expect(lru.getOrSet("x", make)).toBe("X");
    expect(lru.getOrSet("x", make)).toBe("X");
    expect(made).toBe(1);
  });

  it("refuses a size below one", () => {
    expect(() => new Lru(0)).toThrow();
  });
});
