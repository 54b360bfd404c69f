/**
 * The "set a new password" email (after "forgot password", or an administrator's reset), as subject, text and
 * HTML in the account's language. Pure; the caller supplies the link, which carries the one-time token.
 */
import { escapeHtml, safeHttpUrl } from "~/domain/mail/html";
import { oneLine } from "~/domain/mail/templates";
import { translate, type Locale, type MessageKey, type TranslateParams } from "~/i18n/i18n";

export interface ResetMailInput {
  locale: Locale;
  name: string;
  email: string;
  link: string;
  validHours: number;
  /** "admin": an administrator reset the password (the old one no longer works). */
  reason: "forgot" | "admin";
}

export function renderResetMail(input: ResetMailInput): { subject: string; text: string; html: string } {
  const t = (key: MessageKey, params?: TranslateParams) => translate(input.locale, key, params);
  const link = safeHttpUrl(input.link);
  if (!link) throw new Error("the reset link must be an http(s) URL");
  const name = oneLine(input.name);
  const email = oneLine(input.email);
  const subject = t("reset.mail.subject");
  const intro = t(input.reason === "admin" ? "reset.mail.introAdmin" : "reset.mail.intro", { email });
  const expires = t("reset.mail.expires", { hours: input.validHours });
  const paragraphs = [t("reset.mail.greeting", { name }), intro];
  const text = [
    ...paragraphs.flatMap((p) => [p, ""]),
    t("reset.mail.linkText", { url: link }),
    expires,
    "",
    ...(input.reason === "forgot" ? [t("reset.mail.ignore"), ""] : []),
    "-- ",
    t("reset.mail.footer"),
    "",
  ].join("\n");
  const muted = "color:#5f6b7a;font-size:13px;";
  const html = [
    `<!DOCTYPE html>`,
    `<html lang="${input.locale}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f4f1ec;">`,
    `<div style="max-width:600px;margin:0 auto;padding:24px 12px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.55;color:#1f2933;">`,
    `<div style="background:#ffffff;border:1px solid #e2ddd5;border-radius:8px;padding:24px;">`,
    ...paragraphs.map((p) => `<p style="margin:0 0 12px;">${escapeHtml(p)}</p>`),
    `<p style="margin:20px 0;"><a href="${escapeHtml(link)}" style="display:inline-block;background:#7a1f1f;color:#ffffff;padding:10px 20px;border-radius:6px;text-decoration:none;font-weight:bold;">${escapeHtml(t("reset.mail.action"))}</a></p>`,
    `<p style="margin:0 0 8px;${muted}word-break:break-all;">${escapeHtml(link)}</p>`,
    `<p style="margin:0 0 8px;${muted}">${escapeHtml(expires)}</p>`,
    input.reason === "forgot" ? `<p style="margin:0;${muted}">${escapeHtml(t("reset.mail.ignore"))}</p>` : "",
    `</div>`,
    `<p style="margin:16px 0 0;text-align:center;color:#5f6b7a;font-size:12px;">${escapeHtml(t("reset.mail.footer"))}</p>`,
    `</div>`,
    `</body>`,
    `</html>`,
  ]
    .filter(Boolean)
    .join("\n");
  return { subject, text, html: `${html}\n` };
}
