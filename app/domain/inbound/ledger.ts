/**
 * The reply ledger's rules: which answer an invitation goes by when answers come from the invitee's page and from
 * their calendar, in any order, late or twice. Pure.
 *  - a mailed REPLY whose SEQUENCE is below the event's current one answers an older version: kept, not applied;
 *  - at the same SEQUENCE the newest DTSTAMP wins: a reply written earlier but delivered later is not applied;
 *  - the web answer and the mailed one reconcile by time: the later one counts (a mailed answer's time is its
 *    DTSTAMP, never later than its arrival); when they disagree, the conflict is shown (conflictOf).
 */
import type { ReplyPartstat } from "./itip-reply";

export type ReplySource = "web" | "email";
export type ReplyOutcome = "applied" | "stale_sequence" | "older_dtstamp" | "superseded" | "delegated";

export interface LedgerEntry {
  source: ReplySource | string;
  partstat: string;
  sequence: number;
  answeredAt: Date;
  outcome: string;
}

/** The time a mailed answer is reconciled by: its DTSTAMP, but never later than its arrival (a fast clock). */
export function mailAnsweredAt(dtstamp: Date | null, receivedAt: Date, dateHeader?: Date | null): Date {
  const stated = dtstamp ?? dateHeader ?? null;
  if (!stated || Number.isNaN(stated.getTime())) return receivedAt;
  return stated.getTime() > receivedAt.getTime() ? receivedAt : stated;
}

/** What a newly arrived mailed answer does, given the ledger so far and the event's current SEQUENCE. */
export function decideMailReply(input: {
  currentSequence: number;
  ledger: readonly LedgerEntry[];
  reply: { partstat: ReplyPartstat; sequence: number; answeredAt: Date };
}): ReplyOutcome {
  const { reply, ledger } = input;
  if (reply.sequence < input.currentSequence) return "stale_sequence";
  const newerMail = ledger.some(
    (e) => e.source === "email" && e.outcome !== "stale_sequence" && e.sequence >= reply.sequence && e.answeredAt.getTime() > reply.answeredAt.getTime(),
  );
  if (newerMail) return "older_dtstamp";
  if (reply.partstat === "DELEGATED") return "delegated";
  const newerWeb = ledger.some((e) => e.source === "web" && e.answeredAt.getTime() > reply.answeredAt.getTime());
  if (newerWeb) return "superseded";
  return "applied";
}

export function statusOfPartstat(partstat: string): "accepted" | "declined" | "tentative" | null {
  switch (partstat) {
    case "ACCEPTED":
      return "accepted";
    case "DECLINED":
      return "declined";
    case "TENTATIVE":
      return "tentative";
    default:
      return null;
  }
}

export interface ReplyConflict {
  web: { partstat: string; answeredAt: Date };
  email: { partstat: string; answeredAt: Date };
  /** The source whose answer counts (the later one). */
  counts: ReplySource;
}

/**
 * The latest web answer and the latest mailed one (of the current SEQUENCE or later), when they disagree; else
 * null. A delegation is not an answer of its own here (the delegates feature shows it).
 */
export function conflictOf(ledger: readonly LedgerEntry[], currentSequence: number): ReplyConflict | null {
  const latest = (source: ReplySource) =>
    ledger
      .filter((e) => e.source === source && e.partstat !== "DELEGATED" && (source === "web" || e.sequence >= currentSequence))
      .reduce<LedgerEntry | null>((best, e) => (!best || e.answeredAt.getTime() >= best.answeredAt.getTime() ? e : best), null);
  const web = latest("web");
  const email = latest("email");
  if (!web || !email || web.partstat === email.partstat) return null;
  return {
    web: { partstat: web.partstat, answeredAt: web.answeredAt },
    email: { partstat: email.partstat, answeredAt: email.answeredAt },
    counts: web.answeredAt.getTime() > email.answeredAt.getTime() ? "web" : "email",
  };
}
