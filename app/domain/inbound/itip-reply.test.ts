import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calAddress, contentLines, matchReply, parseCalendarMessage, parseContentLine, unescapeText } from "./itip-reply";
import { sampleReplyIcs, type SampleClient, type SampleReply } from "../../../server/testing/reply-samples";

const uid = "7f3c1a2e-signet-event@signet.test";
const base: SampleReply = {
  uid,
  sequence: 2,
  dtstamp: new Date("2031-03-01T05:00:00Z"),
  attendee: { email: "lan.nguyen@example.org", name: "Nguyễn Thị Lan" },
  organizer: "rsvp+0123456789abcdef0123456789abcdef@rsvp.signet.test",
  partstat: "ACCEPTED",
};
const expected = { uid, attendeeEmail: "Lan.Nguyen@Example.org" };

describe("content lines", () => {
  it("unfolds and reads quoted parameter values holding ':' ';' and ','", () => {
    const [line] = contentLines('ATTENDEE;CN="Lê, Văn: A";X-RESPONSE-COMMENT="a;b:c"\r\n ;PARTSTAT=ACCEPTED:mailto:a@b.c\r\n');
    const parsed = parseContentLine(line!);
    expect(parsed).toEqual({
      name: "ATTENDEE",
      params: { CN: ["Lê, Văn: A"], "X-RESPONSE-COMMENT": ["a;b:c"], PARTSTAT: ["ACCEPTED"] },
      value: "mailto:a@b.c",
    });
  });
  it("unescapes TEXT and reads addresses case-insensitively", () => {
    expect(unescapeText("a\\, b\\; c\\nd\\\\e")).toBe("a, b; c\nd\\e");
    expect(calAddress("MAILTO:Ba.Lan@Example.ORG")).toBe("ba.lan@example.org");
    expect(calAddress("urn:uuid:1234")).toBeNull();
  });
});

describe("REPLY as each client sends it", () => {
  const clients: SampleClient[] = ["outlook", "outlook.com", "google", "apple"];
  for (const client of clients) {
    it(`${client}: the samples are valid iCalendar (ical.js reads them)`, () => {
      const parsed = new ICAL.Component(ICAL.parse(sampleReplyIcs(client, base)));
      expect(parsed.getFirstPropertyValue("method")).toBe("REPLY");
      expect(parsed.getFirstSubcomponent("vevent")?.getFirstPropertyValue("uid")).toBe(uid);
    });
    for (const partstat of ["ACCEPTED", "DECLINED", "TENTATIVE"] as const) {
      it(`${client}: ${partstat} is read for the invitee, whatever the case of the address`, () => {
        const match = matchReply(parseCalendarMessage(sampleReplyIcs(client, { ...base, partstat })), expected);
        expect(match).toMatchObject({ ok: true, reply: { partstat, sequence: 2, dtstamp: base.dtstamp, attendee: "lan.nguyen@example.org" } });
      });
    }
  }

  it("tells the clients apart by PRODID", () => {
    expect(parseCalendarMessage(sampleReplyIcs("outlook", base)).client).toBe("outlook");
    expect(parseCalendarMessage(sampleReplyIcs("google", base)).client).toBe("google");
    expect(parseCalendarMessage(sampleReplyIcs("apple", base)).client).toBe("apple");
  });

  it("outlook.com sends no ORGANIZER: still matched", () => {
    const message = parseCalendarMessage(sampleReplyIcs("outlook.com", base));
    expect(message.events[0]!.organizer).toBeNull();
    expect(matchReply(message, expected).ok).toBe(true);
    expect(parseCalendarMessage(sampleReplyIcs("outlook", base)).events[0]!.organizer).toBe(base.organizer);
  });

  it("Outlook's note is the VEVENT COMMENT, Google's the X-RESPONSE-COMMENT with X-NUM-GUESTS", () => {
    const outlook = matchReply(parseCalendarMessage(sampleReplyIcs("outlook", { ...base, comment: "Tôi sẽ đến, đúng giờ; cảm ơn." })), expected);
    expect(outlook).toMatchObject({ ok: true, reply: { comment: "Tôi sẽ đến, đúng giờ; cảm ơn.", guests: null } });
    const google = matchReply(
      parseCalendarMessage(sampleReplyIcs("google", { ...base, partstat: "TENTATIVE", comment: "Có thể đến muộn 15 phút, xin lỗi trước", guests: 2 })),
      expected,
    );
    expect(google).toMatchObject({ ok: true, reply: { partstat: "TENTATIVE", comment: "Có thể đến muộn 15 phút, xin lỗi trước", guests: 2 } });
  });

  it("Apple's urn:uuid attendee is matched by its EMAIL parameter", () => {
    const message = parseCalendarMessage(sampleReplyIcs("apple", { ...base, partstat: "DECLINED" }));
    expect(message.events[0]!.attendees[0]!.email).toBe("lan.nguyen@example.org");
    expect(matchReply(message, expected)).toMatchObject({ ok: true, reply: { partstat: "DECLINED", comment: null } });
  });

  it("DELEGATED carries the DELEGATED-TO address", () => {
    const match = matchReply(
      parseCalendarMessage(sampleReplyIcs("google", { ...base, partstat: "DELEGATED", delegatedTo: "Pho.Phong@Example.org" })),
      expected,
    );
    expect(match).toMatchObject({ ok: true, reply: { partstat: "DELEGATED", delegatedTo: "pho.phong@example.org" } });
  });

  it("refuses a REQUEST, another UID, another attendee and an unknown PARTSTAT", () => {
    const reply = sampleReplyIcs("google", base);
    expect(matchReply(parseCalendarMessage(reply.replace("METHOD:REPLY", "METHOD:REQUEST")), expected)).toEqual({ ok: false, reason: "not_reply" });
    expect(matchReply(parseCalendarMessage(reply), { ...expected, uid: "other@signet.test" })).toEqual({ ok: false, reason: "uid_mismatch" });
    expect(matchReply(parseCalendarMessage(reply), { ...expected, attendeeEmail: "someone.else@example.org" })).toEqual({
      ok: false,
      reason: "attendee_mismatch",
    });
    expect(matchReply(parseCalendarMessage(reply.replace("PARTSTAT=ACCEPTED", "PARTSTAT=IN-PROCESS")), expected)).toEqual({
      ok: false,
      reason: "unknown_partstat",
    });
  });

  it("a missing SEQUENCE is 0; a VALARM or VTIMEZONE line never leaks into the event", () => {
    const ics = sampleReplyIcs("outlook", base).replace(/SEQUENCE:2\r\n/, "");
    const event = parseCalendarMessage(ics).events[0]!;
    expect(event.sequence).toBe(0);
    expect(event.dtstamp).toEqual(base.dtstamp);
  });
});
