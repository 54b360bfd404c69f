import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/ui/notice";
import { formatDateTime } from "~/domain/dates/phrasing";
import { mailStatusBadgeClass } from "~/domain/mail/status";
import { useT } from "~/i18n/use-t";
import { getMailMessage } from "~/models/mail.server";
import { retryFailedMessage } from "~/services/mailbox.server";
import { isUuid, requireGlobalPermission } from "~/services/auth.server";
import { pageTitle } from "~/utils/meta";
import { notFound } from "~/utils/responses.server";
import { attempt, parseForm } from "~/utils/action-kit.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { mailMessageActionSchema } from "./message.schema";

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) =>
  pageTitle(matches, d ? null : "mail.mailbox.title", d?.message.subject);

const OFFICE_ZONE = "Asia/Ho_Chi_Minh";

/**
 * The email's HTML runs in a sandboxed iframe (no scripts, no same-origin, no forms, no top navigation) and,
 * by its own Content-Security-Policy, loads nothing from anywhere: a hostile message cannot reach the app.
 */
const PREVIEW_CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;

function previewDocument(html: string): string {
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${PREVIEW_CSP}`) : `${PREVIEW_CSP}${html}`;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireGlobalPermission(request, context, "mailbox:read");
  if (!params.messageId || !isUuid(params.messageId)) throw notFound();
  const message = await getMailMessage(context.db, params.messageId);
  if (!message) throw notFound();
  return { message, preview: previewDocument(message.html) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const admin = await requireGlobalPermission(request, context, "mailbox:read");
  if (!params.messageId || !isUuid(params.messageId)) throw notFound();
  const messageId = params.messageId;
  const form = await parseForm(request, mailMessageActionSchema);
  if (!form.success) return data({ error: "errors.invalid" }, { status: 400 });
  const outcome = await attempt(() => retryFailedMessage(context.db, admin, messageId));
  if (!outcome.ok) return data({ error: outcome.error.message }, { status: outcome.status });
  throw await redirectWithNotice(context, `/admin/mailbox/${messageId}`, { key: "mail.message.retried" });
}

/** Plain text with its http(s) links clickable (React escapes the rest). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} rel="noreferrer noopener" target="_blank">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export default function MailMessagePage() {
  const { message, preview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, tError, locale } = useT();
  const when = (d: Date | string | null) => (d ? formatDateTime(new Date(d), OFFICE_ZONE, locale) : "—");
  const toName = typeof message.meta?.toName === "string" ? message.meta.toName : null;
  const language = typeof message.meta?.language === "string" ? message.meta.language : null;
  const facts: [string, ReactNode][] = [
    // An empty address: the recipient's personal data was erased (docs/decisions/017-personal-data.md).
    [t("mail.col.to"), message.to === "" ? `${toName ?? ""} ${t("privacy.mail.erased")}`.trim() : toName ? `${toName} <${message.to}>` : message.to],
    [t("mail.col.kind"), t(`mail.kind.${message.kind}`)],
    [
      t("mail.col.event"),
      message.eventId && message.eventTitle ? <Link to={`/events/${message.eventId}`}>{message.eventTitle}</Link> : "—",
    ],
    [t("mail.col.createdAt"), when(message.createdAt)],
  ];
  const delivery: [string, ReactNode][] = [
    [t("mail.col.status"), <span className={mailStatusBadgeClass(message.status)}>{t(`mail.status.${message.status}`)}</span>],
    [t("mail.col.attempts"), String(message.attempts)],
    [t("mail.col.nextAttempt"), message.status === "queued" ? when(message.nextAttemptAt) : "—"],
    [t("mail.col.sentAt"), when(message.sentAt)],
    [t("mail.col.via"), message.deliveredVia === "smtp" ? t("mail.via.smtp") : message.deliveredVia === "mailbox" ? t("mail.via.mailbox") : "—"],
    [t("mail.col.lastError"), message.lastError ?? "—"],
    [t("mail.col.messageId"), message.messageId ?? "—"],
    [t("mail.col.key"), <code>{message.idempotencyKey}</code>],
  ];
  return (
    <>
      <p>
        <Link to="/admin/mailbox">{t("mail.message.back")}</Link>
      </p>
      {actionData?.error ? <Notice tone="error">{tError(actionData.error)}</Notice> : null}
      <h1 lang={language ?? undefined}>{message.subject}</h1>
      <div className="grid-2 mailbox-message-grid">
        <section className="card" aria-label={t("mail.col.subject")}>
          <dl className="facts">
            {facts.map(([label, value]) => (
              <FactRow key={label} label={label} value={value} />
            ))}
          </dl>
        </section>
        <section className="card" aria-labelledby="mail-delivery">
          <h2 id="mail-delivery">{t("mail.message.delivery")}</h2>
          <dl className="facts">
            {delivery.map(([label, value]) => (
              <FactRow key={label} label={label} value={value} />
            ))}
          </dl>
          {message.status === "failed" ? (
            <Form method="post" className="actions">
              <input type="hidden" name="intent" value="retry" />
              <button type="submit" className="button">
                {t("mail.message.retry")}
              </button>
            </Form>
          ) : null}
        </section>
      </div>

      <h2>{t("mail.message.preview")}</h2>
      <iframe
        title={t("mail.message.previewTitle")}
        sandbox=""
        srcDoc={preview}
        referrerPolicy="no-referrer"
        className="preview-frame mailbox-preview"
      />

      <h2>{t("mail.message.text")}</h2>
      {/* The body font, not a monospace one: those render Vietnamese diacritics poorly. */}
      <pre className="card pre-text" lang={language ?? undefined}>
        <Linkified text={message.text} />
      </pre>

      <h2>{message.icsMethod ? t("mail.message.ics", { method: message.icsMethod }) : t("mail.message.ics", { method: "—" })}</h2>
      {message.icsContent ? (
        <pre className="card mailbox-ics" aria-label="invite.ics">
          {message.icsContent}
        </pre>
      ) : (
        <p className="card muted">{t("mail.message.noIcs")}</p>
      )}
    </>
  );
}

function FactRow({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="wrap-anywhere">{value}</dd>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
