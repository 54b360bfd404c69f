import { describe, expect, it } from "vitest";
import { calendarFeedUrls, feedTokenFromParam, googleSubscribeUrl } from "./feed-url";

const TOKEN = "q3Vx_9-abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"; // 43 characters, like randomToken(32)

describe("calendarFeedUrls", () => {
  it("gives the https address and the same address as webcal:", () => {
    expect(calendarFeedUrls("https://signet.example.vn/", TOKEN)).toEqual({
      https: `https://signet.example.vn/calendar/${TOKEN}.ics`,
      webcal: `webcal://signet.example.vn/calendar/${TOKEN}.ics`,
    });
    expect(calendarFeedUrls("http://localhost:3000", TOKEN).webcal).toBe(`webcal://localhost:3000/calendar/${TOKEN}.ics`);
  });
});

describe("feedTokenFromParam", () => {
  it("strips the .ics suffix and accepts only what randomToken can produce", () => {
    expect(feedTokenFromParam(`${TOKEN}.ics`)).toBe(TOKEN);
    expect(feedTokenFromParam(TOKEN)).toBe(TOKEN);
    expect(feedTokenFromParam(undefined)).toBeNull();
    expect(feedTokenFromParam(".ics")).toBeNull();
    expect(feedTokenFromParam("short.ics")).toBeNull(); // fewer than 128 bits
    expect(feedTokenFromParam(`${TOKEN.slice(0, 30)}/../x.ics`)).toBeNull();
    expect(feedTokenFromParam(`${TOKEN}.ics.ics`)).toBeNull();
  });
});

describe("googleSubscribeUrl", () => {
  it("passes the webcal address as cid", () => {
    const url = new URL(googleSubscribeUrl(`webcal://signet.example.vn/calendar/${TOKEN}.ics`));
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/r");
    expect(url.searchParams.get("cid")).toBe(`webcal://signet.example.vn/calendar/${TOKEN}.ics`);
  });
});
