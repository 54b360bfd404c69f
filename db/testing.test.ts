import { describe, expect, it } from "vitest";
import { ServiceError } from "~/utils/errors";
import { expectServiceError } from "./testing";

describe("expectServiceError", () => {
  it("returns the ServiceError of the expected code and message", async () => {
    const error = await expectServiceError(Promise.reject(new ServiceError("conflict", "mail.error.notFailed", { id: "x" })), "conflict", "mail.error.notFailed");
    expect(error.fields).toEqual({ id: "x" });
    expect((await expectServiceError(Promise.reject(new ServiceError("invalid", "errors.invalid")), "invalid")).message).toBe("errors.invalid");
  });

  it.each([
    ["a call that succeeds", () => Promise.resolve(1), "invalid", undefined],
    ["another kind of error", () => Promise.reject(new Error("boom")), "invalid", undefined],
    ["another code", () => Promise.reject(new ServiceError("not_found", "errors.notFound.title")), "conflict", undefined],
    ["another message", () => Promise.reject(new ServiceError("conflict", "mail.error.notFailed")), "conflict", "delegation.errors.decided"],
  ] as const)("fails on %s", async (_label, call, code, message) => {
    await expect(expectServiceError(call(), code, message)).rejects.toThrow();
  });
});
