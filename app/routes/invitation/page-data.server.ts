import type { AppLoadContext } from "@remix-run/node";
import { formatDateTime, formatTime, formatWhen, zoneOffsetLabel, zoneOffsetMinutes } from "~/domain/dates/phrasing";
import { eventInLanguage, honorificInLanguage, termOrMarkedEn } from "~/domain/glossary/in-language";
import { principalInPhrase } from "~/domain/protocol/deputy";
import { companionsComing } from "~/domain/rsvp/companions";
import { mapSearchUrl, venueLine } from "~/domain/rsvp/venue";
import type { Locale } from "~/i18n/i18n";
import { checkInQrDataUrl, doorTicketFor } from "~/services/check-in.server";
import { invitationUrl } from "~/services/invitation-links.server";
import { eventTextKey, invitationCalendarLinks, inviteeName, loadInvitationPageByToken, type InvitationPageByToken } from "~/services/rsvp.server";
import { Lru } from "~/utils/lru";

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
  const agenda = (language === "en" ? page.agenda.map((a) => ({ ...a, title: termOrMarkedEn(a.title) })) : page.agenda).map((a) => ({
    ...a,
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

/**
 * What the invitee's page shows, worded here on the server: dates, the agenda's times, names in the invitee's
 * language. The browser gets text, not the date library or the glossary (issue 12: the invitee page's scripts within
 * 1.2× a blank page's); only a visitor outside the event's time zone loads the date library, after the page is shown,
 * to say the time in their own zone. Null when the token opens nothing (unknown, withdrawn, expired).
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
  const showQr = event.status !== "cancelled" && (invitation.status === "accepted" || invitation.status === "tentative");
  return {
    state: "ok" as const,
    name,
    invitation: {
      status: invitation.status,
      respondedAt: invitation.respondedAt,
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
      timeZone: zone,
      when: view.when,
      zoneLabel: view.zoneLabel,
      /** Minutes east of UTC at the start: the browser compares its own offset to decide whether to say the time in its zone. */
      zoneOffset: view.zoneOffset,
      venue: view.venue,
      mapUrl: view.mapUrl,
      description: event.description,
    },
    host,
    window: { ...window, closesAtText: window.open ? phrasedDateTime(new Date(window.closesAt), zone) : null },
    agenda,
    // The calendar entry is opened later, often on another device: it carries the personal link, not /invitation.
    calendar: invitationCalendarLinks(page, invitationUrl(context.appUrl, token)),
    qr: showQr ? await checkInQrDataUrl(await doorTicketFor(context.db, invitation.id, event.id)) : null,
  };
}

export type InvitationPageData = NonNullable<Awaited<ReturnType<typeof invitationPageData>>>;
