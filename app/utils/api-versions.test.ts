import { describe, expect, it } from "vitest";
import { expectedVersion, versionToken } from "./api.server";

const request = (headers: Record<string, string> = {}, query = "") => new Request(`http://localhost/api/v1/x${query}`, { headers });
const status = (run: () => unknown) => {
  try {
    run();
    return "ok";
  } catch (error) {
    return error instanceof Response ? error.status : "threw";
  }
};

describe("If-Match and ?version=", () => {
  it("reads a number from If-Match (quoted, weak, bare) or the query; * and nothing mean any", () => {
    expect(expectedVersion(request({ "If-Match": '"3"' }))).toBe(3);
    expect(expectedVersion(request({ "If-Match": 'W/"12"' }))).toBe(12);
    expect(expectedVersion(request({ "If-Match": "7" }))).toBe(7);
    expect(expectedVersion(request({}, "?version=4"))).toBe(4);
    expect(expectedVersion(request({ "If-Match": "*" }))).toBeUndefined();
    expect(expectedVersion(request())).toBeUndefined();
  });

  it("answers 400 for a malformed version, in the header or the query", () => {
    expect(status(() => expectedVersion(request({ "If-Match": '"abc"' })))).toBe(400);
    expect(status(() => expectedVersion(request({ "If-Match": 'W/"' })))).toBe(400);
    expect(status(() => expectedVersion(request({ "If-Match": 'x"3"' })))).toBe(400);
    expect(status(() => expectedVersion(request({}, "?version=3.5")))).toBe(400);
  });

  it("reads a resource's own token shape (the agenda's opaque versions)", () => {
    const opaque = { pattern: /^[A-Za-z0-9_-]{1,64}$/, header: "bad", query: ["bad", "bad"] as [string, string] };
    expect(versionToken(request({ "If-Match": '"lq3k2x1a"' }), opaque)).toBe("lq3k2x1a");
    expect(versionToken(request({}, "?version=a_b-c"), opaque)).toBe("a_b-c");
    expect(status(() => versionToken(request({ "If-Match": '"a b"' }), opaque))).toBe(400);
  });
});
