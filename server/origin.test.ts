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

describe("isCrossOriginWrite, forwarded host and Referer", () => {
  it("ignores X-Forwarded-Host unless the proxy is trusted", () => {
    const headers = { origin: "https://evil.test", host: "localhost:3000", "x-forwarded-host": "evil.test" };
    expect(isCrossOriginWrite("POST", headers)).toBe(true);
    expect(isCrossOriginWrite("POST", headers, { trustProxy: false })).toBe(true);
    // Behind a trusted proxy the forwarded host is the public one.
    const proxied = { origin: "https://signet.example", host: "127.0.0.1:3000", "x-forwarded-host": "signet.example" };
    expect(isCrossOriginWrite("POST", proxied, { trustProxy: true })).toBe(false);
    expect(isCrossOriginWrite("POST", proxied)).toBe(true);
  });
  it("refuses a POST without Origin whose Referer is another site, and lets a same-site Referer through", () => {
    expect(isCrossOriginWrite("POST", { referer: "https://evil.test/page", host: "localhost:3000" })).toBe(true);
    expect(isCrossOriginWrite("POST", { referer: "not a url", host: "localhost:3000" })).toBe(true);
    expect(isCrossOriginWrite("POST", { referer: "http://localhost:3000/events/new", host: "localhost:3000" })).toBe(false);
  });
});
