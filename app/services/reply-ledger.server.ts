/**
 * What the attendee list shows about answers and mail for a page of invitations: the latest mailed answer (its
 * client, channel, time, note and number of guests), the conflict between the web and the mailed answer when they
 * disagree (app/domain/inbound/ledger.ts), and a bounce that stands.
 */
import type { Db } from "#db/client.server";
import { conflictOf, type ReplyConflict } from "~/domain/inbound/ledger";
import { getEventCalendarSequence } from "~/models/events.server";
import { listReplyLedgers, listStandingBounces, type LedgerRow } from "~/models/inbound.server";

export interface MailedAnswer {
  partstat: string;
  client: string | null;
  channel: string | null;
  answeredAt: Date;
  comment: string | null;
  guests: number | null;
  delegatedTo: string | null;
  /** Whether this answer set the status (else it was older than another, see `outcome`). */
  applied: boolean;
  outcome: string;
}

export interface ReplySummary {
  mail: MailedAnswer | null;
  conflict: ReplyConflict | null;
  bounce: { at: Date; reason: string | null } | null;
}

export async function replySummaries(db: Db, eventId: string, invitationIds: readonly string[]): Promise<Map<string, ReplySummary>> {
  const out = new Map<string, ReplySummary>();
  if (invitationIds.length === 0) return out;
  const [eventSequence, ledger, bounces] = await Promise.all([
    getEventCalendarSequence(db, eventId),
    listReplyLedgers(db, invitationIds),
    listStandingBounces(db, invitationIds),
  ]);
  const sequence = eventSequence ?? 0;
  const byInvitation = new Map<string, LedgerRow[]>();
  for (const row of ledger) byInvitation.set(row.invitationId, [...(byInvitation.get(row.invitationId) ?? []), row]);
  const bounceOf = new Map(bounces.map((b) => [b.invitationId, b]));
  for (const id of invitationIds) {
    const rows = byInvitation.get(id) ?? [];
    const mailed = rows.filter((r) => r.source === "email");
    const latest = mailed.reduce<LedgerRow | null>((best, r) => (!best || r.answeredAt.getTime() >= best.answeredAt.getTime() ? r : best), null);
    const bounce = bounceOf.get(id);
    if (!latest && !bounce) continue;
    out.set(id, {
      mail: latest
        ? {
            partstat: latest.partstat,
            client: latest.client,
            channel: latest.channel,
            answeredAt: latest.answeredAt,
            comment: latest.comment,
            guests: latest.guests,
            delegatedTo: latest.delegatedTo,
            applied: latest.applied,
            outcome: latest.outcome,
          }
        : null,
      conflict: conflictOf(rows, sequence),
      bounce: bounce?.bouncedAt ? { at: bounce.bouncedAt, reason: bounce.reason } : null,
    });
  }
  return out;
}
