/**
 * Mail: (1) "send to all" for N invitees — how long sendInvitations (what the mail page's action awaits) takes;
 * (2) those N messages through the outbox (drainOutbox + the SMTP transport, as the worker runs it: it renders what
 * a mass send queued unrendered, then sends) to a local
 * SMTP sink that does not throttle, against a plain nodemailer loop sending the same messages with their .ics
 * to the same sink, in the same run.
 */
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { createEvent, createManyInvitations, createUser } from "#db/factories";
import { mailMessages } from "#db/schema/index";
import { insertSigningTemplate } from "~/services/agenda.server";
import { sendInvitations } from "~/services/invitation-mail.server";
import { createSmtpTransport, toNodemailerMessage, type OutgoingMail } from "~/services/mail-transport.server";
import { drainOutbox } from "~/services/outbox-worker.server";
import { startSmtpSink } from "./smtp-sink";
import { fmt, median, type Row, type Scratch } from "./support";

const settings = { appUrl: "http://localhost:3105", from: { name: "Ban Tổ chức", address: "no-reply@signet.test" } };

export async function mailBench(scratch: Scratch, o: { messages: number; rounds: number }): Promise<Row[]> {
  const db = scratch.database.db;
  const user = await createUser(db, { role: "organizer" });
  const smtp = await startSmtpSink();
  try {
    const sendTimes: number[] = [];
    const outboxRates: number[] = [];
    const plainRates: number[] = [];
    for (let round = 0; round < o.rounds; round++) {
      const event = await createEvent(db, user, { title: `Lễ ký kết ${round}` });
      await insertSigningTemplate(db, user, event.id, "vi");
      await createManyInvitations(db, event.id, o.messages, { tag: `mail${round}` });
      await db.execute(sql`update invitations set status = 'not_sent', withdrawn_at = null where event_id = ${event.id}`);
      await db.execute(sql`analyze`);
      console.log(`    round ${round + 1}: ${o.messages} invitees seeded`);

      // (1) The request: queue all of them.
      const t0 = performance.now();
      const summary = await sendInvitations(db, user, event.id, { to: "all" }, { settings, requestId: `bench-${round}` });
      sendTimes.push(performance.now() - t0);
      console.log(`    round ${round + 1}: send to all ${fmt((performance.now() - t0) / 1000)} s`);
      if (summary.queued !== o.messages) throw new Error(`queued ${summary.queued} of ${o.messages}`);

      // (2a) The outbox, drained as the worker does (rendering what the request queued unrendered,
      // then sending; bounded: at most messages/10 + 10 rounds).
      const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${smtp.port}`, from: settings.from, extra: { ignoreTLS: true } });
      const before2 = smtp.received();
      const t2 = performance.now();
      let sent = 0;
      for (let i = 0; i < o.messages / 10 + 10 && sent < o.messages; i++) {
        const r = await drainOutbox(db, transport, new Date(), { settings });
        sent += r.sent;
        if (r.sent === 0 && r.retried === 0) break;
      }
      const outboxMs = performance.now() - t2;
      transport.close();
      if (sent !== o.messages || smtp.received() - before2 !== o.messages)
        throw new Error(`outbox sent ${sent}, sink got ${smtp.received() - before2} of ${o.messages}`);
      outboxRates.push(o.messages / (outboxMs / 1000));
      console.log(`    round ${round + 1}: outbox ${fmt(outboxMs / 1000)} s`);

      // The same messages (as the outbox rendered and stored them) as plain nodemailer input, for the baseline.
      const rows = await db
        .select()
        .from(mailMessages)
        .where(sql`${mailMessages.eventId} = ${event.id}`);
      const plain: OutgoingMail[] = rows.map((m) => ({
        idempotencyKey: m.idempotencyKey,
        to: m.to,
        toName: null,
        subject: m.subject,
        text: m.text,
        html: m.html,
        icsMethod: m.icsMethod,
        icsContent: m.icsContent,
        language: null,
      }));

      // (2b) Baseline: one connection, a loop of sendMail (what a script would do).
      const before = smtp.received();
      const transporter = nodemailer.createTransport({ host: "127.0.0.1", port: smtp.port, secure: false, ignoreTLS: true });
      const t1 = performance.now();
      for (const mail of plain) await transporter.sendMail(toNodemailerMessage(mail, settings.from));
      const plainMs = performance.now() - t1;
      transporter.close();
      plainRates.push(plain.length / (plainMs / 1000));
      console.log(`    round ${round + 1}: plain nodemailer ${fmt(plainMs / 1000)} s`);
      if (smtp.received() - before !== plain.length) throw new Error("the sink lost messages (baseline)");
    }
    const sendMs = median(sendTimes);
    const ratio = median(outboxRates) / median(plainRates);
    return [
      {
        kind: scratch.kind,
        scenario: `"send to all" request, ${o.messages} invitees`,
        baseline: "—",
        measured: `${fmt(sendMs / 1000)} s until the request answers`,
        ratio: null,
        goal: "< 1 s",
        met: sendMs < 1000,
        details: { sendTimes },
      },
      {
        kind: scratch.kind,
        scenario: `${o.messages} invitation emails through the outbox to an SMTP sink`,
        baseline: "plain nodemailer loop, same messages with .ics",
        measured: `${fmt(median(outboxRates), 0)}/s vs ${fmt(median(plainRates), 0)}/s`,
        ratio,
        goal: "≥ 0.7",
        met: ratio >= 0.7,
        details: { outboxRates, plainRates },
      },
    ];
  } finally {
    await smtp.close();
  }
}
