/**
 * Test support for the mail integration tests (*.server.test.ts beside this file): invitees written straight
 * into the tables, fixed mail settings and transports that record or fail. Not used by the app.
 */
import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { invitations, invitationTokens, mailMessages, people } from "#db/schema/index";
import { foldForSearch } from "~/domain/text/search";
import type { MailSettings, MailTransport, OutgoingMail } from "~/services/mail-transport.server";

export const testMailSettings: MailSettings = {
  appUrl: "https://signet.example",
  from: { name: "Ban Tổ chức Signet", address: "no-reply@signet.test" },
};

export interface InviteeOptions {
  fullName?: string;
  honorific?: string | null;
  email?: string | null;
  language?: "vi" | "en";
  status?: "not_sent" | "sent" | "accepted" | "declined" | "tentative";
  withdrawn?: boolean;
}

export async function createInvitee(db: Db, eventId: string, options: InviteeOptions = {}) {
  const suffix = randomUUID().slice(0, 8);
  const fullName = options.fullName ?? `Khách mời ${suffix}`;
  const [person] = await db
    .insert(people)
    .values({
      fullName,
      nameSearch: foldForSearch(fullName),
      honorific: options.honorific ?? null,
      email: options.email === undefined ? `guest-${suffix}@example.org` : options.email,
      language: options.language ?? "vi",
    })
    .returning({ id: people.id, email: people.email });
  if (!person) throw new Error("no person");
  const [invitation] = await db
    .insert(invitations)
    .values({
      eventId,
      personId: person.id,
      status: options.status ?? "not_sent",
      withdrawnAt: options.withdrawn ? new Date() : null,
    })
    .returning({ id: invitations.id });
  if (!invitation) throw new Error("no invitation");
  return { invitationId: invitation.id, personId: person.id, email: person.email, fullName };
}

export async function messagesOf(db: Db, eventId: string) {
  return db.select().from(mailMessages).where(eq(mailMessages.eventId, eventId)).orderBy(asc(mailMessages.createdAt), asc(mailMessages.idempotencyKey));
}

export async function invitationStatus(db: Db, invitationId: string) {
  const [row] = await db.select({ status: invitations.status }).from(invitations).where(eq(invitations.id, invitationId));
  return row?.status;
}

export async function tokenCount(db: Db, invitationId: string) {
  return (await db.select({ h: invitationTokens.tokenHash }).from(invitationTokens).where(eq(invitationTokens.invitationId, invitationId))).length;
}

/** Records what it "sends"; optionally slow (so two drains overlap) or failing. */
export function recordingTransport(
  options: { delayMs?: number; fail?: (mail: OutgoingMail) => Error | null; via?: "smtp" | "mailbox" } = {},
): MailTransport & { sent: OutgoingMail[]; tries: number } {
  const sent: OutgoingMail[] = [];
  const transport = {
    via: options.via ?? ("smtp" as const),
    sent,
    tries: 0,
    async send(mail: OutgoingMail) {
      transport.tries += 1;
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      const error = options.fail?.(mail);
      if (error) throw error;
      sent.push(mail);
      return { messageId: `<${sent.length}@test>` };
    },
    close() {},
  };
  return transport;
}

/** An error shaped like nodemailer's: a connection failure has no responseCode. */
export function smtpError(message: string, responseCode?: number): Error {
  return Object.assign(new Error(message), responseCode ? { responseCode, code: "EENVELOPE" } : { code: "ECONNECTION" });
}
