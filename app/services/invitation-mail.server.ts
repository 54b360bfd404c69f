/**
 * Who gets which email about an event, queued in the outbox (mail_messages) — never sent from here. The outbox
 * worker (outbox-worker.server.ts) delivers. Every message has an idempotency key (app/domain/mail/keys.ts), so a
 * double click, a second tab or a repeated call queues nothing twice.
 *
 *  - sendInvitations: to all, to those not yet invited, or to a selection; not_sent → sent.
 *  - remindUnanswered / scheduleReminder / processDueReminders: to invitations still at "sent".
 *  - queueEventUpdate / queueEventCancellation: called by updateEvent / cancelEvent in their transaction.
 *  - queueWithdrawalCancel: one person's METHOD:CANCEL when their invitation is withdrawn.
 *
 * Each email is rendered when it is queued, in the invitee's language, with a personal link token of its own
 * (issueInvitationToken) and the calendar file (METHOD:REQUEST or CANCEL with the event's SEQUENCE).
 */
import { DateTime } from "luxon";
import type { Db } from "#db/client.server";
import { agendaAsText, type AgendaTextItem } from "~/domain/agenda/agenda-text";
import { calendarEventFromEvent } from "~/domain/calendar/event-data";
import { termOrMarkedEn } from "~/domain/glossary/in-language";
import { listAgenda } from "~/models/agenda.server";
import { invitationIcsFactory, partstatFor } from "~/domain/calendar/ics";
import { instantToLocalInput } from "~/domain/dates/phrasing";
import {
  cancellationKey,
  invitationKey,
  invitationRequestKey,
  manualReminderKey,
  scheduledReminderKey,
  updateKey,
  withdrawalKey,
} from "~/domain/mail/keys";
import { previewInvitation, type InvitationPreview } from "~/domain/mail/preview";
import { kindHasLink, oneLine, renderInvitationMail, type MailEventFacts, type MailTemplateKind } from "~/domain/mail/templates";
import { recordAudit } from "~/models/audit.server";
import { getEventDetail, type EventDetail } from "~/models/events.server";
import {
  cancelEventReminders,
  cancelScheduledReminderRow,
  finishReminder,
  getMailRecipient,
  existingMailKeys,
  insertMailMessages,
  insertScheduledReminder,
  listMailRecipients,
  lockDueReminders,
  markInvitationsSent,
  markRecipientsSent,
  countMailRecipients,
  insertPendingInvitations,
  PENDING_RENDER,
  type RecipientFilter,
  scheduledReminderExists,
  type InvitationStatus,
  type MailKind,
  type MailRecipient,
  type NewMailMessage,
} from "~/models/mail.server";
import { insertInvitationTokens } from "~/models/invitation-tokens.server";
import { randomToken, sha256 } from "~/utils/crypto.server";
import { ServiceError } from "~/utils/errors";
import { withdrawInvitation } from "./invitations.server";
import { invitationUrl, TOKEN_BYTES } from "./invitation-links.server";
import { readMailSettings, type MailSettings } from "./mail-transport.server";
import { replyAddress } from "~/domain/inbound/reply-address";

export interface MailActor {
  id: string;
  name: string;
}

export interface MailOptions {
  /** MAIL_FROM and the public URL; read from the environment when not given. */
  settings?: MailSettings;
  now?: Date;
}

export interface SendSummary {
  /** New messages in the outbox. */
  queued: number;
  /** Messages that were queued already (same idempotency key): nothing was added for them. */
  duplicates: number;
  /** Invitees without an email address: nothing can be sent to them. */
  noEmail: number;
}

/** Statuses of invitations that have received something: they must hear about changes and cancellation. */
const INVITED: InvitationStatus[] = ["sent", "accepted", "declined", "tentative"];

const DAY_LIMIT = 60;

type Outcome = keyof SendSummary;

function summarize(outcomes: Outcome[]): SendSummary {
  const summary: SendSummary = { queued: 0, duplicates: 0, noEmail: 0 };
  for (const o of outcomes) summary[o] += 1;
  return summary;
}

function facts(event: Pick<EventDetail, keyof MailEventFacts>): MailEventFacts {
  return {
    title: event.title,
    titleEn: event.titleEn,
    venueNameEn: event.venueNameEn,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    startPrecision: event.startPrecision,
    timeZone: event.timeZone,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    venueRoom: event.venueRoom,
    description: event.description,
  };
}

/** The agenda, read once per event for a whole batch of emails. */
const agendaCache = new WeakMap<EventDetail, Promise<AgendaTextItem[]>>();
function agendaOf(db: Db, event: EventDetail): Promise<AgendaTextItem[]> {
  let cached = agendaCache.get(event);
  if (!cached) {
    cached = listAgenda(db, event.id);
    agendaCache.set(event, cached);
  }
  return cached;
}

const MAIL_KIND: Record<MailTemplateKind, MailKind> = {
  invitation: "invitation",
  update: "update",
  cancellation: "cancellation",
  withdrawal: "cancellation",
  reminder: "reminder",
  delegated: "cancellation",
  deputyRefused: "other",
};

interface QueueRequest {
  event: EventDetail;
  recipient: MailRecipient;
  kind: MailTemplateKind;
  key: string;
  settings: MailSettings;
  now: Date;
  previous?: MailEventFacts | null;
  /** Overrides the event's SEQUENCE (a withdrawal's CANCEL is one above it). */
  sequence?: number;
  meta?: Record<string, unknown>;
  deputyName?: string | null;
  reason?: string | null;
}

/** One email rendered and ready for the outbox, with the hash of the link token it carries (if any). */
interface Prepared {
  message: NewMailMessage;
  token: { invitationId: string; tokenHash: string } | null;
}

/**
 * Per batch: the agenda text in each language, rendered once (not once per recipient), and the calendar file per
 * language, method and SEQUENCE, generated once and filled per recipient (invitationIcsFactory).
 */
interface BatchCache {
  texts: Map<string, string>;
  calendars: Map<string, ReturnType<typeof invitationIcsFactory>>;
}
type AgendaTexts = BatchCache["texts"];

async function agendaText(db: Db, event: EventDetail, locale: "vi" | "en", texts: AgendaTexts): Promise<string> {
  let text = texts.get(locale);
  if (text === undefined) {
    const items = await agendaOf(db, event);
    // English: the organiser's English titles, else the glossary's, else the Vietnamese marked for translation.
    const titled = locale === "en" ? items.map((i) => ({ ...i, title: i.titleEn?.trim() || termOrMarkedEn(i.title) })) : items;
    text = agendaAsText(titled, event.timeZone, locale, { heading: true });
    texts.set(locale, text);
  }
  return text;
}

async function calendarFor(
  db: Db,
  request: QueueRequest,
  method: "REQUEST" | "CANCEL",
  cache: BatchCache,
): Promise<ReturnType<typeof invitationIcsFactory>> {
  const { event, settings, now } = request;
  const locale = request.recipient.language;
  const sequence = request.sequence ?? event.calendarSequence;
  const key = `${event.id}|${locale}|${method}|${sequence}|${now.getTime()}`;
  let make = cache.calendars.get(key);
  if (!make) {
    const { url: _perRecipient, ...calendar } = calendarEventFromEvent(event, { locale, agenda: await agendaText(db, event, locale, cache.texts) });
    make = invitationIcsFactory({
      method,
      event: { ...calendar, sequence },
      organizer: { name: settings.from.name || settings.from.address, email: settings.from.address },
      now,
    });
    cache.calendars.set(key, make);
  }
  return make;
}

async function prepare(db: Db, request: QueueRequest, email: string, cache: BatchCache): Promise<Prepared> {
  const { event, recipient, kind, key, settings, now } = request;
  const locale = recipient.language;
  const method = kind === "cancellation" || kind === "withdrawal" || kind === "delegated" ? "CANCEL" : "REQUEST";
  const token = kindHasLink(kind) ? randomToken(TOKEN_BYTES) : null;
  const link = token ? invitationUrl(settings.appUrl, token) : null;
  const name = oneLine([recipient.honorific ?? "", recipient.fullName].join(" "));
  const rendered = renderInvitationMail({
    kind,
    locale,
    recipient: { fullName: recipient.fullName, honorific: recipient.honorific },
    event: facts(event),
    previous: request.previous ?? null,
    link,
    signature: signatureFor(event, locale, settings),
    deputyName: request.deputyName ?? null,
    reason: request.reason ?? null,
  });
  const make = await calendarFor(db, request, method, cache);
  // With INBOUND_DOMAIN, the calendar's "Accept" goes to this invitation's own reply address, not to MAIL_FROM.
  const replyTo = settings.inboundDomain ? replyAddress(recipient.replyToken, settings.inboundDomain) : null;
  const ics = make({ name: name || email, email, partstat: partstatFor(recipient.status) }, link, replyTo);
  return {
    message: {
      idempotencyKey: key,
      kind: MAIL_KIND[kind],
      eventId: event.id,
      invitationId: recipient.invitationId,
      to: email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      icsMethod: method,
      icsContent: ics,
      meta: {
        toName: name || null,
        language: locale,
        personId: recipient.personId,
        template: kind,
        ...(replyTo ? { replyTo } : {}),
        ...request.meta,
      },
      nextAttemptAt: now,
    },
    token: token ? { invitationId: recipient.invitationId, tokenHash: sha256(token) } : null,
  };
}

/**
 * Renders and queues many emails, set-based: one query for the keys already queued, then multi-row inserts of
 * the messages (ON CONFLICT on the idempotency key) and of the link tokens of the messages that went in — in one
 * transaction (a savepoint inside the caller's), so a token exists exactly when its email was queued. A key that
 * another request queued first counts as a duplicate, as before. Outcomes are in the order of `requests`.
 */
async function queueMany(db: Db, requests: QueueRequest[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = requests.map((r) => (r.recipient.email?.trim() ? "queued" : "noEmail"));
  const candidates = requests.flatMap((r, i) => (outcomes[i] === "queued" ? [i] : []));
  if (candidates.length === 0) return outcomes;
  return db.transaction(async (sp) => {
    const existing = await existingMailKeys(sp, candidates.map((i) => requests[i]!.key));
    const cache: BatchCache = { texts: new Map(), calendars: new Map() };
    const prepared: { index: number; item: Prepared }[] = [];
    const seen = new Set<string>();
    for (const i of candidates) {
      const request = requests[i]!;
      if (existing.has(request.key) || seen.has(request.key)) {
        outcomes[i] = "duplicates";
        continue;
      }
      seen.add(request.key);
      prepared.push({ index: i, item: await prepare(sp, request, request.recipient.email!.trim(), cache) });
    }
    const inserted = await insertMailMessages(sp, prepared.map((p) => p.item.message));
    const tokens: { invitationId: string; tokenHash: string }[] = [];
    for (const { index, item } of prepared) {
      if (!inserted.has(item.message.idempotencyKey)) outcomes[index] = "duplicates";
      else if (item.token) tokens.push(item.token);
    }
    await insertInvitationTokens(sp, tokens);
    return outcomes;
  });
}

async function queueOne(db: Db, request: QueueRequest): Promise<Outcome> {
  const [outcome] = await queueMany(db, [request]);
  return outcome!;
}

function signatureFor(event: EventDetail, locale: "vi" | "en", settings: MailSettings): string {
  if (event.host) return locale === "en" ? (event.host.nameEn ?? event.host.nameVi) : event.host.nameVi;
  return settings.from.name || settings.from.address;
}

async function loadEvent(db: Db, eventId: string): Promise<EventDetail> {
  const event = await getEventDetail(db, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.title");
  return event;
}

/** Invitations and reminders go out only for an event that is still to happen. */
function assertOpen(event: EventDetail) {
  if (event.status === "cancelled" || event.status === "completed") throw new ServiceError("conflict", "mail.error.eventClosed");
}

export type InvitationSelection =
  | { to: "all" }
  | { to: "not_sent" }
  | { to: "selected"; invitationIds: string[] };

/** The recipients a send to this selection considers (withdrawn invitations never). */
function recipientsFor(db: Db, eventId: string, selection: InvitationSelection) {
  return listMailRecipients(db, eventId, {
    ...(selection.to === "not_sent" ? { statuses: ["not_sent"] as InvitationStatus[] } : {}),
    ...(selection.to === "selected" ? { invitationIds: [...new Set(selection.invitationIds)] } : {}),
  });
}

/** The token shown in a preview's reply link, where each invitee's own link will be. */
export const PREVIEW_LINK_TOKEN = "PREVIEW";

/**
 * What sendInvitations would send to this selection, without queuing anything: the count and the email in
 * each language the recipients read, rendered by the same template with the same signature.
 */
export async function previewInvitations(
  db: Db,
  eventId: string,
  selection: InvitationSelection,
  options: MailOptions = {},
): Promise<InvitationPreview> {
  const settings = options.settings ?? readMailSettings();
  if (selection.to === "selected" && selection.invitationIds.length === 0)
    throw new ServiceError("invalid", "mail.error.noSelection");
  const event = await loadEvent(db, eventId);
  assertOpen(event);
  const recipients = await recipientsFor(db, eventId, selection);
  return previewInvitation({
    recipients,
    event: facts(event),
    signature: (locale) => signatureFor(event, locale, settings),
    sampleLink: invitationUrl(settings.appUrl, PREVIEW_LINK_TOKEN),
  });
}

/**
 * Queues invitations. "not_sent" reaches invitations never sent; "all" every invitation that is not withdrawn;
 * "selected" the given ids of this event (ids of another event are ignored). "not_sent" uses the key of the
 * first invitation at the event's SEQUENCE; "all" and "selected" use the form's `requestId` when given (so a
 * double click queues once, and a later submission re-sends), else that same first-invitation key (then an
 * invitee who already has this SEQUENCE's invitation gets nothing new). Invitations not_sent → sent, in the
 * same transaction.
 */
export async function sendInvitations(
  db: Db,
  actor: MailActor,
  eventId: string,
  selection: InvitationSelection,
  options: MailOptions & { requestId?: string | null; /** Tests: how many are rendered in the request. */ renderInlineUpTo?: number } = {},
): Promise<SendSummary> {
  const settings = options.settings ?? readMailSettings();
  const now = options.now ?? new Date();
  if (selection.to === "selected" && selection.invitationIds.length === 0)
    throw new ServiceError("invalid", "mail.error.noSelection");
  return db.transaction(async (tx) => {
    const event = await loadEvent(tx, eventId);
    assertOpen(event);
    // "Not yet invited" is its own guard (status + the first invitation's key); "all" and a selection are
    // keyed by the submitted form, so its double click sends once and a later, deliberate one sends again.
    const requestId = selection.to === "not_sent" ? null : (options.requestId ?? null);
    const seq = event.calendarSequence;
    const keyOf = (invitationId: string) =>
      requestId ? invitationRequestKey(invitationId, seq, requestId) : invitationKey(invitationId, seq);
    const filter = filterFor(selection);
    const reach = await countMailRecipients(tx, eventId, filter);
    let summary: SendSummary;
    if (reach.total - reach.noEmail > (options.renderInlineUpTo ?? RENDER_INLINE_UP_TO)) {
      // A mass send: one INSERT … SELECT, rendered by the outbox worker as it sends (the request answers at once).
      const [keyBefore, keyAfter] = keyOf(KEY_MARK).split(KEY_MARK) as [string, string];
      const { candidates, inserted } = await insertPendingInvitations(tx, {
        eventId,
        filter,
        keyBefore,
        keyAfter,
        subjects: { vi: subjectOf(event, "vi", settings), en: subjectOf(event, "en", settings) },
        sequence: seq,
        now,
      });
      await markRecipientsSent(tx, eventId, filter, now);
      summary = { queued: inserted, duplicates: candidates - inserted, noEmail: reach.noEmail };
    } else {
      const recipients = await recipientsFor(tx, eventId, selection);
      const outcomes = await queueMany(
        tx,
        recipients.map((recipient) => ({ event, recipient, kind: "invitation" as const, key: keyOf(recipient.invitationId), settings, now })),
      );
      const sent = recipients.filter((r, i) => outcomes[i] !== "noEmail" && r.status === "not_sent").map((r) => r.invitationId);
      await markInvitationsSent(tx, sent, now);
      summary = summarize(outcomes);
    }
    await recordAudit(tx, {
      actor,
      action: "mail.send",
      entityType: "event",
      entityId: eventId,
      eventId,
      details: { to: selection.to, title: event.title, ...summary },
    });
    return summary;
  });
}

/**
 * Up to this many emails, a send renders them in the request (the outbox holds the finished email at once);
 * above it, they are queued in one statement and rendered by the outbox worker just before sending.
 */
export const RENDER_INLINE_UP_TO = 200;

/** Stands in for the invitation id when the idempotency key is split around it for SQL. */
const KEY_MARK = "\u0000invitation\u0000";

function filterFor(selection: InvitationSelection): RecipientFilter {
  if (selection.to === "not_sent") return { statuses: ["not_sent"] };
  if (selection.to === "selected") return { invitationIds: [...new Set(selection.invitationIds)] };
  return {};
}

function subjectOf(event: EventDetail, locale: "vi" | "en", settings: MailSettings): string {
  return renderInvitationMail({
    kind: "invitation",
    locale,
    recipient: { fullName: "", honorific: null },
    event: facts(event),
    previous: null,
    link: null,
    signature: signatureFor(event, locale, settings),
  }).subject;
}

/** A claimed outbox message as the worker sends it. */
export interface ClaimedForRender {
  id: string;
  idempotencyKey: string;
  eventId: string | null;
  invitationId: string | null;
  meta: Record<string, unknown> | null;
}

export type RenderOutcome =
  | { id: string; ok: true; subject: string; text: string; html: string; icsMethod: string; icsContent: string; meta: Record<string, unknown> }
  | { id: string; ok: false; error: string };

/** Why a queued invitation was not sent after all (the Mailbox shows last_error as it is, in both languages). */
const RENDER_ERRORS = {
  eventClosed: "Không gửi: sự kiện đã hủy hoặc đã kết thúc (not sent: the event was cancelled or is over)",
  withdrawn: "Không gửi: lời mời đã được rút lại (not sent: the invitation was withdrawn)",
  missing: "Không gửi: không còn người nhận hoặc địa chỉ email (not sent: no recipient or email address any more)",
};

/** Whether a claimed message was queued set-based and still has to be rendered. */
export function isPendingRender(meta: Record<string, unknown> | null | undefined): boolean {
  return meta?.render === PENDING_RENDER;
}

/**
 * Renders claimed messages that a mass send queued without a body (meta.render = "pending"): per event, the
 * event and the agenda are read once and the calendar file generated once (then filled per invitee), the
 * recipients read in one query, and the personal link tokens of the batch inserted in one statement before
 * anything is sent. Each is rendered as the event and the invitee are now; an invitation withdrawn since, or an
 * event cancelled or over since, is not sent (an error the Mailbox shows). The rendered email is stored when it
 * is marked sent (redacted like every SMTP message); a failed try renders afresh next time, with a new link.
 */
export async function renderPendingMail(db: Db, claimed: ClaimedForRender[], settings: MailSettings, now: Date): Promise<RenderOutcome[]> {
  const outcomes: RenderOutcome[] = [];
  const byEvent = new Map<string, ClaimedForRender[]>();
  for (const mail of claimed) {
    if (!mail.eventId || !mail.invitationId) outcomes.push({ id: mail.id, ok: false, error: RENDER_ERRORS.missing });
    else byEvent.set(mail.eventId, [...(byEvent.get(mail.eventId) ?? []), mail]);
  }
  const tokens: { invitationId: string; tokenHash: string }[] = [];
  for (const [eventId, mails] of byEvent) {
    const event = await getEventDetail(db, eventId);
    if (!event || event.status === "cancelled" || event.status === "completed") {
      for (const mail of mails) outcomes.push({ id: mail.id, ok: false, error: RENDER_ERRORS.eventClosed });
      continue;
    }
    const recipients = await listMailRecipients(db, eventId, { invitationIds: mails.map((m) => m.invitationId!), includeWithdrawn: true });
    const byInvitation = new Map(recipients.map((r) => [r.invitationId, r]));
    const cache: BatchCache = { texts: new Map(), calendars: new Map() };
    for (const mail of mails) {
      const recipient = byInvitation.get(mail.invitationId!);
      const email = recipient?.email?.trim();
      if (!recipient || recipient.withdrawnAt || !email) {
        outcomes.push({ id: mail.id, ok: false, error: recipient?.withdrawnAt ? RENDER_ERRORS.withdrawn : RENDER_ERRORS.missing });
        continue;
      }
      const { message, token } = await prepare(db, { event, recipient, kind: "invitation", key: mail.idempotencyKey, settings, now }, email, cache);
      if (token) tokens.push(token);
      const { render: _done, ...meta } = mail.meta ?? {};
      outcomes.push({
        id: mail.id,
        ok: true,
        subject: message.subject,
        text: message.text,
        html: message.html,
        icsMethod: message.icsMethod ?? "REQUEST",
        icsContent: message.icsContent ?? "",
        meta: { ...meta, ...message.meta, renderedAt: now.toISOString() },
      });
    }
  }
  await insertInvitationTokens(db, tokens);
  return outcomes;
}

/** The day in the event's zone, "2031-04-07": at most one hand-sent reminder per invitation per day. */
function localDay(now: Date, zone: string): string {
  return instantToLocalInput(now, zone).slice(0, 10);
}

/** Reminds every invitation still waiting for an answer (status "sent"), now. */
export async function remindUnanswered(db: Db, actor: MailActor, eventId: string, options: MailOptions = {}): Promise<SendSummary> {
  const settings = options.settings ?? readMailSettings();
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const event = await loadEvent(tx, eventId);
    assertOpen(event);
    if (event.startsAt.getTime() <= now.getTime()) throw new ServiceError("conflict", "mail.error.eventClosed");
    const recipients = await listMailRecipients(tx, eventId, { statuses: ["sent"] });
    const day = localDay(now, event.timeZone);
    const outcomes = await queueMany(
      tx,
      recipients.map((recipient) => ({ event, recipient, kind: "reminder" as const, key: manualReminderKey(recipient.invitationId, day), settings, now })),
    );
    const summary = summarize(outcomes);
    await recordAudit(tx, { actor, action: "mail.remind", entityType: "event", entityId: eventId, eventId, details: { title: event.title, ...summary } });
    return summary;
  });
}

/** The moment "N days before": the event's start time, N calendar days earlier in its own zone. */
export function reminderTime(event: { startsAt: Date; timeZone: string }, daysBefore: number): Date {
  return DateTime.fromJSDate(event.startsAt, { zone: event.timeZone }).minus({ days: daysBefore }).toJSDate();
}

export async function scheduleReminder(
  db: Db,
  actor: MailActor,
  eventId: string,
  daysBefore: number,
  options: { now?: Date } = {},
): Promise<{ id: string; sendAt: Date }> {
  const now = options.now ?? new Date();
  if (!Number.isInteger(daysBefore) || daysBefore < 1 || daysBefore > DAY_LIMIT)
    throw new ServiceError("invalid", "mail.error.daysBefore", { daysBefore: "mail.error.daysBefore" });
  return db.transaction(async (tx) => {
    const event = await loadEvent(tx, eventId);
    assertOpen(event);
    const sendAt = reminderTime(event, daysBefore);
    if (sendAt.getTime() <= now.getTime())
      throw new ServiceError("invalid", "mail.error.reminderInPast", { daysBefore: "mail.error.reminderInPast" });
    if (await scheduledReminderExists(tx, eventId, sendAt))
      throw new ServiceError("conflict", "mail.error.reminderExists", { daysBefore: "mail.error.reminderExists" });
    const row = await insertScheduledReminder(tx, { eventId, sendAt, createdBy: actor.id });
    await recordAudit(tx, {
      actor,
      action: "mail.reminder.schedule",
      entityType: "scheduled_reminder",
      entityId: row.id,
      eventId,
      details: { title: event.title, daysBefore, sendAt: sendAt.toISOString() },
    });
    return { id: row.id, sendAt };
  });
}

export async function cancelScheduledReminder(db: Db, actor: MailActor, eventId: string, reminderId: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await cancelScheduledReminderRow(tx, eventId, reminderId))) throw new ServiceError("not_found", "errors.notFound.title");
    await recordAudit(tx, { actor, action: "mail.reminder.cancel", entityType: "scheduled_reminder", entityId: reminderId, eventId });
  });
}

/**
 * Runs the scheduled reminders that are due (the worker calls it on every tick). Each reminder row is locked,
 * its emails queued and the row marked done in one transaction: it runs once, even with two workers. A
 * reminder of an event that is cancelled, over or already started is closed without sending.
 */
export async function processDueReminders(db: Db, now: Date, settings: MailSettings = readMailSettings()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await lockDueReminders(tx, now, 20);
    let queued = 0;
    for (const reminder of due) {
      const event = await getEventDetail(tx, reminder.eventId);
      if (!event || event.status === "cancelled" || event.status === "completed" || event.startsAt.getTime() <= now.getTime()) {
        await finishReminder(tx, reminder.id, "cancelled", now);
        continue;
      }
      const recipients = await listMailRecipients(tx, event.id, { statuses: ["sent"] });
      const outcomes = await queueMany(
        tx,
        recipients.map((recipient) => ({
          event,
          recipient,
          kind: "reminder" as const,
          key: scheduledReminderKey(recipient.invitationId, reminder.id),
          settings,
          now,
          meta: { reminderId: reminder.id },
        })),
      );
      await finishReminder(tx, reminder.id, "done", now);
      const summary = summarize(outcomes);
      queued += summary.queued;
      await recordAudit(tx, {
        actor: null,
        action: "mail.remind",
        entityType: "scheduled_reminder",
        entityId: reminder.id,
        eventId: event.id,
        details: { title: event.title, ...summary },
      });
    }
    return queued;
  });
}

/**
 * After the title, time or place changed (updateEvent, in its transaction, once calendarSequence was raised):
 * a METHOD:REQUEST with the new SEQUENCE to every invitation that was sent or answered and is not withdrawn.
 * `previous` is the event as it was, so the email can show what changed.
 */
export async function queueEventUpdate(
  db: Db,
  eventId: string,
  previous: MailEventFacts | null,
  options: MailOptions = {},
): Promise<SendSummary> {
  const recipients = await listMailRecipients(db, eventId, { statuses: INVITED });
  if (recipients.length === 0) return summarize([]);
  const settings = options.settings ?? readMailSettings();
  const now = options.now ?? new Date();
  const event = await loadEvent(db, eventId);
  const outcomes = await queueMany(
    db,
    recipients.map((recipient) => ({
      event,
      recipient,
      kind: "update" as const,
      key: updateKey(recipient.invitationId, event.calendarSequence),
      settings,
      now,
      previous,
    })),
  );
  return summarize(outcomes);
}

/**
 * After the event was cancelled (cancelEvent, in its transaction, SEQUENCE raised): METHOD:CANCEL,
 * STATUS:CANCELLED to every invitation that was sent or answered and is not withdrawn. Scheduled reminders stop.
 */
export async function queueEventCancellation(db: Db, eventId: string, options: MailOptions = {}): Promise<SendSummary> {
  await cancelEventReminders(db, eventId);
  const recipients = await listMailRecipients(db, eventId, { statuses: INVITED });
  if (recipients.length === 0) return summarize([]);
  const settings = options.settings ?? readMailSettings();
  const now = options.now ?? new Date();
  const event = await loadEvent(db, eventId);
  const outcomes = await queueMany(
    db,
    recipients.map((recipient) => ({
      event,
      recipient,
      kind: "cancellation" as const,
      key: cancellationKey(recipient.invitationId, event.calendarSequence),
      settings,
      now,
    })),
  );
  return summarize(outcomes);
}

export type WithdrawalMailResult = "queued" | "duplicate" | "not_invited" | "no_email" | "event_cancelled";

/**
 * One person's invitation was withdrawn: METHOD:CANCEL to that person only, with SEQUENCE one above the event's
 * (their calendar entry must lose to this CANCEL; the event itself did not change). Call it in the same
 * transaction that sets invitations.withdrawn_at (pass the transaction as `db`), or right after it. Nothing is
 * sent to an invitation that never went out, nor when the whole event was cancelled (they had that CANCEL).
 * Calling it twice queues one message.
 */
export async function queueWithdrawalCancel(
  db: Db,
  invitationId: string,
  appUrl?: string,
  options: MailOptions = {},
): Promise<WithdrawalMailResult> {
  const recipient = await getMailRecipient(db, invitationId);
  if (!recipient) throw new ServiceError("not_found", "errors.notFound.title");
  if (recipient.status === "not_sent") return "not_invited";
  const event = await loadEvent(db, recipient.eventId);
  if (event.status === "cancelled") return "event_cancelled";
  const base = options.settings ?? readMailSettings();
  const settings = appUrl ? { ...base, appUrl: appUrl.replace(/\/+$/, "") } : base;
  const outcome = await queueOne(db, {
    event,
    recipient,
    kind: "withdrawal",
    key: withdrawalKey(invitationId),
    settings,
    now: options.now ?? new Date(),
    sequence: event.calendarSequence + 1,
  });
  return outcome === "queued" ? "queued" : outcome === "noEmail" ? "no_email" : "duplicate";
}

/** The event as the emails describe it: for updateEvent to pass its state before the change. */
export function mailFactsOf(event: Pick<EventDetail, keyof MailEventFacts>): MailEventFacts {
  return facts(event);
}

/**
 * Withdraws one invitation and, in the same transaction, queues the METHOD:CANCEL for that person (when they
 * had been sent the invitation): the withdrawal and its email happen together or not at all.
 */
export async function withdrawInvitationAndNotify(
  db: Db,
  actor: { id: string; name: string },
  invitationId: string,
  options: { eventId: string; appUrl?: string } & MailOptions,
) {
  return db.transaction(async (tx) => {
    const withdrawn = await withdrawInvitation(tx, actor, invitationId, { eventId: options.eventId });
    const mail = await queueWithdrawalCancel(tx, invitationId, options.appUrl, options);
    return { ...withdrawn, mail };
  });
}

/**
 * An invitee's deputy was accepted (delegation.server.ts, in its transaction): a METHOD:CANCEL of the invitee's entry, SEQUENCE one
 * above the event's like a withdrawal, saying who goes in their place. Nothing for an invitation never sent. Once per invitation.
 */
export async function queueDelegatedCancel(
  db: Db,
  invitationId: string,
  deputyName: string,
  options: MailOptions & { appUrl?: string } = {},
): Promise<WithdrawalMailResult> {
  const recipient = await getMailRecipient(db, invitationId);
  if (!recipient) throw new ServiceError("not_found", "errors.notFound.title");
  if (recipient.status === "not_sent") return "not_invited";
  const event = await loadEvent(db, recipient.eventId);
  if (event.status === "cancelled") return "event_cancelled";
  const base = options.settings ?? readMailSettings();
  const settings = options.appUrl ? { ...base, appUrl: options.appUrl.replace(/\/+$/, "") } : base;
  const outcome = await queueOne(db, {
    event,
    recipient,
    kind: "delegated",
    key: `delegated:${invitationId}`,
    settings,
    now: options.now ?? new Date(),
    sequence: event.calendarSequence + 1,
    deputyName,
  });
  return outcome === "queued" ? "queued" : outcome === "noEmail" ? "no_email" : "duplicate";
}

/** The organizer refused the invitee's deputy: an email with their link (the invitation stays theirs) and the reason. Once per proposal. */
export async function queueDeputyRefused(
  db: Db,
  input: { invitationId: string; proposalId: string; deputyName: string; reason: string | null },
  options: MailOptions & { appUrl?: string } = {},
): Promise<"queued" | "duplicate" | "no_email"> {
  const recipient = await getMailRecipient(db, input.invitationId);
  if (!recipient) throw new ServiceError("not_found", "errors.notFound.title");
  const event = await loadEvent(db, recipient.eventId);
  const base = options.settings ?? readMailSettings();
  const settings = options.appUrl ? { ...base, appUrl: options.appUrl.replace(/\/+$/, "") } : base;
  const outcome = await queueOne(db, {
    event,
    recipient,
    kind: "deputyRefused",
    key: `deputy-refused:${input.proposalId}`,
    settings,
    now: options.now ?? new Date(),
    deputyName: input.deputyName,
    reason: input.reason,
  });
  return outcome === "queued" ? "queued" : outcome === "noEmail" ? "no_email" : "duplicate";
}
