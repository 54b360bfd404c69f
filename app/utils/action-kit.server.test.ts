import { describe, expect, it } from "vitest";
import { z } from "zod";
import { requiredLine } from "~/domain/forms/fields";
import { attempt, parseForm, serviceErrorStatus, statusOf } from "./action-kit.server";
import { ServiceError } from "./errors";

function post(body: Record<string, string | string[]>): Request {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) for (const v of [value].flat()) params.append(key, v);
  return new Request("http://localhost/x", { method: "POST", body: params, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
}

describe("the ServiceError → status table", () => {
  it.each([
    ["not_found", 404],
    ["forbidden", 403],
    ["conflict", 409],
    ["invalid", 422],
  ] as const)("%s is %i", (code, status) => {
    expect(statusOf(new ServiceError(code, "errors.invalid"))).toBe(status);
    expect(serviceErrorStatus[code]).toBe(status);
  });
});

describe("attempt", () => {
  it("gives back the value, or the ServiceError with its status", async () => {
    expect(await attempt(async () => 7)).toEqual({ ok: true, value: 7 });
    const failed = await attempt(async () => {
      throw new ServiceError("conflict", "errors.stale");
    });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect([failed.status, failed.error.message]).toEqual([409, "errors.stale"]);
  });

  it("throws anything else on (a bug is not a user's mistake)", async () => {
    await expect(attempt(async () => Promise.reject(new TypeError("boom")))).rejects.toThrow("boom");
  });
});

describe("parseForm", () => {
  const schema = z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("rename"), name: requiredLine(20) }),
    z.object({ intent: z.literal("tag"), tags: z.array(z.string()).min(1, "errors.required") }),
  ]);

  it("parses one intent of a discriminated union", async () => {
    const form = await parseForm(post({ intent: "rename", name: "  Lễ ký kết " }), schema);
    expect(form.success && form.data).toEqual({ intent: "rename", name: "Lễ ký kết" });
  });

  it("gives field errors and what was typed back", async () => {
    const form = await parseForm(post({ intent: "rename", name: "x".repeat(25) }), schema);
    expect(form.success).toBe(false);
    if (!form.success) {
      expect(form.fieldErrors).toEqual({ name: "errors.tooLong?max=20" });
      expect(form.values).toEqual({ intent: "rename", name: "x".repeat(25) });
    }
  });

  it("reads repeated fields as lists when asked", async () => {
    const form = await parseForm(post({ intent: "tag", tags: ["a", "b"] }), schema, { arrayFields: ["tags"] });
    expect(form.success && form.data).toEqual({ intent: "tag", tags: ["a", "b"] });
  });

  it("refuses an unknown intent with a field error, not a throw", async () => {
    const form = await parseForm(post({ intent: "drop-table" }), schema);
    expect(form.success).toBe(false);
    if (!form.success) expect(Object.keys(form.fieldErrors)).toEqual(["intent"]);
  });
});
