import { describe, expect, it } from "vitest";
import { bounceReason, failedRecipients, originalMessageId, parseDeliveryStatus, rawMimePart } from "./dsn";
import { sampleBounce } from "../../../server/testing/reply-samples";

const raw = sampleBounce({
  to: "rsvp+0123456789abcdef0123456789abcdef@rsvp.signet.test",
  failedRecipient: "Nobody@Example.org",
  originalMessageId: "<abc123@signet.test>",
});

describe("delivery status notifications (RFC 3464)", () => {
  it("finds the delivery-status and the returned headers in the source", () => {
    expect(rawMimePart(raw, "message/delivery-status")).toContain("Action: failed");
    expect(originalMessageId(rawMimePart(raw, "text/rfc822-headers") ?? "")).toBe("<abc123@signet.test>");
    expect(rawMimePart(raw, "message/rfc822")).toBeNull();
  });
  it("reads each recipient's action, status and folded diagnostic", () => {
    const report = parseDeliveryStatus(rawMimePart(raw, "message/delivery-status")!);
    expect(report.reportingMta).toBe("mx.example.org");
    expect(report.recipients).toEqual([
      {
        recipient: "nobody@example.org",
        action: "failed",
        status: "5.1.1",
        diagnostic: "550 5.1.1 <Nobody@Example.org>: Recipient address rejected: User unknown in virtual mailbox table",
      },
    ]);
    expect(bounceReason(report.recipients[0]!)).toBe(
      "5.1.1 — 550 5.1.1 <Nobody@Example.org>: Recipient address rejected: User unknown in virtual mailbox table",
    );
  });
  it("only Action: failed is a bounce (delayed is not)", () => {
    const delayed = sampleBounce({ to: "x@y.z", failedRecipient: "a@b.c", originalMessageId: "<m@n>", action: "delayed", status: "4.4.1" });
    expect(failedRecipients(parseDeliveryStatus(rawMimePart(delayed, "message/delivery-status")!))).toEqual([]);
  });
  it("reads a base64-encoded part and several recipients", () => {
    const body = "Reporting-MTA: dns; a.b\n\nFinal-Recipient: rfc822; one@x.org\nAction: failed\nStatus: 5.2.2\n\nFinal-Recipient: rfc822; two@x.org\nAction: delivered\nStatus: 2.0.0\n";
    const message = `Content-Type: multipart/report; report-type=delivery-status; boundary=Q\n\n--Q\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n${Buffer.from(body).toString("base64")}\n--Q--\n`;
    const report = parseDeliveryStatus(rawMimePart(message, "message/delivery-status")!);
    expect(failedRecipients(report).map((r) => r.recipient)).toEqual(["one@x.org"]);
    expect(bounceReason(failedRecipients(report)[0]!)).toBe("5.2.2");
  });
});
