import { describe, expect, it } from "vitest";
import { conflictOf, decideMailReply, mailAnsweredAt, type LedgerEntry } from "./ledger";

const t = (iso: string) => new Date(`2031-03-01T${iso}:00Z`);
const mail = (partstat: string, sequence: number, at: string, outcome = "applied"): LedgerEntry => ({ source: "email", partstat, sequence, answeredAt: t(at), outcome });
const web = (partstat: string, at: string): LedgerEntry => ({ source: "web", partstat, sequence: 0, answeredAt: t(at), outcome: "applied" });

describe("a mailed reply against the ledger", () => {
  it("applies the first reply of the current SEQUENCE", () => {
    expect(decideMailReply({ currentSequence: 1, ledger: [], reply: { partstat: "ACCEPTED", sequence: 1, answeredAt: t("05:00") } })).toBe("applied");
  });
  it("ignores a SEQUENCE below the event's current one", () => {
    expect(decideMailReply({ currentSequence: 2, ledger: [], reply: { partstat: "ACCEPTED", sequence: 1, answeredAt: t("05:00") } })).toBe(
      "stale_sequence",
    );
  });
  it("at the same SEQUENCE keeps the newest DTSTAMP, whatever the order of arrival", () => {
    const ledger = [mail("DECLINED", 1, "06:00")];
    expect(decideMailReply({ currentSequence: 1, ledger, reply: { partstat: "ACCEPTED", sequence: 1, answeredAt: t("05:00") } })).toBe("older_dtstamp");
    expect(decideMailReply({ currentSequence: 1, ledger, reply: { partstat: "ACCEPTED", sequence: 1, answeredAt: t("07:00") } })).toBe("applied");
  });
  it("a stale reply in the ledger does not make a current one look old", () => {
    const ledger = [mail("DECLINED", 0, "09:00", "stale_sequence")];
    expect(decideMailReply({ currentSequence: 1, ledger, reply: { partstat: "ACCEPTED", sequence: 1, answeredAt: t("05:00") } })).toBe("applied");
  });
  it("reconciles with the web answer by time: a web answer given later stands", () => {
    expect(decideMailReply({ currentSequence: 0, ledger: [web("accepted", "06:00")], reply: { partstat: "DECLINED", sequence: 0, answeredAt: t("05:00") } })).toBe(
      "superseded",
    );
    expect(decideMailReply({ currentSequence: 0, ledger: [web("accepted", "04:00")], reply: { partstat: "DECLINED", sequence: 0, answeredAt: t("05:00") } })).toBe(
      "applied",
    );
  });
  it("a delegation is recorded as such, under the same SEQUENCE and DTSTAMP rules", () => {
    expect(decideMailReply({ currentSequence: 0, ledger: [], reply: { partstat: "DELEGATED", sequence: 0, answeredAt: t("05:00") } })).toBe("delegated");
    expect(decideMailReply({ currentSequence: 1, ledger: [], reply: { partstat: "DELEGATED", sequence: 0, answeredAt: t("05:00") } })).toBe("stale_sequence");
  });
});

describe("the time of a mailed answer", () => {
  it("is its DTSTAMP, never later than its arrival, else the Date header, else the arrival", () => {
    expect(mailAnsweredAt(t("05:00"), t("05:01"))).toEqual(t("05:00"));
    expect(mailAnsweredAt(t("07:00"), t("05:01"))).toEqual(t("05:01"));
    expect(mailAnsweredAt(null, t("05:01"), t("04:30"))).toEqual(t("04:30"));
    expect(mailAnsweredAt(null, t("05:01"))).toEqual(t("05:01"));
  });
});

describe("the conflict shown", () => {
  it("is the latest web and mailed answers when they differ, saying which counts", () => {
    expect(conflictOf([web("ACCEPTED", "04:00"), mail("DECLINED", 0, "05:00")], 0)).toEqual({
      web: { partstat: "ACCEPTED", answeredAt: t("04:00") },
      email: { partstat: "DECLINED", answeredAt: t("05:00") },
      counts: "email",
    });
    expect(conflictOf([web("ACCEPTED", "06:00"), mail("DECLINED", 0, "05:00", "superseded")], 0)?.counts).toBe("web");
  });
  it("is none when they agree, when one source is missing, or when the mail was for an older SEQUENCE", () => {
    expect(conflictOf([web("ACCEPTED", "04:00"), mail("ACCEPTED", 0, "05:00")], 0)).toBeNull();
    expect(conflictOf([mail("DECLINED", 0, "05:00")], 0)).toBeNull();
    expect(conflictOf([web("ACCEPTED", "04:00"), mail("DECLINED", 0, "05:00", "stale_sequence")], 1)).toBeNull();
  });
});
