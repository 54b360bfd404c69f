/**
 * IMAP polling (imapflow), for an office whose replies land in a mailbox it cannot point an MX at: every
 * INBOUND_IMAP_INTERVAL_SECONDS the folder of INBOUND_IMAP_URL is opened, each unread message handed to
 * receiveInboundMail (the same parser as the SMTP listener), and marked read once handled. A message whose handling
 * failed stays unread and is tried at the next poll; one handled twice is a duplicate by its Message-ID.
 */
import { ImapFlow } from "imapflow";
import type { Db } from "#db/client.server";
import { receiveInboundMail, type InboundResult } from "./inbound-mail.server";

export interface ImapTarget {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  folder: string;
}

/** imap://user:pass@host:143/Folder, imaps://…:993/Folder (default folder INBOX; parts percent-decoded). */
export function parseImapUrl(url: string): ImapTarget {
  const u = new URL(url);
  if (u.protocol !== "imap:" && u.protocol !== "imaps:") throw new Error("INBOUND_IMAP_URL must start with imap:// or imaps://");
  const secure = u.protocol === "imaps:";
  const folder = decodeURIComponent(u.pathname.replace(/^\/+/, "")) || "INBOX";
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(u.username),
    pass: decodeURIComponent(u.password),
    folder,
  };
}

export interface PollResult {
  fetched: number;
  results: InboundResult[];
  failed: number;
}

/** One poll: connect, take the folder's unread messages, log out. */
export async function pollImapOnce(
  db: Db,
  target: ImapTarget,
  options: { domain: string; onError?: (error: unknown) => void },
): Promise<PollResult> {
  const onError = options.onError ?? ((error: unknown) => console.error("inbound IMAP:", error));
  const client = new ImapFlow({
    host: target.host,
    port: target.port,
    secure: target.secure,
    auth: { user: target.user, pass: target.pass },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
  });
  const outcome: PollResult = { fetched: 0, results: [], failed: 0 };
  await client.connect();
  try {
    const lock = await client.getMailboxLock(target.folder);
    try {
      const unseen = await client.search({ seen: false }, { uid: true });
      const uids = Array.isArray(unseen) ? unseen : [];
      if (uids.length === 0) return outcome;
      // Sources first, then the database: the IMAP connection is not held across the handling of each message.
      const messages: { uid: number; source: Buffer }[] = [];
      for await (const message of client.fetch(uids, { uid: true, source: true }, { uid: true })) {
        if (message.source) messages.push({ uid: message.uid, source: message.source });
      }
      outcome.fetched = messages.length;
      const handled: number[] = [];
      for (const message of messages) {
        try {
          outcome.results.push(await receiveInboundMail(db, message.source, { channel: "imap", domain: options.domain }));
          handled.push(message.uid);
        } catch (error) {
          outcome.failed += 1;
          onError(error);
        }
      }
      if (handled.length > 0) await client.messageFlagsAdd(handled, ["\\Seen"], { uid: true });
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return outcome;
}

export interface ImapPoller {
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export function startImapPoller(
  db: Db,
  options: { url: string; domain: string; intervalMs: number; onError?: (error: unknown) => void },
): ImapPoller {
  const target = parseImapUrl(options.url);
  const onError = options.onError ?? ((error: unknown) => console.error("inbound IMAP:", error));
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped) return Promise.resolve();
    current ??= pollImapOnce(db, target, { domain: options.domain, onError })
      .then(() => undefined, onError)
      .finally(() => {
        current = null;
      });
    return current;
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
