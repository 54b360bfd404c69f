import { describe, expect, it } from "vitest";
import { isCrossOriginWrite } from "./origin";

describe("isCrossOriginWrite", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(isCrossOriginWrite("GET", { origin: "https://evil.example", host: "signet.local" })).toBe(false);
  });
  it("lets a same-origin POST through", () => {
    expect(isCrossOriginWrite("POST", { origin: "http://localhost:3000", host: "localhost:3000" })).toBe(false);
  });
  it("refuses a POST from another origin", () => {
    expect(isCrossOriginWrite("POST", { origin: "https://evil.example", host: "localhost:3000" })).toBe(true);
    expect(isCrossOriginWrite("DELETE", { origin: "http://localhost:3001", host: "localhost:3000" })).toBe(true);
  });
  it("refuses an opaque origin and a cross-site fetch without Origin", () => {
    expect(isCrossOriginWrite("POST", { origin: "null", host: "localhost:3000" })).toBe(true);
    expect(isCrossOriginWrite("POST", { "sec-fetch-site": "cross-site", host: "localhost:3000" })).toBe(true);
  });
  it("lets API clients without browser headers through", () => {
    expect(isCrossOriginWrite("PATCH", { host: "localhost:3000" })).toBe(false);
  });
});
