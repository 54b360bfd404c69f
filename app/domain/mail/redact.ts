/**
 * Personal links in the stored copy of a message. Once a message has left through SMTP, the outbox keeps it
 * for the record but has no use for the working link — and invitation tokens are otherwise stored only as
 * hashes. So the token in `/i/<token>` is replaced by "…" in the text, the HTML and the calendar file. Pure.
 * (Mail filed in the local Mailbox keeps its links: there, the stored copy is the delivery.)
 */
const PERSONAL_LINK = /\/i\/[A-Za-z0-9_-]{16,128}/g;
const REDACTED = "/i/…";
/** The one-time "set a new password" links (app/services/password-reset.server.ts), redacted the same way. */
const RESET_LINK = /\/reset-password\/[A-Za-z0-9_-]{16,128}/g;

export function redactPersonalLinks(value: string): string {
  return value.replace(PERSONAL_LINK, REDACTED).replace(RESET_LINK, "/reset-password/…");
}

/**
 * The same for an iCalendar file, whose long lines are folded ("\r\n ") possibly inside the token: unfold,
 * redact, fold again with the caller's folding function.
 */
export function redactPersonalLinksInIcs(ics: string, fold: (line: string) => string): string {
  const unfolded = ics.replace(/\r\n[ \t]/g, "");
  const redacted = redactPersonalLinks(unfolded);
  if (redacted === unfolded) return ics;
  return redacted
    .split("\r\n")
    .map((line) => (line === "" ? line : fold(line)))
    .join("\r\n");
}
