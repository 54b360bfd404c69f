import { describe, expect, it } from "vitest";
import { mailStatusBadgeClass } from "./status";

describe("mailStatusBadgeClass", () => {
  it("gives failed messages the alarming colour and sent ones the calm one", () => {
    expect(mailStatusBadgeClass("failed")).toContain("badge-cancelled");
    expect(mailStatusBadgeClass("sent")).toContain("badge-completed");
    expect(mailStatusBadgeClass("sending")).toContain("badge-scheduled");
    expect(mailStatusBadgeClass("queued")).toBe("badge");
  });
});
