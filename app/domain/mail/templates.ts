/**
 * The invitation emails — invitation, update, cancellation, withdrawal, reminder — as subject, plain text and
 * HTML, in the invitee's language. Pure: no I/O, no Remix, no database; the caller supplies the facts and the
 * personal link. Everything a person typed is escaped in the HTML.
 */
import { venueLine } from "~/domain/calendar/event-data";
import { formatWhen, zoneOffsetLabel } from "~/domain/dates/phrasing";
import { translate, type Locale, type MessageKey, type TranslateParams } from "~/i18n/i18n";
import { eventInLanguage, honorificInLanguage } from "~/domain/glossary/in-language";
import type { Glossary } from "~/domain/glossary/translate";
import { escapeHtml, escapeMultiline, safeHttpUrl } from "./html";

/** delegated: to an invitee whose deputy was accepted (METHOD:CANCEL of their entry); deputyRefused: their deputy was not accepted. */
export type MailTemplateKind = "invitation" | "update" | "cancellation" | "withdrawal" | "reminder" | "delegated" | "deputyRefused";

export interface MailEventFacts {
  title: string;
  /** The English title and venue the organiser gave (English mails use them; else the glossary, else marked). */
  titleEn?: string | null;
  venueNameEn?: string | null;
  startsAt: Date;
  endsAt: Date;
  /** "date": the time of day is not stated (the emails give the date alone). Default "time". */
  startPrecision?: "time" | "date";
  timeZone: string;
  venueName: string | null;
  venueAddress: string | null;
  venueRoom: string | null;
  description?: string | null;
}

export interface InvitationMailInput {
  kind: MailTemplateKind;
  locale: Locale;
  recipient: { fullName: string; honorific?: string | null };
  event: MailEventFacts;
  /** For an update: the event as it was, so the email can say what changed. */
  previous?: MailEventFacts | null;
  /** The invitee's personal link (invitation, update, reminder); cancellations carry none. */
  link?: string | null;
  /** Who signs the email: the host organization, else the sender's name. */
  signature: string;
  /** The instance's glossary for English mails; absent = the built-in one. */
  glossary?: Glossary;
  /** delegated / deputyRefused: the deputy the invitee named ("ông Trần Văn B"). */
  deputyName?: string | null;
  /** deputyRefused: the organizer's reason, when given. */
  reason?: string | null;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const SUBJECT: Record<MailTemplateKind, MessageKey> = {
  invitation: "mail.email.subject.invitation",
  update: "mail.email.subject.update",
  cancellation: "mail.email.subject.cancellation",
  withdrawal: "mail.email.subject.withdrawal",
  reminder: "mail.email.subject.reminder",
  delegated: "mail.email.subject.delegated",
  deputyRefused: "mail.email.subject.deputyRefused",
};

const INTRO: Record<MailTemplateKind, MessageKey> = {
  invitation: "mail.email.intro.invitation",
  update: "mail.email.intro.update",
  cancellation: "mail.email.intro.cancellation",
  withdrawal: "mail.email.intro.withdrawal",
  reminder: "mail.email.intro.reminder",
  delegated: "mail.email.intro.delegated",
  deputyRefused: "mail.email.intro.deputyRefused",
};

const CALENDAR_HINT: Record<MailTemplateKind, MessageKey> = {
  invitation: "mail.email.calendarRequest",
  reminder: "mail.email.calendarRequest",
  update: "mail.email.calendarUpdate",
  cancellation: "mail.email.calendarCancel",
  withdrawal: "mail.email.calendarCancel",
  delegated: "mail.email.calendarCancel",
  deputyRefused: "mail.email.calendarRequest",
};

/** Kinds whose email carries the personal reply link (a withdrawn invitation's links stop working). */
export function kindHasLink(kind: MailTemplateKind): boolean {
  return kind === "invitation" || kind === "update" || kind === "reminder" || kind === "deputyRefused";
}

// Matching control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]+/g;

/** One line of text: control characters (CR, LF — header injection) become spaces, runs collapse. */
export function oneLine(value: string): string {
  return value.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}

/** "Tầng 2, Hội trường A, Số 1 đường Lê Lợi" — room, venue, address (as in the calendar file); null when none. */
export function eventLocation(event: Pick<MailEventFacts, "venueName" | "venueAddress" | "venueRoom">): string | null {
  const line = venueLine(event);
  return line ? oneLine(line) : null;
}

/**
 * "08:30 – 10:00, Thứ 5, 10/04/2031, theo giờ Asia/Ho_Chi_Minh (GMT+7)" — always in the event's own zone; a date-only
 * event: "Thứ 3, 12/03/2024", no time of day.
 */
export function eventWhen(event: Pick<MailEventFacts, "startsAt" | "endsAt" | "timeZone" | "startPrecision">, locale: Locale): string {
  const precision = event.startPrecision ?? "time";
  const range = formatWhen(event.startsAt, event.endsAt, event.timeZone, locale, precision);
  if (precision === "date") return range;
  const zone = translate(locale, "mail.email.zone", {
    zone: locale === "en" ? englishZoneName(event.timeZone, event.startsAt) : event.timeZone,
    offset: zoneOffsetLabel(event.startsAt, event.timeZone),
  });
  return `${range}, ${zone}`;
}

const englishZoneNames = new Map<string, string>();
/** Bounded like the zone check of app/domain/dates/phrasing.ts: events bring few zones and years, but no limit. */
const ZONE_NAME_CACHE_MAX = 1000;

/**
 * The zone as an English reader knows it: "Indochina Time" for Asia/Ho_Chi_Minh, "Central European Time" for
 * Europe/Paris (CLDR's generic name, as of the event's year: zones changed names over time); the IANA id where
 * CLDR has only an offset ("UTC"). Cached per zone and year.
 */
export function englishZoneName(timeZone: string, at: Date): string {
  const key = `${timeZone}|${at.getUTCFullYear()}`;
  let name = englishZoneNames.get(key);
  if (name === undefined) {
    try {
      const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "longGeneric" }).formatToParts(at).find((p) => p.type === "timeZoneName");
      name = part && !/^(GMT|UTC)/.test(part.value) ? part.value : timeZone;
    } catch {
      name = timeZone;
    }
    if (englishZoneNames.size >= ZONE_NAME_CACHE_MAX) englishZoneNames.clear();
    englishZoneNames.set(key, name);
  }
  return name;
}

/** "Dear Dr. Hoàng Văn Giang," — the honorific in the reader's language ("TS." → "Dr.", no "Comrade"). */
function greetingName(recipient: InvitationMailInput["recipient"], locale: Locale, glossary?: Glossary): string {
  return oneLine([honorificInLanguage(recipient.honorific, locale, glossary) ?? "", recipient.fullName].join(" "));
}

interface Fact {
  label: string;
  value: string;
  changed: boolean;
  previous: string | null;
}

export function renderInvitationMail(input: InvitationMailInput): RenderedMail {
  const { kind, locale } = input;
  const event = eventInLanguage(input.event, locale, input.glossary);
  const previous = input.previous ? eventInLanguage(input.previous, locale, input.glossary) : input.previous;
  const t = (key: MessageKey, params?: TranslateParams) => translate(locale, key, params);
  const title = oneLine(event.title);
  const subject = oneLine(t(SUBJECT[kind], { title }));
  const name = greetingName(input.recipient, locale, input.glossary);
  const greeting = name ? t("mail.email.greeting", { name }) : t("mail.email.greetingNoName");
  const deputy = oneLine(input.deputyName ?? "");
  const intro = t(INTRO[kind], { deputy });
  const reason = kind === "deputyRefused" && input.reason?.trim() ? oneLine(t("mail.email.reason", { reason: input.reason.trim() })) : null;
  const link = kindHasLink(kind) && input.link ? safeHttpUrl(input.link) : null;
  const cancels = kind === "cancellation" || kind === "withdrawal" || kind === "delegated";
  const showDescription = !cancels && kind !== "deputyRefused" && !!event.description?.trim();

  const when = eventWhen(event, locale);
  const where = eventLocation(event) ?? t("mail.email.venueTbd");
  const beforeWhen = previous ? eventWhen(previous, locale) : null;
  const beforeWhere = previous ? (eventLocation(previous) ?? t("mail.email.venueTbd")) : null;
  const previousTitle = previous && oneLine(previous.title) !== title ? oneLine(previous.title) : null;
  const facts: Fact[] = [
    {
      label: t("mail.email.when"),
      value: when,
      changed: beforeWhen !== null && beforeWhen !== when,
      previous: beforeWhen !== null && beforeWhen !== when ? beforeWhen : null,
    },
    {
      label: t("mail.email.where"),
      value: where,
      changed: beforeWhere !== null && beforeWhere !== where,
      previous: beforeWhere !== null && beforeWhere !== where ? beforeWhere : null,
    },
  ];
  const changedMark = t("mail.email.changed");
  const signature = oneLine(input.signature);

  // --- plain text ---
  const text: string[] = [greeting, "", intro, ...(reason ? [reason] : []), "", title];
  if (previousTitle) text.push(t("mail.email.previousTitle", { value: previousTitle }));
  text.push("");
  for (const f of facts) {
    text.push(`${f.label}: ${f.value}${f.changed ? ` (${changedMark})` : ""}`);
    if (f.previous) text.push(`  ${t("mail.email.previously", { value: f.previous })}`);
  }
  if (showDescription && event.description) text.push("", event.description.replace(/\r\n?/g, "\n").trim());
  if (link) text.push("", t("mail.email.respondText", { url: link }), t("mail.email.personalLink"));
  text.push("", t(CALENDAR_HINT[kind]), "", t("mail.email.closing"), signature, "", "-- ", t("mail.email.footer"), "");

  // --- HTML ---
  const muted = "color:#5f6b7a;";
  const factRows = facts
    .map(
      (f) =>
        `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:6px 16px 6px 0;white-space:nowrap;${muted}font-weight:normal;">${escapeHtml(f.label)}</th>` +
        `<td style="padding:6px 0;vertical-align:top;">${escapeHtml(f.value)}` +
        (f.changed ? ` <strong style="color:#9a3412;">(${escapeHtml(changedMark)})</strong>` : "") +
        (f.previous
          ? `<div style="${muted}font-size:13px;">${escapeHtml(t("mail.email.previously", { value: "\u0000" })).replace("\u0000", `<s>${escapeHtml(f.previous)}</s>`)}</div>`
          : "") +
        `</td></tr>`,
    )
    .join("\n");
  const titleStyle = cancels ? "text-decoration:line-through;" : "";
  const html = [
    `<!DOCTYPE html>`,
    `<html lang="${locale}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f4f1ec;">`,
    `<div style="max-width:600px;margin:0 auto;padding:24px 12px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.55;color:#1f2933;">`,
    `<div style="background:#ffffff;border:1px solid #e2ddd5;border-radius:8px;padding:24px;">`,
    `<p style="margin:0 0 12px;">${escapeHtml(greeting)}</p>`,
    `<p style="margin:0 0 12px;">${escapeHtml(intro)}</p>`,
    reason ? `<p style="margin:0 0 12px;">${escapeHtml(reason)}</p>` : "",
    `<h1 style="font-size:20px;line-height:1.35;margin:16px 0 8px;color:#7a1f1f;${titleStyle}">${escapeHtml(title)}</h1>`,
    previousTitle ? `<p style="margin:0 0 8px;${muted}font-size:13px;">${escapeHtml(t("mail.email.previousTitle", { value: previousTitle }))}</p>` : "",
    `<table role="presentation" style="border-collapse:collapse;margin:8px 0 16px;">`,
    factRows,
    `</table>`,
    showDescription && event.description ? `<p style="margin:0 0 16px;">${escapeMultiline(event.description.trim())}</p>` : "",
    link
      ? [
          `<p style="margin:20px 0;"><a href="${escapeHtml(link)}" style="display:inline-block;background:#7a1f1f;color:#ffffff;padding:10px 20px;border-radius:6px;text-decoration:none;font-weight:bold;">${escapeHtml(t("mail.email.respond"))}</a></p>`,
          `<p style="margin:0 0 8px;${muted}font-size:13px;">${escapeHtml(t("mail.email.linkFallback", { url: "\u0000" })).replace(
            "\u0000",
            `<a href="${escapeHtml(link)}" style="color:#7a1f1f;word-break:break-all;">${escapeHtml(link)}</a>`,
          )}</p>`,
          `<p style="margin:0 0 16px;${muted}font-size:13px;">${escapeHtml(t("mail.email.personalLink"))}</p>`,
        ].join("\n")
      : "",
    `<p style="margin:0 0 16px;${muted}font-size:13px;">${escapeHtml(t(CALENDAR_HINT[kind]))}</p>`,
    `<p style="margin:0;">${escapeHtml(t("mail.email.closing"))}<br>${escapeHtml(signature)}</p>`,
    `</div>`,
    `<p style="margin:16px 0 0;text-align:center;${muted}font-size:12px;">${escapeHtml(t("mail.email.footer"))}</p>`,
    `</div>`,
    `</body>`,
    `</html>`,
    ``,
  ]
    .filter((line) => line !== "")
    .join("\n");

  return { subject, text: text.join("\n"), html: `${html}\n` };
}
