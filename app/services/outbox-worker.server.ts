/**
 * The outbox worker: sends what invitation-mail.server.ts queued, on both database drivers.
 *
 *  - drainOutbox(db, transport, now): claims due messages in batches (UPDATE … WHERE id IN (SELECT … FOR
 *    UPDATE SKIP LOCKED), see claimDueMail), sends them `transport.concurrency` at a time over the SMTP pool,
 *    and marks each sent — or, on an error, queued again with
 *    exponential backoff (1 min, 5, 15, 60 …) until MAX_ATTEMPTS, then failed (visible in the Mailbox, retryable
 *    by hand). Two drains at once never take the same message; a message whose worker died while sending is
 *    taken again once its lock (`locked_until`) has run out. When the SMTP server cannot be reached, the drain
 *    stops after the first failure: the rest stays queued, untouched (a claimed batch is released), until the next tick.
 *  - startOutboxWorker: a setInterval loop for server/index.ts (scheduled reminders, then the outbox). With several
 *    app instances every one drains the outbox (the claims keep them apart), but only the holder of the
 *    scheduler lease runs the scheduled reminders (`isScheduler`, app/services/leases.server.ts).
 */
import type { Db } from "#db/client.server";
import { foldLine } from "~/domain/calendar/ics";
import { isPermanentSmtpFailure, MAX_ATTEMPTS, nextAttemptAt, refusedByServer } from "~/domain/mail/backoff";
import { redactPersonalLinks, redactPersonalLinksInIcs } from "~/domain/mail/redact";
import { claimDueMail, markMailAttemptFailed, markMailSentMany, releaseMailClaims, type ClaimedMail, type SentMail } from "~/models/mail.server";
import { bouncedAddresses } from "~/models/inbound.server";
import { isPendingRender, processDueReminders, renderPendingMail, type RenderOutcome } from "./invitation-mail.server";
import { describeTransportError, readMailSettings, type MailSettings, type MailTransport, type OutgoingMail } from "./mail-transport.server";

export interface DrainOptions {
  /** At most this many messages per call (the loop calls again on its next tick). */
  maxMessages?: number;
  /** Claimed per statement (FOR UPDATE SKIP LOCKED), then sent `transport.concurrency` at a time. */
  batchSize?: number;
  /** How long a claim holds a message; longer than the slowest send (the SMTP timeouts are 15 s + 60 s). */
  lockMs?: number;
  maxAttempts?: number;
  /** Once aborted, the drain finishes the message in hand and claims no more (a stopping server). */
  signal?: AbortSignal;
  /** For rendering what a mass send queued unrendered (the public URL, MAIL_FROM); read from the environment when not given. */
  settings?: MailSettings;
}

export interface DrainResult {
  sent: number;
  /** Failed tries that will be tried again later. */
  retried: number;
  /** Messages that gave up (status failed). */
  failed: number;
  /** The claim was lost to another worker before this one finished (the send happened; the row was not ours). */
  lost: number;
}

export const DEFAULT_LOCK_MS = 5 * 60_000;
/** Messages claimed per statement. */
export const DEFAULT_BATCH_SIZE = 50;
/** At most this many messages per drain (per tick of the worker). */
export const DEFAULT_MAX_MESSAGES = 2_000;
/** lastError of a message not sent because its address bounced (shown in the Mailbox). */
export const BOUNCED_ADDRESS_ERROR = "Địa chỉ email bị trả lại, chưa sửa: không gửi. / The address bounced and has not been corrected: not sent.";

function outgoing(mail: ClaimedMail): OutgoingMail {
  const meta = mail.meta ?? {};
  return {
    idempotencyKey: mail.idempotencyKey,
    to: mail.to,
    toName: typeof meta.toName === "string" ? meta.toName : null,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    icsMethod: mail.icsMethod,
    icsContent: mail.icsContent,
    language: typeof meta.language === "string" ? meta.language : null,
    replyTo: typeof meta.replyTo === "string" ? meta.replyTo : null,
  };
}

/** The server is unreachable or refuses service for now: no point trying the next message in this round. */
function serverUnavailable(failure: { responseCode?: number; command?: string }): boolean {
  return failure.responseCode === undefined || failure.responseCode === 421 || refusedByServer(failure.command);
}

export async function drainOutbox(
  db: Db,
  transport: MailTransport,
  now: Date = new Date(),
  options: DrainOptions = {},
): Promise<DrainResult> {
  const maxMessages = options.maxMessages ?? DEFAULT_MAX_MESSAGES;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const lockMs = options.lockMs ?? DEFAULT_LOCK_MS;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const concurrency = Math.max(1, transport.concurrency ?? 1);
  const result: DrainResult = { sent: 0, retried: 0, failed: 0, lost: 0 };
  let stop = false;

  /** Addresses that bounced and were not corrected since, for the batch in hand (one query per batch). */
  let bounced = new Set<string>();

  /** Sends one claimed message and records the outcome; a server that is unavailable stops the round. */
  const deliver = async (mail: ClaimedMail): Promise<void> => {
    if (bounced.has(mail.to.trim().toLowerCase())) {
      // A delivery status notification said this address does not take mail: nothing goes there until it is edited.
      const ok = await markMailAttemptFailed(db, mail, { error: BOUNCED_ADDRESS_ERROR, nextAttemptAt: null });
      if (ok) result.failed += 1;
      else result.lost += 1;
      return;
    }
    const rendered = renderedNow.get(mail.id);
    try {
      const { messageId } = await transport.send(outgoing(mail));
      // Out through SMTP, the stored copy keeps no working personal link (tokens are stored only as hashes).
      const redacted =
        transport.via === "smtp"
          ? {
              text: redactPersonalLinks(mail.text),
              html: redactPersonalLinks(mail.html),
              icsContent: mail.icsContent ? redactPersonalLinksInIcs(mail.icsContent, foldLine) : mail.icsContent,
            }
          : rendered
            ? { text: mail.text, html: mail.html, icsContent: mail.icsContent }
            : {};
      sentInBatch.push({
        id: mail.id,
        attempts: mail.attempts,
        deliveredVia: transport.via,
        messageId,
        sentAt: now,
        ...redacted,
        ...(rendered ? { meta: rendered } : {}),
      });
    } catch (error) {
      const failure = describeTransportError(error);
      const next = isPermanentSmtpFailure(failure.responseCode, failure.command) ? null : nextAttemptAt(mail.attempts, now, maxAttempts);
      const ok = await markMailAttemptFailed(db, mail, { error: failure.message, nextAttemptAt: next });
      if (!ok) result.lost += 1;
      else if (next) result.retried += 1;
      else result.failed += 1;
      if (serverUnavailable(failure)) stop = true;
    }
  };

  /** Sent in the current batch, marked sent together when the batch is done (one statement). */
  let sentInBatch: SentMail[] = [];
  const flushSent = async () => {
    if (sentInBatch.length === 0) return;
    const batch = sentInBatch;
    sentInBatch = [];
    const marked = await markMailSentMany(db, batch);
    result.sent += marked.size;
    result.lost += batch.length - marked.size;
  };
  /** Messages of this drain that were rendered here (queued unrendered by a mass send): their meta once rendered. */
  const renderedNow = new Map<string, Record<string, unknown>>();
  let settings = options.settings;
  /** Renders the batch's unrendered messages; those that cannot be sent any more are closed as failed. */
  const render = async (batch: ClaimedMail[]): Promise<ClaimedMail[]> => {
    const pending = batch.filter((m) => isPendingRender(m.meta));
    if (pending.length === 0) return batch;
    settings ??= readMailSettings();
    let outcomes: RenderOutcome[];
    try {
      outcomes = await renderPendingMail(db, pending, settings, now);
    } catch (error) {
      // Not rendered (a bug, the database): tried again later, like a failed send.
      const message = error instanceof Error ? error.message : String(error);
      for (const mail of pending) {
        const next = nextAttemptAt(mail.attempts, now, maxAttempts);
        if (await markMailAttemptFailed(db, mail, { error: message, nextAttemptAt: next })) result[next ? "retried" : "failed"] += 1;
      }
      return batch.filter((m) => !isPendingRender(m.meta));
    }
    const byId = new Map(outcomes.map((o) => [o.id, o]));
    const ready: ClaimedMail[] = [];
    for (const mail of batch) {
      const outcome = byId.get(mail.id);
      if (!outcome) ready.push(mail);
      else if (outcome.ok) {
        renderedNow.set(mail.id, outcome.meta);
        ready.push({ ...mail, subject: outcome.subject, text: outcome.text, html: outcome.html, icsMethod: outcome.icsMethod, icsContent: outcome.icsContent, meta: outcome.meta });
      } else if (await markMailAttemptFailed(db, mail, { error: outcome.error, nextAttemptAt: null })) result.failed += 1;
      else result.lost += 1;
    }
    return ready;
  };

  let claimed = 0;
  let first = true;
  while (!stop && claimed < maxMessages && !options.signal?.aborted) {
    // The lock counts from the real clock too: a long drain's later batches must not be claimed already expired.
    const lockUntil = new Date(Math.max(now.getTime(), Date.now()) + lockMs);
    const claimedBatch = await claimDueMail(db, now, { limit: Math.min(batchSize, maxMessages - claimed), lockUntil });
    if (claimedBatch.length === 0) break;
    claimed += claimedBatch.length;
    bounced = await bouncedAddresses(db, claimedBatch.map((m) => m.to));
    const batch = await render(claimedBatch);
    if (batch.length === 0) continue;
    let next = 0;
    // The round's first message goes alone: when the server is down, one try fails, not a pool's worth.
    if (first) {
      first = false;
      await deliver(batch[next++]!);
    }
    // Stopping (SIGTERM): the messages being sent finish, no other is started; the rest are put back.
    const lane = async () => {
      while (!stop && !options.signal?.aborted && next < batch.length) await deliver(batch[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batch.length - next) }, lane));
    await flushSent();
    if (next < batch.length) await releaseMailClaims(db, batch.slice(next));
  }
  return result;
}

export interface OutboxWorker {
  /** Runs one round now (unless one is running) and resolves when it is done. */
  tick(): Promise<void>;
  /** Stops the loop: the round in progress finishes the message it is sending, claims no more, and is awaited. */
  stop(): Promise<void>;
}

export function startOutboxWorker(
  db: Db,
  options: {
    transport: MailTransport;
    settings: MailSettings;
    intervalMs?: number;
    onError?: (error: unknown) => void;
    /** Whether this instance runs the scheduled reminders this tick (the scheduler lease); default: yes. */
    isScheduler?: () => Promise<boolean>;
    /** Each drain's outcome (the metrics count it). */
    onDrain?: (result: DrainResult) => void;
  },
): OutboxWorker {
  const { transport, settings } = options;
  const onError = options.onError ?? ((error: unknown) => console.error("outbox worker:", error));
  let current: Promise<void> | null = null;
  let stopped = false;
  const stopping = new AbortController();

  const round = async () => {
    const now = new Date();
    try {
      if (!options.isScheduler || (await options.isScheduler())) await processDueReminders(db, now, settings);
    } catch (error) {
      onError(error);
    }
    if (stopping.signal.aborted) return;
    try {
      const result = await drainOutbox(db, transport, new Date(), { signal: stopping.signal, settings });
      options.onDrain?.(result);
    } catch (error) {
      onError(error);
    }
  };
  const tick = () => {
    if (stopped) return Promise.resolve();
    current ??= round().finally(() => {
      current = null;
    });
    return current;
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 3_000);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      stopped = true;
      stopping.abort();
      clearInterval(timer);
      await current;
      transport.close();
    },
  };
}
