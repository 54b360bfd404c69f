import type { AppLoadContext } from "@remix-run/node";
import { formatDateTime, formatTime, formatWhen, zoneOffsetLabel, zoneOffsetMinutes } from "~/domain/dates/phrasing";
import { eventInLanguage, honorificInLanguage, termOrMarkedEn } from "~/domain/glossary/in-language";
import { principalInPhrase } from "~/domain/protocol/deputy";
import { companionsComing } from "~/domain/rsvp/companions";
import { mapSearchUrl, venueLine } from "~/domain/rsvp/venue";
import type { Locale } from "~/i18n/i18n";
import { checkInQrSvg, checkInQrVersion, doorTicketFor } from "~/services/check-in.server";
import { invitationUrl } from "~/services/invitation-links.server";
import { eventTextKey, invitationCalendarLinks, inviteeName, loadInvitationPageByToken, type InvitationPageByToken } from "~/services/rsvp.server";
import { Lru } from "~/utils/lru";
import type { CalendarService } from "./calendar-services";

/** A text in both interface languages: the page shows the one its reader chose (the root loader's locale). */
export type Phrased = Record<Locale, string>;
const phrased = (phrase: (locale: Locale) => string): Phrased => ({ vi: phrase("vi"), en: phrase("en") });

/**
 * The part of the page that depends on the event, its agenda and the reader's language only — the same for every
 * invitee of the event: the event in that language, the agenda's times, the phrased dates, the venue line. Kept per
 * those inputs (their whole text is the key: an edited event or agenda is another entry, seen by the next request),
 * because phrasing dates is most of the page's own work (issue 12). Bounded: 500 entries of a few KB (the
 * description is the largest part).
 */
function eventView(page: Pick<InvitationPageByToken, "event" | "agenda">, language: Locale) {
  return eventViews.getOrSet(eventTextKey(language, page), () => buildEventView(page, language));
}

function buildEventView(page: Pick<InvitationPageByToken, "event" | "agenda">, language: Locale) {
  const event = eventInLanguage(page.event, language);
  const zone = event.timeZone;
  // What the page shows of each item: its time and title (the times themselves are not sent).
  const agenda = page.agenda.map((a) => ({
    title: language === "en" ? termOrMarkedEn(a.title) : a.title,
    time: `${formatTime(new Date(a.startsAt), zone)} – ${formatTime(new Date(a.endsAt), zone)}`,
  }));
  const startsAt = new Date(event.startsAt);
  const endsAt = new Date(event.endsAt);
  return {
    event,
    agenda,
    when: phrased((l) => formatWhen(startsAt, endsAt, zone, l, event.startPrecision)),
    zoneLabel: zoneOffsetLabel(startsAt, zone),
    zoneOffset: zoneOffsetMinutes(startsAt, zone),
    venue: venueLine(event),
    mapUrl: mapSearchUrl(event),
  };
}
const eventViews = new Lru<string, ReturnType<typeof buildEventView>>(500);

/** A moment in both languages, in the event's zone (answer times, the answer deadline): kept, as they repeat. */
function phrasedDateTime(date: Date, zone: string): Phrased {
  return dateTimes.getOrSet(`${date.getTime()}\u0000${zone}`, () => phrased((l) => formatDateTime(date, zone, l)));
}
const dateTimes = new Lru<string, Phrased>(2_000);

/** The door QR code is shown once the invitee has said yes (or maybe), unless the event is cancelled. */
const showsQr = (page: Pick<InvitationPageByToken, "event" | "invitation">) =>
  page.event.status !== "cancelled" && (page.invitation.status === "accepted" || page.invitation.status === "tentative");

/**
 * What the invitee's page shows, worded here on the server: dates, the agenda's times, names in the invitee's
 * language. The browser gets text, not the date library or the glossary (issue 12: the invitee page's scripts within
 * 1.2× a blank page's); only a visitor outside the event's time zone loads the date library, after the page is shown,
 * to say the time in their own zone. Null when the token opens nothing (unknown, withdrawn, expired).
 *
 * Only what the page renders (issue 12: the page under load): the QR code and the calendar links are addresses of
 * their own (/invitation/qr.svg, /invitation/calendar/<service>), not the picture and the three long URLs that would
 * be in the HTML and again in the loader data.
 */
export async function invitationPageData(context: AppLoadContext, token: string) {
  const page = await loadInvitationPageByToken(context.db, token);
  if (!page) return null;
  const { invitation, person, host, window, proposal, principal } = page;
  // The page in the invitee's language: English names where given, else the glossary, else marked.
  const language = person.language;
  const view = eventView(page, language);
  const { event, agenda } = view;
  const zone = event.timeZone;
  const name = language === "en" ? inviteeName({ ...person, honorific: honorificInLanguage(person.honorific, "en") }) : inviteeName(person);
  return {
    state: "ok" as const,
    name,
    invitation: {
      status: invitation.status,
      respondedAtText: invitation.respondedAt ? phrasedDateTime(new Date(invitation.respondedAt), zone) : null,
      comment: invitation.comment,
      plusOnes: invitation.plusOnes,
      // What the invitee named (null: not said yet), within what is allowed now.
      companions: invitation.companionNames === null ? null : companionsComing(invitation),
      isDeputy: invitation.deputyForInvitationId !== null,
    },
    onBehalfOf: principal ? principalInPhrase(principal) : null,
    deputy: proposal
      ? { status: proposal.status, name: [proposal.honorific, proposal.fullName].filter(Boolean).join(" "), reason: proposal.refusalReason }
      : null,
    event: {
      title: event.title,
      status: event.status,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      startPrecision: event.startPrecision,
      when: view.when,
      zoneLabel: view.zoneLabel,
      /** Minutes east of UTC at the start: the browser compares its own offset to decide whether to say the time in its zone. */
      zoneOffset: view.zoneOffset,
      venue: view.venue,
      mapUrl: view.mapUrl,
      description: event.description,
    },
    host,
    window: window.open
      ? { open: true as const, closesAtText: phrasedDateTime(new Date(window.closesAt), zone) }
      : { open: false as const, reason: window.reason },
    agenda,
    // The picture's address names the code it draws: a new code is a new address, the same one stays in the browser.
    qr: showsQr(page) ? qrImagePath(await doorTicketFor(context.db, invitation.id, event.id)) : null,
  };
}

export type InvitationPageData = NonNullable<Awaited<ReturnType<typeof invitationPageData>>>;

export const QR_IMAGE_PATH = "/invitation/qr.svg";
const qrImagePath = (ticket: string) => `${QR_IMAGE_PATH}?v=${checkInQrVersion(ticket)}`;

/**
 * The door QR code of the invitation a token opens, as an SVG, with its version (the `v` of its address); null when
 * the token opens nothing or the page shows no code (not accepted, declined, the event cancelled).
 */
export async function invitationQrImage(context: AppLoadContext, token: string): Promise<{ svg: string; version: string } | null> {
  const page = await loadInvitationPageByToken(context.db, token);
  if (!page || !showsQr(page)) return null;
  const ticket = await doorTicketFor(context.db, page.invitation.id, page.event.id);
  return { svg: await checkInQrSvg(ticket), version: checkInQrVersion(ticket) };
}

/**
 * The add-to-calendar address of one service (Google, Outlook.com, Office 365) for the invitation a token opens, made
 * when the invitee clicks (/invitation/calendar/<service> redirects to it); null when the token opens nothing.
 * The calendar entry is opened later, often on another device: it carries the personal link, not /invitation.
 */
export async function invitationCalendarLink(context: AppLoadContext, token: string, service: CalendarService): Promise<string | null> {
  const page = await loadInvitationPageByToken(context.db, token);
  if (!page) return null;
  return invitationCalendarLinks(page, invitationUrl(context.appUrl, token))[service];
}
