import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { sha256 } from "./crypto.server";
import { DEVICE_COOKIE_MAX_AGE_S, deviceKeyFor, issueDeviceCookie, readDeviceEntries } from "./device-cookie.server";

const context = { cookieSecrets: ["a-test-secret-of-some-length"], secureCookies: true } as AppLoadContext;
const other = { cookieSecrets: ["another-secret-entirely-here"], secureCookies: true } as AppLoadContext;
const T0 = new Date("2031-01-01T00:00:00Z");

async function requestWith(setCookie: string) {
  return new Request("http://localhost/login", { headers: { Cookie: setCookie.split(";")[0]! } });
}

describe("device cookie", () => {
  it("is issued signed and HttpOnly, names the account, and reads back", async () => {
    const header = await issueDeviceCookie(context, [], "user-1", T0);
    expect(header).toMatch(/^signet_device=/);
    expect(header).toContain("HttpOnly");
    expect(header).toContain("Secure");
    const entries = await readDeviceEntries(await requestWith(header), context, T0);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.u).toBe("user-1");
    expect(deviceKeyFor(entries, "user-1")).toBe(sha256(entries[0]!.n));
    expect(deviceKeyFor(entries, "user-2")).toBeNull();
  });

  it("gives nothing when signed with another secret, tampered with, or too old", async () => {
    const header = await issueDeviceCookie(context, [], "user-1", T0);
    expect(await readDeviceEntries(await requestWith(header), other, T0)).toEqual([]);
    const [name, value] = header.split(";")[0]!.split("=");
    const tampered = new Request("http://localhost/", { headers: { Cookie: `${name}=${value!.slice(0, -3)}abc` } });
    expect(await readDeviceEntries(tampered, context, T0)).toEqual([]);
    const late = new Date(T0.getTime() + DEVICE_COOKIE_MAX_AGE_S * 1000);
    expect(await readDeviceEntries(await requestWith(header), context, late)).toEqual([]);
  });

  it("keeps the five latest accounts, a new nonce for the one signing in", async () => {
    let entries = await readDeviceEntries(await requestWith(await issueDeviceCookie(context, [], "u0", T0)), context, T0);
    const first = entries[0]!.n;
    for (const u of ["u1", "u2", "u3", "u4", "u5", "u0"])
      entries = await readDeviceEntries(await requestWith(await issueDeviceCookie(context, entries, u, T0)), context, T0);
    expect(entries.map((e) => e.u)).toEqual(["u0", "u5", "u4", "u3", "u2"]);
    expect(entries[0]!.n).not.toBe(first);
  });
});
