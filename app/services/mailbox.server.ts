/** The Mailbox's one write: a failed message back into the queue, recorded in the audit log. */
import type { Db } from "#db/client.server";
import { recordAudit } from "~/models/audit.server";
import { getMailMessage, requeueFailedMail } from "~/models/mail.server";
import { ServiceError } from "~/utils/errors";

export async function retryFailedMessage(db: Db, actor: { id: string; name: string }, messageId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const message = await getMailMessage(tx, messageId);
    if (!message) throw new ServiceError("not_found", "errors.notFound.title");
    if (!(await requeueFailedMail(tx, messageId, now))) throw new ServiceError("conflict", "mail.error.notFailed");
    await recordAudit(tx, {
      actor,
      action: "mail.retry",
      entityType: "mail_message",
      entityId: messageId,
      eventId: message.eventId,
      details: { to: message.to, subject: message.subject, lastError: message.lastError },
    });
  });
}
