import { Form, Link } from "@remix-run/react";
import type { InvitationPreview } from "~/domain/mail/preview";
import { useT } from "~/i18n/use-t";

export interface SendConfirmation {
  intent: "send-not-sent" | "send-all" | "send-selected";
  requestId: string | null;
  invitationIds: string[];
  redirectTo: string | null;
  preview: InvitationPreview;
}

/**
 * Before a mass send: how many people, and the email in each language they read, exactly as rendered for the
 * first of them. The button posts the same send with confirmed=1 (no JavaScript needed).
 */
export function ConfirmSend({ confirm, busy, back }: { confirm: SendConfirmation; busy: boolean; back: string }) {
  const { t } = useT();
  const { preview } = confirm;
  return (
    <section className="card notice-warn mail-confirm" aria-labelledby="mail-confirm">
      <h3 id="mail-confirm">{preview.recipients > 0 ? t("mail.confirm.title", { count: preview.recipients }) : t("mail.confirm.nobody")}</h3>
      {preview.noEmail > 0 ? <p>{t("mail.confirm.noEmail", { count: preview.noEmail })}</p> : null}
      {preview.languages.map((l) => {
        const language = t(`mail.confirm.language.${l.locale}`);
        return (
          <figure key={l.locale} className="mail-preview flush space-below">
            <figcaption>
              <strong>{t("mail.confirm.previewOf", { language, count: l.count })}</strong>{" "}
              <span className="muted">{t("mail.confirm.sampleFor", { name: l.sampleName, email: l.sampleEmail })}</span>
            </figcaption>
            <p className="mail-preview-subject" data-testid={`mail-preview-subject-${l.locale}`}>
              {t("mail.confirm.subject")}: <strong>{l.mail.subject}</strong>
            </p>
            <iframe title={t("mail.confirm.frameTitle", { language })} srcDoc={l.mail.html} sandbox="" className="preview-frame mail-preview-frame" />
          </figure>
        );
      })}
      {preview.languages.length > 0 ? <p className="hint">{t("mail.confirm.sampleLink")}</p> : null}
      <Form method="post" className="actions">
        <input type="hidden" name="intent" value={confirm.intent} />
        <input type="hidden" name="confirmed" value="1" />
        {confirm.requestId ? <input type="hidden" name="requestId" value={confirm.requestId} /> : null}
        {confirm.redirectTo ? <input type="hidden" name="redirectTo" value={confirm.redirectTo} /> : null}
        {confirm.invitationIds.map((id) => (
          <input key={id} type="hidden" name="invitationId" value={id} />
        ))}
        {preview.recipients > 0 ? (
          <button type="submit" className="button" disabled={busy}>
            {t("mail.confirm.send", { count: preview.recipients })}
          </button>
        ) : null}
        <Link to={back} className="button secondary">
          {t("action.back")}
        </Link>
      </Form>
    </section>
  );
}
