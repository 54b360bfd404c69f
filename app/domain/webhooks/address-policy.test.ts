import { describe, expect, it } from "vitest";
import { isForbiddenAddress, webhookUrlProblem } from "./address-policy";

describe("isForbiddenAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback /8"],
    ["::1", "IPv6 loopback"],
    ["10.1.2.3", "private 10/8"],
    ["172.16.0.1", "private 172.16/12"],
    ["172.31.255.255", "private 172.16/12, last"],
    ["192.168.1.1", "private 192.168/16"],
    ["169.254.169.254", "link-local (cloud metadata)"],
    ["fe80::1", "IPv6 link-local"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local fd"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["0.0.0.0", "this network"],
    ["::", "unspecified"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback, hex"],
    ["::ffff:10.0.0.1", "IPv4-mapped private"],
    ["::ffff:8.8.8.8", "IPv4-mapped public (mapped forms are refused)"],
    ["64:ff9b::7f00:1", "NAT64 of loopback"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "IPv6 multicast"],
    ["not-an-ip", "not an address"],
  ])("refuses %s (%s)", (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "192.169.0.1", "2606:4700:4700::1111", "2001:4860:4860::8888"])(
    "allows the public address %s",
    (address) => {
      expect(isForbiddenAddress(address)).toBe(false);
    },
  );
});

describe("webhookUrlProblem", () => {
  it("accepts http and https only", () => {
    expect(webhookUrlProblem("https://hooks.example.org/signet")).toBeNull();
    expect(webhookUrlProblem("http://hooks.example.org:8080/x?y=1")).toBeNull();
    expect(webhookUrlProblem("ftp://hooks.example.org/")).toBe("scheme");
    expect(webhookUrlProblem("file:///etc/passwd")).toBe("scheme");
    expect(webhookUrlProblem("gopher://127.0.0.1:25/")).toBe("scheme");
    expect(webhookUrlProblem("hooks.example.org")).toBe("invalid");
    expect(webhookUrlProblem("https://user:pw@hooks.example.org/")).toBe("credentials");
  });
});
