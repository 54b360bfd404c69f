/**
 * What a mass send of the invitation will put in people's inboxes, before anything is queued: how many will
 * get it, how many cannot (no email), and the email itself, rendered with the very template the send uses,
 * once per language the recipients read — addressed to the first of them, as that person will see it. The
 * personal reply link is a sample: each invitee gets a link of their own when the mail is queued.
 */
import type { Locale } from "~/i18n/i18n";
import { renderInvitationMail, type MailEventFacts, type RenderedMail } from "./templates";

export interface PreviewRecipient {
  fullName: string;
  honorific: string | null;
  email: string | null;
  language: Locale;
}

export interface LanguagePreview {
  locale: Locale;
  /** Recipients with an email who read this language. */
  count: number;
  /** Whom the sample is addressed to: "Ông Nguyễn Văn A". */
  sampleName: string;
  sampleEmail: string;
  mail: RenderedMail;
}

export interface InvitationPreview {
  /** Who will be sent the invitation: recipients with an email address. */
  recipients: number;
  /** Selected or listed, but without an email: nothing can be sent to them. */
  noEmail: number;
  /** Vietnamese first, then English; only the languages someone reads. */
  languages: LanguagePreview[];
}

export function previewInvitation(input: {
  recipients: readonly PreviewRecipient[];
  event: MailEventFacts;
  signature: (locale: Locale) => string;
  sampleLink: string;
}): InvitationPreview {
  const withEmail = input.recipients.filter((r) => r.email?.trim());
  const languages: LanguagePreview[] = [];
  for (const locale of ["vi", "en"] as const) {
    const readers = withEmail.filter((r) => r.language === locale);
    const first = readers[0];
    if (!first) continue;
    languages.push({
      locale,
      count: readers.length,
      sampleName: [first.honorific ?? "", first.fullName].join(" ").trim(),
      sampleEmail: first.email!.trim(),
      mail: renderInvitationMail({
        kind: "invitation",
        locale,
        recipient: { fullName: first.fullName, honorific: first.honorific },
        event: input.event,
        link: input.sampleLink,
        signature: input.signature(locale),
      }),
    });
  }
  return { recipients: withEmail.length, noEmail: input.recipients.length - withEmail.length, languages };
}
