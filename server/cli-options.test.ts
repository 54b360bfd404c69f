import { describe, expect, it } from "vitest";
import { parseCli } from "./cli-options";

const uuid = "6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b";

describe("token:create options", () => {
  it("defaults: read and write, no event, no expiry, the label CLI", () => {
    expect(parseCli(["token:create", "--email", "a@b.vn"])).toEqual({
      command: "token:create",
      token: { email: "a@b.vn", name: "CLI", scopes: ["read", "write"], eventId: null, expiresDays: null },
    });
  });

  it("takes scopes, one event, an expiry and a label", () => {
    expect(parseCli(["token:create", "--email", "a@b.vn", "--scopes", "read", "--event", uuid.toUpperCase(), "--expires-days", "30", "--name", "Cổng thông tin"])).toEqual({
      command: "token:create",
      token: { email: "a@b.vn", name: "Cổng thông tin", scopes: ["read"], eventId: uuid, expiresDays: 30 },
    });
    const parsed = parseCli(["token:create", "--email", "a@b.vn", "--scopes", "write, read,write"]);
    expect("token" in parsed && parsed.token.scopes).toEqual(["write", "read"]);
  });

  it.each([
    [["token:create"], "--email is required"],
    [["token:create", "--email", "a@b.vn", "--scopes", "admin"], "--scopes must be read, write or read,write"],
    [["token:create", "--email", "a@b.vn", "--scopes", ""], "--scopes must be read, write or read,write"],
    [["token:create", "--email", "a@b.vn", "--scopes", "read,"], "--scopes must be read, write or read,write"],
    [["token:create", "--email", "a@b.vn", "--event", "42"], "--event must be an event id (a UUID)"],
    [["token:create", "--email", "a@b.vn", "--event", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"], "--event must be an event id (a UUID)"],
    [["token:create", "--email", "a@b.vn", "--expires-days", "0"], "--expires-days must be a whole number from 1 to 3650"],
    [["token:create", "--email", "a@b.vn", "--expires-days", "3651"], "--expires-days must be a whole number from 1 to 3650"],
    [["token:create", "--email", "a@b.vn", "--expires-days", "1.5"], "--expires-days must be a whole number from 1 to 3650"],
    [["token:create", "--email", "a@b.vn", "--expires-days", "ten"], "--expires-days must be a whole number from 1 to 3650"],
    [["token:create", "--email", "a@b.vn", "--name", ""], "--name must be 1 to 100 characters"],
    [["token:create", "--email", "a@b.vn", "--name", "x".repeat(101)], "--name must be 1 to 100 characters"],
    [["token:create", "--email", "a@b.vn", "--scope", "read"], "Unknown option '--scope'"],
  ])("refuses %j", (argv, message) => {
    const parsed = parseCli(argv);
    expect("error" in parsed ? parsed.error : null).toContain(message);
    expect("error" in parsed ? parsed.error : "").toContain("Usage:");
  });
});

describe("user:create options and commands", () => {
  it("checks the account's fields", () => {
    expect(parseCli(["user:create", "--email", "a@b.vn", "--name", "Ana", "--role", "viewer"])).toMatchObject({ command: "user:create", user: { role: "viewer" } });
    expect(parseCli(["user:create", "--email", "a@b.vn", "--name", "Ana", "--role", "boss"])).toMatchObject({ error: expect.stringContaining("--role must be one of") });
  });

  it("answers the usage for an unknown command", () => {
    expect(parseCli(["token:delete"])).toMatchObject({ error: expect.stringMatching(/^Usage:/) });
    expect(parseCli([])).toMatchObject({ error: expect.stringMatching(/^Usage:/) });
  });
});
