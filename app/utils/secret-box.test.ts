import { describe, expect, it } from "vitest";
import { secretBox } from "./secret-box.server";

describe("secretBox", () => {
  const box = secretBox("a server secret of enough length");

  it("round-trips, and never stores the plain text", () => {
    const sealed = box.seal("GEZDGNBVGY3TQOJQ", "user-1");
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("GEZDGNBVGY3TQOJQ");
    expect(box.open(sealed, "user-1")).toBe("GEZDGNBVGY3TQOJQ");
    expect(box.seal("GEZDGNBVGY3TQOJQ", "user-1")).not.toBe(sealed);
  });

  it("refuses another account's value, another key, and a tampered value", () => {
    const sealed = box.seal("secret", "user-1");
    expect(box.open(sealed, "user-2")).toBeNull();
    expect(secretBox("another server secret, long").open(sealed, "user-1")).toBeNull();
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    expect(box.open([parts[0], parts[1], parts[2], body.toString("base64url")].join("."), "user-1")).toBeNull();
    expect(box.open("garbage", "user-1")).toBeNull();
  });
});
