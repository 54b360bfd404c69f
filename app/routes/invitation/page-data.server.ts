import type { AppLoadContext } from "@remix-run/node";
import { formatDateTime, formatTime, formatWhen, zoneOffsetLabel, zoneOffsetMinutes } from "~/domain/dates/phrasing";
import { eventInLanguage, honorificInLanguage, termOrMarkedEn } from "~/domain/glossary/in-language";
import { principalInPhrase } from "~/domain/protocol/deputy";
import { companionsComing } from "~/domain/rsvp/companions";
import { mapSearchUrl, venueLine } from "~/domain/rsvp/venue";
import type { Locale } from "~/i18n/i18n";
import { getInviteeInvitation } from "~/models/rsvp.server";
import { checkInQrDataUrl, doorTicketFor } from "~/services/check-in.server";
import { latestDeputyProposal } from "~/services/delegation.server";
import { invitationUrl } from "~/services/invitation-links.server";
import { invitationCalendarLinks, inviteeName, loadInvitationPage } from "~/services/rsvp.server";

/** A text in both interface languages: the page shows the one its reader chose (the root loader's locale). */
export type Phrased = Record<Locale, string>;
const phrased = (phrase: (locale: Locale) => string): Phrased => ({ vi: phrase("vi"), en: phrase("en") });

/**
 * What the invitee's page shows, worded here on the server: dates, the agenda's times, names in the invitee's
 * language. The browser gets text, not the date library or the glossary (issue 12: the invitee page's scripts within
 * 1.2× a blank page's); only a visitor outside the event's time zone loads the date library, after the page is shown,
 * to say the time in their own zone.
 */
export async function invitationPageData(context: AppLoadContext, target: { invitationId: string; token: string }) {
  const page = await loadInvitationPage(context.db, target.invitationId);
  if (!page) return null;
  const { invitation, person, host, window } = page;
  // The page in the invitee's language: English names where given, else the glossary, else marked.
  const language = person.language;
  const event = eventInLanguage(page.event, language);
  const zone = event.timeZone;
  const agenda = (language === "en" ? page.agenda.map((a) => ({ ...a, title: termOrMarkedEn(a.title) })) : page.agenda).map((a) => ({
    ...a,
    time: `${formatTime(new Date(a.startsAt), zone)} – ${formatTime(new Date(a.endsAt), zone)}`,
  }));
  const name = language === "en" ? inviteeName({ ...person, honorific: honorificInLanguage(person.honorific, "en") }) : inviteeName(person);
  const showQr = event.status !== "cancelled" && (invitation.status === "accepted" || invitation.status === "tentative");
  const [proposal, principal] = await Promise.all([
    latestDeputyProposal(context.db, invitation.id),
    invitation.deputyForInvitationId ? getInviteeInvitation(context.db, invitation.deputyForInvitationId) : null,
  ]);
  const startsAt = new Date(event.startsAt);
  const endsAt = new Date(event.endsAt);
  return {
    state: "ok" as const,
    name,
    invitation: {
      status: invitation.status,
      respondedAt: invitation.respondedAt,
      respondedAtText: invitation.respondedAt ? phrased((l) => formatDateTime(new Date(invitation.respondedAt!), zone, l)) : null,
      comment: invitation.comment,
      plusOnes: invitation.plusOnes,
      // What the invitee named (null: not said yet), within what is allowed now.
      companions: invitation.companionNames === null ? null : companionsComing(invitation),
      isDeputy: invitation.deputyForInvitationId !== null,
    },
    onBehalfOf: principal ? principalInPhrase(principal.person) : null,
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
      when: phrased((l) => formatWhen(startsAt, endsAt, zone, l, event.startPrecision)),
      zoneLabel: zoneOffsetLabel(startsAt, zone),
      /** Minutes east of UTC at the start: the browser compares its own offset to decide whether to say the time in its zone. */
      zoneOffset: zoneOffsetMinutes(startsAt, zone),
      venue: venueLine(event),
      mapUrl: mapSearchUrl(event),
      description: event.description,
    },
    host,
    window: { ...window, closesAtText: window.open ? phrased((l) => formatDateTime(new Date(window.closesAt), zone, l)) : null },
    agenda,
    // The calendar entry is opened later, often on another device: it carries the personal link, not /invitation.
    calendar: invitationCalendarLinks(page, invitationUrl(context.appUrl, target.token)),
    qr: showQr ? await checkInQrDataUrl(await doorTicketFor(context.db, invitation.id, event.id)) : null,
  };
}

export type InvitationPageData = NonNullable<Awaited<ReturnType<typeof invitationPageData>>>;
