import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { noticeHeader, redirectWithNotice, takeNotice } from "./notice.server";

const context = { cookieSecrets: ["s3cret"], secureCookies: false } as unknown as AppLoadContext;
const other = { cookieSecrets: ["another"], secureCookies: false } as unknown as AppLoadContext;

function requestWith(setCookie: string, path = "/events/1"): Request {
  return new Request(`http://localhost${path}`, { headers: { Cookie: setCookie.split(";")[0]! } });
}

describe("flash notices", () => {
  it("carries a notice through a redirect to the next request, which clears it", async () => {
    const response = await redirectWithNotice(context, "/events/1", { key: "photos.deleted", params: { number: 3 } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/events/1");
    const taken = await takeNotice(requestWith(response.headers.get("Set-Cookie")!), context);
    expect(taken.notice).toEqual({ tone: "ok", key: "photos.deleted", params: { number: 3 } });
    expect(taken.clear).toMatch(/signet_notice=;.*Max-Age=0/);
  });

  it("keeps the tone it was given", async () => {
    const taken = await takeNotice(requestWith(await noticeHeader(context, "/events/1", { key: "errors.invalid", tone: "warn" })), context);
    expect(taken.notice?.tone).toBe("warn");
  });

  it("ignores a cookie signed with another secret, and a key the catalog does not have", async () => {
    const forged = await takeNotice(requestWith(await noticeHeader(other, "/events/1", { key: "errors.invalid" })), context);
    expect(forged.notice).toBeNull();
    expect(forged.clear).not.toBeNull();
    const unknownKey = await takeNotice(requestWith(await noticeHeader(context, "/events/1", { key: "no.such.key" as never })), context);
    expect(unknownKey.notice).toBeNull();
  });

  it("belongs to the page it was sent to: read there (also by a single-fetch data request), dropped elsewhere", async () => {
    const header = await noticeHeader(context, "/events/1/agenda?moved=2#item-2", { key: "photos.deleted", params: { number: 1 } });
    expect((await takeNotice(requestWith(header, "/events/1/agenda?moved=2"), context)).notice?.key).toBe("photos.deleted");
    expect((await takeNotice(requestWith(header, "/events/1/agenda.data"), context)).notice?.key).toBe("photos.deleted");
    const elsewhere = await takeNotice(requestWith(header, "/events/1/seating"), context);
    expect(elsewhere.notice).toBeNull();
    expect(elsewhere.clear).toMatch(/Max-Age=0/);
    const home = await noticeHeader(context, "/", { key: "photos.deleted" });
    expect((await takeNotice(requestWith(home, "/_root.data"), context)).notice).not.toBeNull();
  });

  it("answers nothing, and sets no cookie, when there is no notice", async () => {
    expect(await takeNotice(new Request("http://localhost/"), context)).toEqual({ notice: null, clear: null });
  });
});
