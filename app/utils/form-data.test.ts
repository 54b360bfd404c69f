import { describe, expect, it } from "vitest";
import { readForm, versionField } from "./form-data.server";

describe("versionField", () => {
  it.each([
    ["1", 1],
    ["42", 42],
    ["abc", null],
    ["1.5", null],
    ["1e3", null],
    [" 2", null],
    ["0", null],
    ["-1", null],
    ["", null],
    [null, null],
    [undefined, null],
    ["1234567890", null],
  ])("%s → %s", (input, expected) => expect(versionField(input)).toBe(expected));
});


/** What readForm threw: the status and the refusal's data. */
async function refusal(request: Request): Promise<{ status: number; data: unknown }> {
  try {
    await readForm(request);
  } catch (thrown) {
    const t = thrown as { type?: string; init?: { status?: number }; data?: unknown };
    if (t.type === "DataWithResponseInit") return { status: t.init?.status ?? 0, data: t.data };
    throw thrown;
  }
  throw new Error("readForm accepted the request");
}

const post = (body: BodyInit | null, type?: string) =>
  new Request("http://localhost/x", { method: "POST", body, headers: type ? { "Content-Type": type } : {} });

describe("readForm", () => {
  it("reads urlencoded and multipart forms", async () => {
    const form = await readForm(post("title=L%E1%BB%85+k%C3%BD&ids=1&ids=2", "application/x-www-form-urlencoded"));
    expect(form.get("title")).toBe("Lễ ký");
    expect(form.getAll("ids")).toEqual(["1", "2"]);
    const multipart = new FormData();
    multipart.append("title", "Lễ ký kết 🎉");
    expect((await readForm(new Request("http://localhost/x", { method: "POST", body: multipart }))).get("title")).toBe("Lễ ký kết 🎉");
  });

  it("answers 415 for a missing or wrong Content-Type, not Node's TypeError", async () => {
    expect((await refusal(post(null))).status).toBe(415);
    expect((await refusal(post("a=b", "text/plain"))).status).toBe(415);
    expect((await refusal(post('{"a":1}', "application/json"))).status).toBe(415);
    expect((await refusal(post("--x", "multipart/form-data"))).status).toBe(415);
  });

  it("answers 400 for a body it cannot parse and 413 for one over the limit", async () => {
    expect((await refusal(post("--zzz\r\nbroken", "multipart/form-data; boundary=zzz"))).status).toBe(400);
    expect((await refusal(post("%zz=1", "application/x-www-form-urlencoded"))).status).toBe(400);
    expect((await refusal(post(`a=${"x".repeat(2_200_000)}`, "application/x-www-form-urlencoded"))).status).toBe(413);
  });

  it("refuses NUL, lone surrogates and bytes that are not UTF-8 with 422 naming the field", async () => {
    for (const value of ["a%00b", "%ED%A0%80", "%FF", "%C0%AF", "%zz"]) {
      expect(await refusal(post(`intent=save&title=${value}`, "application/x-www-form-urlencoded"))).toEqual({
        status: 422,
        data: { code: "bad_text", status: 422, field: "title" },
      });
    }
    const multipart = new FormData();
    multipart.append("note", "x\u0000y");
    expect((await refusal(new Request("http://localhost/x", { method: "POST", body: multipart }))).data).toMatchObject({
      field: "note",
    });
  });
});
