/**
 * The invitee's side of an invitation: their page, their answer, their calendar file. The invitee has no
 * account: the personal link (invitation-links.server.ts) is their only key, and the audit log names them.
 */
import { agendaAsText } from "~/domain/agenda/agenda-text";
import { calendarEventFromEvent } from "~/domain/calendar/event-data";
import { termOrMarkedEn } from "~/domain/glossary/in-language";
import type { Db } from "#db/client.server";
import { buildInvitationIcs, calendarLinks, partstatFor, type CalendarEventData, type CalendarPerson } from "~/domain/calendar/ics";
import { DEFAULT_MAIL_FROM, parseMailAddress } from "~/domain/mail/address";
import { answerForIntent, answerWindow, type AnswerWindow, type RsvpIntent } from "~/domain/rsvp/answer-window";
import { listAgenda } from "~/models/agenda.server";
import { getReplyToken, insertLedgerRow } from "~/models/inbound.server";
import { replyAddress } from "~/domain/inbound/reply-address";
import {
  getInviteeInvitation,
  getInviteePageByTokenHash,
  recordInviteeAudit,
  setInvitationAnswer,
  type InviteeInvitation,
  type InviteeProposalRow,
} from "~/models/rsvp.server";
import { COMMENT_MAX } from "~/domain/rsvp/rsvp.schema";
import { ServiceError } from "~/utils/errors";
import { Lru } from "~/utils/lru";
import { sha256 } from "~/utils/crypto.server";
import { linkOpens, tokenHashOf } from "./invitation-links.server";
import { emitWebhook } from "./webhooks.server";

/**
 * The event's programme as the invitee sees it: time and title only (notes, key points and who is responsible
 * are the organizers'). Empty when the event has no agenda; the page then shows no programme section.
 */
export interface InviteeAgendaItem {
  startsAt: Date;
  endsAt: Date;
  title: string;
}
export async function agendaForInvitee(db: Db, eventId: string): Promise<InviteeAgendaItem[]> {
  return (await listAgenda(db, eventId)).map((item) => ({
    startsAt: item.startsAt,
    endsAt: new Date(item.startsAt.getTime() + item.durationMinutes * 60_000),
    title: item.title,
  }));
}

export interface InvitationPage {
  invitation: InviteeInvitation["invitation"];
  person: InviteeInvitation["person"];
  event: InviteeInvitation["event"];
  host: InviteeInvitation["host"];
  window: AnswerWindow;
  agenda: InviteeAgendaItem[];
}

/** The page's data, or null when the invitation does not exist. */
export async function loadInvitationPage(db: Db, invitationId: string, now: Date = new Date()): Promise<InvitationPage | null> {
  const row = await getInviteeInvitation(db, invitationId);
  if (!row) return null;
  return {
    ...row,
    window: answerWindow(row.event, row.invitation, now),
    agenda: await agendaForInvitee(db, row.event.id),
  };
}

/** The page a personal link opens, with what its deputy part shows: the latest proposal, a deputy's principal. */
export interface InvitationPageByToken extends InvitationPage {
  proposal: InviteeProposalRow | null;
  principal: { honorific: string | null; fullName: string } | null;
}

/**
 * The page a personal token opens right now, in one query (issue 12: the invitee page under load); null for an
 * unknown, withdrawn or expired token, as resolveInvitationToken decides.
 */
export async function loadInvitationPageByToken(db: Db, token: string, now: Date = new Date()): Promise<InvitationPageByToken | null> {
  const hash = tokenHashOf(token);
  const row = hash ? await getInviteePageByTokenHash(db, hash) : null;
  if (!row || !linkOpens({ withdrawnAt: row.invitation.withdrawnAt, eventEndsAt: row.event.endsAt }, now)) return null;
  const { agenda, ...rest } = row;
  const principal = row.invitation.deputyForInvitationId ? await getInviteeInvitation(db, row.invitation.deputyForInvitationId) : null;
  return {
    ...rest,
    principal: principal ? { honorific: principal.person.honorific, fullName: principal.person.fullName } : null,
    window: answerWindow(row.event, row.invitation, now),
    agenda: agenda.map((item) => ({
      startsAt: new Date(item.startsAt),
      endsAt: new Date(item.startsAt + item.durationMinutes * 60_000),
      title: item.title,
    })),
  };
}

/** "Bà Nguyễn Thị B" — how the audit log and the page name the invitee. */
export function inviteeName(person: { honorific: string | null; fullName: string }): string {
  return [person.honorific?.trim(), person.fullName.trim()].filter(Boolean).join(" ");
}

/**
 * Records the invitee's answer (Accept / Decline / Maybe) and optional comment, until the event starts.
 * A closed window is a conflict with the reason as message key: rsvp.closed.started | .cancelled | .withdrawn.
 */
export async function respondToInvitation(
  db: Db,
  input: { invitationId: string; intent: RsvpIntent; comment: string | null },
  now: Date = new Date(),
): Promise<{ status: "accepted" | "declined" | "tentative"; respondedAt: Date; comment: string | null }> {
  const row = await getInviteeInvitation(db, input.invitationId);
  if (!row) throw new ServiceError("not_found", "errors.notFound.body");
  const window = answerWindow(row.event, row.invitation, now);
  if (!window.open) throw new ServiceError("conflict", `rsvp.closed.${window.reason}`);
  const comment = input.comment?.normalize("NFC").trim() || null;
  if (comment && comment.length > COMMENT_MAX) {
    throw new ServiceError("invalid", "form.fixErrors", { comment: `errors.tooLong?max=${COMMENT_MAX}` });
  }
  const status = answerForIntent[input.intent];
  const answer = { status, respondedAt: now, comment };
  const changed = await db.transaction(async (tx) => {
    const updated = await setInvitationAnswer(tx, row.invitation.id, answer);
    if (updated) {
      // The reply ledger holds the web answers too: a mailed answer is reconciled with them by time.
      await insertLedgerRow(tx, {
        invitationId: row.invitation.id,
        source: "web",
        channel: null,
        partstat: partstatFor(status),
        sequence: row.event.calendarSequence,
        answeredAt: now,
        receivedAt: now,
        comment,
        guests: null,
        delegatedTo: null,
        client: null,
        messageId: null,
        outcome: "applied",
        applied: true,
      });
      await recordInviteeAudit(tx, {
        actorName: inviteeName(row.person),
        action: "rsvp.respond",
        invitationId: row.invitation.id,
        eventId: row.event.id,
        details: { status, previous: row.invitation.status, ...(comment ? { comment } : {}) },
      });
      await emitWebhook(tx, {
        type: "invitation.answered",
        eventId: row.event.id,
        data: { invitationId: row.invitation.id, status, previousStatus: row.invitation.status, respondedAt: now.toISOString() },
        personalData: { guest: { name: row.person.fullName, email: row.person.email }, comment },
        occurredAt: now,
      });
    }
    return updated;
  });
  // Withdrawn between our read and the update.
  if (!changed) throw new ServiceError("conflict", "rsvp.closed.withdrawn");
  return answer;
}

/** ORGANIZER of the invitee's calendar file: MAIL_FROM, else "Signet <no-reply@signet.local>". */
export function invitationOrganizer(env: Record<string, string | undefined> = process.env): CalendarPerson {
  const parsed = parseMailAddress(env.MAIL_FROM ?? DEFAULT_MAIL_FROM) ?? parseMailAddress(DEFAULT_MAIL_FROM);
  if (!parsed) throw new Error("DEFAULT_MAIL_FROM does not parse");
  return { name: parsed.name || "Signet", email: parsed.address };
}

/**
 * The ORGANIZER of this invitation's own calendar file: with INBOUND_DOMAIN its reply address
 * (rsvp+<reply token>@INBOUND_DOMAIN, so the calendar's Accept comes back to Signet), else MAIL_FROM.
 */
export async function invitationReplyOrganizer(
  db: Db,
  invitationId: string,
  env: Record<string, string | undefined> = process.env,
): Promise<CalendarPerson> {
  const organizer = invitationOrganizer(env);
  const domain = env.INBOUND_DOMAIN?.trim();
  if (!domain) return organizer;
  const token = await getReplyToken(db, invitationId);
  return token ? { name: organizer.name, email: replyAddress(token, domain) } : organizer;
}

/**
 * The event as a calendar entry, with the agenda in its DESCRIPTION, in the invitee's language. All but the URL
 * depends on the event, its agenda and the language only: kept per those (their whole text is the key, so an edited
 * event or agenda is a new entry), as every invitee of an event opens the same one (issue 12).
 */
function calendarEvent(page: Pick<InvitationPage, "event" | "person" | "agenda">, url: string): CalendarEventData {
  const locale = page.person.language;
  const entry = calendarEntries.getOrSet(eventTextKey(locale, page), () => {
    const agenda = agendaAsText(
      page.agenda.map((a) => ({
        startsAt: a.startsAt,
        durationMinutes: (a.endsAt.getTime() - a.startsAt.getTime()) / 60_000,
        title: locale === "en" ? termOrMarkedEn(a.title) : a.title,
      })),
      page.event.timeZone,
      locale,
      { heading: true },
    );
    return calendarEventFromEvent(page.event, { locale, agenda });
  });
  return { ...entry, url };
}

/**
 * The key of what the invitee page keeps per event: a hash of the language, the event's whole text and its
 * agenda's. An edited event or agenda is another key (seen by the next request); the key itself stays 64 bytes
 * however long the description is.
 *
 * Every value of the event and of each agenda item, in their (fixed) order, tagged with its kind and separated by
 * NUL, which no PostgreSQL text holds: a few times cheaper than JSON.stringify, which turns each Date into its ISO
 * text (issue 12: on every request of the page).
 */
export function eventTextKey(language: string, page: { event: object; agenda: readonly object[] }): string {
  let text = language;
  for (const value of Object.values(page.event)) text += `\u0000${keyPart(value)}`;
  for (const item of page.agenda) for (const value of Object.values(item)) text += `\u0000${keyPart(value)}`;
  return sha256(text);
}

const keyPart = (value: unknown): string =>
  value === null || value === undefined
    ? "n"
    : typeof value === "string"
      ? `s${value}`
      : value instanceof Date
        ? `d${value.getTime()}`
        : `j${JSON.stringify(value)}`;

/** Calendar entries without their URL, per event text, agenda and language (a few KB each: the description). */
const calendarEntries = new Lru<string, CalendarEventData>(500);

/**
 * The invitee's own .ics: METHOD:REQUEST with their PARTSTAT (METHOD:CANCEL once the event is cancelled).
 * Without an email address there can be no ATTENDEE, so it is a plain METHOD:PUBLISH of the event.
 * `url` goes into the file: the personal link, so the calendar entry leads back to the answer page.
 */
export function invitationCalendarFile(
  page: Pick<InvitationPage, "event" | "invitation" | "person" | "agenda">,
  options: { url: string; organizer?: CalendarPerson; now?: Date },
): string {
  const event = calendarEvent(page, options.url);
  const organizer = options.organizer ?? invitationOrganizer();
  const cancelled = page.event.status === "cancelled";
  const email = page.person.email?.trim();
  if (!email) return buildInvitationIcs({ method: "PUBLISH", event, organizer, now: options.now });
  return buildInvitationIcs({
    method: cancelled ? "CANCEL" : "REQUEST",
    event,
    organizer,
    attendee: { name: inviteeName(page.person), email, partstat: partstatFor(page.invitation.status) },
    now: options.now,
  });
}

/**
 * Add-to-calendar links, with the invitee's personal link (/i/<token>) in the entry's details: the entry is
 * opened later on other devices, where the cookie address /invitation would only say "link not valid". The
 * token travels to Google or Microsoft in the URL of the link the invitee clicks, as it does in the .ics
 * they import (docs/decisions/013-personal-link-in-calendar-entries.md).
 */
export function invitationCalendarLinks(page: Pick<InvitationPage, "event" | "person" | "agenda">, personalUrl: string) {
  return calendarLinks(calendarEvent(page, personalUrl));
}
