/**
 * Who gets which answer from every route: one row per file under app/routes, one entry per method it answers,
 * one expected answer per actor. server/authorization-matrix.server.test.ts sends every cell to the production
 * build and compares; a route without a row, a row without a route, or a method the route answers without an
 * entry here fails it. How to read and extend it: docs/testing.md; the conventions behind the answers:
 * docs/decisions/025-authorization-matrix.md.
 *
 * Requests that may write (every method but GET) carry a deliberately invalid body (`[]` as JSON on /api/…, an
 * unknown `intent` on pages) unless the entry names another: an actor who may act gets 400/422 ("invalid": the
 * validation ran), one who may not gets 401/403/404/login (the permission check came first) and the database is
 * unchanged. Every request runs in a transaction that is rolled back.
 *
 * The event under test is the demo ceremony (owned by `organizer`, `commsOnTeam` on its team); ids and actors are
 * those of server/testing/app-harness.server.ts.
 */
import type { ActorName, HarnessIds } from "./testing/app-harness.server";

/**
 * "ok" 2xx · "redirect" 3xx elsewhere than the login · "login" 302 to /login?redirectTo=… · "invalid" 400 or 422 ·
 * a number: exactly that status.
 */
export type Expect = "ok" | "redirect" | "login" | "invalid" | 401 | 403 | 404 | 405 | 409 | 415;
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export const pageActors = ["anonymous", "viewer", "otherOrganizer", "commsOnTeam", "commsOffTeam", "organizer", "admin", "otherInvitee"] as const;
/** The API adds the token-only actors; cookies mean nothing there, so `otherInvitee` is as anonymous as anyone. */
export const apiActors = [...pageActors, "readToken", "otherEventToken"] as const;
type StaffActor = "viewer" | "otherOrganizer" | "commsOnTeam" | "commsOffTeam" | "organizer" | "admin";

export interface Cell {
  expect: Partial<Record<ActorName, Expect>>;
  /** The request body (default: see above) and its Content-Type. */
  body?: { type: string; text: string };
  /** A value for the splat ("*") of this method, when it differs from the row's. */
  splat?: string;
  /** This cell may write even when refused (signing out, the login throttle): skip the "nothing written" check. */
  writes?: boolean;
}

export interface Row {
  /** Parameter values: a key of the harness's ids, or a literal (`=value`). Default: by the parameter's name. */
  params?: Record<string, keyof HarnessIds | `=${string}`>;
  methods: Partial<Record<Method, Cell>>;
}

// --- who ------------------------------------------------------------------------------------------------------

const STAFF: StaffActor[] = ["viewer", "otherOrganizer", "commsOnTeam", "commsOffTeam", "organizer", "admin"];
/** event:update, attendees:manage, checkin:perform, event:manageMembers: the event's organizer(s), admins. */
const ORGANIZERS: StaffActor[] = ["organizer", "admin"];
/** The event's working team (photos:manage, press:edit, personalData:read): organizers, its communications members, admins. */
const TEAM: StaffActor[] = ["organizer", "commsOnTeam", "admin"];
/** event:create, organization:*: organizers (of any event) and admins. */
const CREATORS: StaffActor[] = ["otherOrganizer", "organizer", "admin"];
const ADMIN: StaffActor[] = ["admin"];

// --- profiles: a whole row of answers from who may act ------------------------------------------------------

/** A staff page: `allowed` for `who`, `denied` (403) for other staff, the login for everyone else. */
function page(allowed: Expect, who: StaffActor[], denied: Expect = 403): Cell {
  const expect: Cell["expect"] = { anonymous: "login", otherInvitee: "login" };
  for (const actor of STAFF) expect[actor] = who.includes(actor) ? allowed : denied;
  return { expect };
}

/**
 * An API endpoint: `allowed` for `who` with a token of both scopes, 403 for other staff, 401 without a token. The
 * organizer's read-only token reads what the organizer reads and writes nothing; the token of another event
 * reaches nothing outside /api/v1/events/<that event>.
 */
function api(method: Method, allowed: Expect, who: StaffActor[], denied: Expect = 403): Cell {
  const expect: Cell["expect"] = { anonymous: 401, otherInvitee: 401, otherEventToken: 403 };
  for (const actor of STAFF) expect[actor] = who.includes(actor) ? allowed : denied;
  expect.readToken = method === "GET" ? expect.organizer : 403;
  return { expect };
}

/** The same answer for everybody (public pages, links that are their own credential). */
function everyone(answer: Expect, actors: readonly ActorName[] = pageActors): Cell {
  return { expect: Object.fromEntries(actors.map((a) => [a, answer])) };
}

/** A sign-in page: `guest` for visitors, a redirect for staff who are signed in already. */
function guestPage(guest: Expect): Cell {
  return { expect: { ...page("redirect", STAFF).expect, anonymous: guest, otherInvitee: guest } };
}

const with_ = (cell: Cell, extra: Partial<Cell>): Cell => ({ ...cell, ...extra, expect: { ...cell.expect, ...extra.expect } });
const json = (text: string) => ({ type: "application/json", text });

// --- the matrix -----------------------------------------------------------------------------------------------

export const authorizationMatrix: Record<string, Row> = {
  // Public and sign-in pages
  $: { params: { "*": "=no-such-page" }, methods: { GET: everyone(404), POST: everyone(404) } },
  _index: { methods: { GET: page("redirect", STAFF) } },
  healthz: { methods: { GET: everyone("ok") } },
  readyz: { methods: { GET: everyone("ok") } },
  locale: { methods: { GET: everyone("redirect"), POST: everyone("redirect") } },
  login: { methods: { GET: guestPage("ok"), POST: with_(guestPage("invalid"), { writes: true }) } },
  "login_.two-factor": { methods: { GET: everyone("ok"), POST: everyone("invalid") } },
  logout: { methods: { GET: everyone("redirect"), POST: with_(everyone("login"), { writes: true }) } },
  "forgot-password": { methods: { GET: guestPage("ok"), POST: guestPage("invalid") } },
  "reset-password.$token": { params: { token: "resetToken" }, methods: { GET: everyone("ok"), POST: everyone("invalid") } },
  // Only while there is no account at all: afterwards the same 404 for everybody.
  setup: { methods: { GET: everyone(404), POST: everyone(404) } },
  "press._index": { methods: { GET: everyone("ok") } },
  "press.$slug": { methods: { GET: everyone("ok") } },
  // Served photo variants: public by design (unguessable id and revision; docs/decisions/009-photos.md).
  "media.photos.$photoId.$revision.$file": { methods: { GET: everyone("ok") } },
  // The calendar feed's address is its own credential (docs/decisions/013-personal-link-in-calendar-entries.md).
  "calendar.$token": { params: { token: "calendarToken" }, methods: { GET: everyone("ok") } },

  // The invitee's pages: the personal link is the credential, whoever holds it; the cookie it sets opens /invitation.
  "i.$token": { params: { token: "otherInvitationToken" }, methods: { GET: everyone("redirect") } },
  "i.$token_.invite[.]ics": { params: { token: "otherInvitationToken" }, methods: { GET: everyone("ok") } },
  invitation: {
    methods: {
      GET: { expect: { ...everyone(404).expect, otherInvitee: "ok" } },
      POST: { expect: { ...everyone(404).expect, otherInvitee: "invalid" } },
    },
  },
  "invitation.calendar[.]ics": { methods: { GET: { expect: { ...everyone(404).expect, otherInvitee: "ok" } } } },
  // The calendar buttons: a redirect to the service for the cookie's invitation, the same 404 for anyone else.
  "invitation.calendar.$service": {
    params: { service: "=google" },
    methods: { GET: { expect: { ...everyone(404).expect, otherInvitee: "redirect" } } },
  },
  // The door QR code exists once the invitation is accepted; the harness's invitee has only been sent theirs.
  "invitation.qr[.]svg": { methods: { GET: everyone(404) } },

  // The account: every signed-in staff member, their own
  "account._index": { methods: { GET: page("ok", STAFF), POST: page("invalid", STAFF) } },
  "account.calendar": { methods: { GET: page("ok", STAFF), POST: page("invalid", STAFF) } },
  "account.tokens": { methods: { GET: page("ok", STAFF), POST: page("invalid", STAFF) } },

  // Administration
  "admin.audit": { methods: { GET: page("ok", ADMIN) } },
  "admin.glossary": { methods: { GET: page("ok", ADMIN), POST: page("invalid", ADMIN) } },
  "admin.mailbox._index": { methods: { GET: page("ok", ADMIN) } },
  "admin.mailbox.$messageId": { params: { messageId: "mailMessageId" }, methods: { GET: page("ok", ADMIN), POST: page("invalid", ADMIN) } },
  "admin.people._index": { methods: { GET: page("ok", ADMIN) } },
  // Unknown intent: back to the page (nothing to validate before choosing what to do).
  "admin.people.$personId": { methods: { GET: page("ok", ADMIN), POST: page("redirect", ADMIN) } },
  "admin.people.$personId_.export[.]json": { methods: { GET: page("ok", ADMIN) } },
  "admin.retention": { methods: { GET: page("ok", ADMIN), POST: page("redirect", ADMIN) } },
  "admin.users": { methods: { GET: page("ok", ADMIN), POST: page("invalid", ADMIN) } },
  // Unknown intent names no endpoint: 404 after the permission check.
  // Moved to /webhooks; the old address redirects everyone (bookmarks, old mails), the new page decides.
  "admin.webhooks": { methods: { GET: everyone("redirect") } },
  // Every staff member may open it: each sees the endpoints they may manage (admins all, organizers their events').
  webhooks: { methods: { GET: page("ok", STAFF), POST: page(404, STAFF) } },

  // Events and organizations
  "events._index": { methods: { GET: page("ok", STAFF) } },
  "events.new": { methods: { GET: page("ok", CREATORS), POST: page("invalid", CREATORS) } },
  "organizations._index": { methods: { GET: page("ok", STAFF), POST: page("invalid", CREATORS) } },
  "events.$eventId": { methods: { GET: page("ok", STAFF), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId._index": { methods: { GET: page("ok", STAFF) } },
  "events.$eventId.$section": { params: { section: "=nothing-here" }, methods: { GET: page(404, STAFF) } },
  "events.$eventId.edit": { methods: { GET: page("ok", ORGANIZERS), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId.history": { methods: { GET: page("ok", STAFF) } },
  "events.$eventId.team": { methods: { GET: page("ok", STAFF), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId.webhooks": { methods: { GET: page("ok", ORGANIZERS), POST: page(404, ORGANIZERS) } },
  "events.$eventId.calendar[.]ics": { methods: { GET: page("ok", STAFF) } },
  "events.$eventId.counts": { methods: { GET: page("ok", STAFF) } },

  // Agenda, ceremony, dignitaries, seating: read by all staff, changed by the event's organizers
  "events.$eventId.agenda": { methods: { GET: page("ok", STAFF) } },
  "events.$eventId.agenda._index": { methods: { GET: page("ok", STAFF), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId.agenda.mc": { methods: { GET: page("ok", STAFF), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId_.agenda.mc.print": { methods: { GET: page("ok", STAFF) } },
  "events.$eventId.ceremony": { methods: { GET: page("ok", STAFF), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId.dignitaries": { methods: { GET: page("ok", STAFF), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId.dignitaries_.new": { methods: { GET: page("ok", ORGANIZERS), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId.dignitaries_.$dignitaryId": { methods: { GET: page("ok", ORGANIZERS), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId.dignitaries_.print": { methods: { GET: page("ok", STAFF) } },
  "events.$eventId.seating": { methods: { GET: page("ok", STAFF), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId.seating_.cards": { methods: { GET: page("ok", STAFF) } },
  "events.$eventId.seating_.print": { methods: { GET: page("ok", STAFF) } },
  // Every letter setting is optional (the defaults come from the event): any body an organizer sends is saved.
  "events.$eventId.letters": { methods: { GET: page("ok", STAFF), POST: page("ok", ORGANIZERS) } },
  "events.$eventId_.letters_.docx": { methods: { GET: page("ok", STAFF) } },
  "events.$eventId_.letters_.pdf": { methods: { GET: page("ok", STAFF) } },
  "events.$eventId_.letters_.print": { methods: { GET: page("ok", STAFF) } },

  // Attendees and mail: names for all staff; contact details, exports and changes for the organizers (and the
  // export, with personal data, for the communications team)
  "events.$eventId.attendees": { methods: { GET: page("ok", STAFF), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId.attendees_.print": { methods: { GET: page("ok", STAFF) } },
  "events.$eventId.attendees_.new": { methods: { GET: page("ok", ORGANIZERS), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId.attendees_.$invitationId": { methods: { GET: page("ok", ORGANIZERS), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId.attendees_.badges": { methods: { GET: page("ok", ORGANIZERS) } },
  "events.$eventId.attendees_.export[.]csv": { methods: { GET: page("ok", TEAM) } },
  "events.$eventId.attendees_.import": { methods: { GET: page("ok", ORGANIZERS), POST: page("invalid", ORGANIZERS) } },
  // A JSON endpoint of the import page: form data is refused as the wrong media type once the permission holds.
  "events.$eventId.attendees_.import.rows": { methods: { POST: page(415, ORGANIZERS) } },
  "events.$eventId.mail": { methods: { GET: page("ok", ORGANIZERS), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId.mail.progress": { methods: { GET: page("ok", ORGANIZERS) } },

  // Check-in and the door
  "events.$eventId.check-in": { methods: { GET: page("ok", ORGANIZERS), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId_.arrivals": { methods: { GET: page("ok", STAFF) } },
  "events.$eventId_.arrivals_.live": { methods: { GET: page("ok", STAFF) } },
  "events.$eventId_.door": { methods: { GET: page("ok", ORGANIZERS), POST: page("invalid", ORGANIZERS) } },
  "events.$eventId_.door_.list": { methods: { GET: page("ok", ORGANIZERS) } },
  "events.$eventId_.door_.manifest[.webmanifest]": { methods: { GET: page("ok", ORGANIZERS) } },
  "events.$eventId_.door_.offline": { methods: { GET: page("ok", ORGANIZERS) } },
  // POST only (the offline door's sync): GET is 405 for everybody.
  "events.$eventId_.door_.sync": { methods: { GET: everyone(405), POST: page("invalid", ORGANIZERS) } },

  // Photos: seen by all staff, managed by the team; originals (EXIF, GPS) are personal data
  "events.$eventId.photos": { methods: { GET: page("ok", STAFF), POST: page("invalid", TEAM) } },
  "events.$eventId.photos_.$photoId": { methods: { GET: page("ok", STAFF), POST: page("invalid", TEAM) } },
  "events.$eventId.photos_.$photoId_.original": { methods: { GET: page("ok", TEAM) } },
  // Unknown intent: back to the captions page.
  "events.$eventId.photos_.captions": { methods: { GET: page("ok", TEAM), POST: page("redirect", TEAM) } },
  // The uploader's XMLHttpRequest endpoint: 401 (not a login redirect) without a session; the body must be a photo.
  "events.$eventId.photos_.upload": {
    methods: {
      GET: everyone(405),
      POST: { expect: { ...page(415, TEAM).expect, anonymous: 401, otherInvitee: 401 } },
    },
  },

  // Press: read by all staff, written by the press team (organizers edit, communications also approve)
  "events.$eventId.press": { methods: { GET: page("ok", STAFF), POST: page("invalid", TEAM) } },
  "events.$eventId.press_.$summaryId": { methods: { GET: page("ok", STAFF), POST: page("invalid", TEAM) } },
  "events.$eventId_.press_.$summaryId_.docx": { methods: { GET: page("ok", STAFF) } },
  "events.$eventId_.press_.$summaryId_.export": { methods: { GET: page("ok", STAFF) } },
  "events.$eventId_.press_.$summaryId_.print": { methods: { GET: page("ok", STAFF) } },

  // ---------------------------------------------------------------------------------------------------------
  // The API (bearer tokens; docs/api.md)
  "api.$": { params: { "*": "=v1/no-such-endpoint" }, methods: { GET: everyone(404, apiActors), POST: everyone(404, apiActors) } },
  "api.v1.openapi[.json]": { methods: { GET: everyone("ok", apiActors) } },
  "api.v1.events._index": { methods: { GET: api("GET", "ok", STAFF), POST: api("POST", "invalid", CREATORS) } },
  "api.v1.events.$eventId._index": { methods: { GET: api("GET", "ok", STAFF), PATCH: api("PATCH", "invalid", ORGANIZERS) } },
  // The demo ceremony is over: cancelling it is a conflict, after the permission check.
  "api.v1.events.$eventId.cancel": { methods: { POST: api("POST", 409, ORGANIZERS) } },
  "api.v1.events.$eventId.agenda._index": { methods: { GET: api("GET", "ok", STAFF), POST: api("POST", "invalid", ORGANIZERS) } },
  "api.v1.events.$eventId.agenda.$itemId": {
    params: { itemId: "agendaItemId" },
    methods: { GET: api("GET", "ok", STAFF), PATCH: api("PATCH", "invalid", ORGANIZERS), DELETE: api("DELETE", "ok", ORGANIZERS) },
  },
  // One route for the ceremony's sub-resources: the whole at GET /ceremony, a new side at POST /ceremony/sides;
  // PUT/PATCH/DELETE on /ceremony itself name no sub-resource (404 once the permission holds).
  "api.v1.events.$eventId.ceremony.$": {
    params: { "*": "=" },
    methods: {
      GET: api("GET", "ok", STAFF),
      POST: with_(api("POST", "invalid", ORGANIZERS), { splat: "sides" }),
      PUT: api("PUT", 404, ORGANIZERS),
      PATCH: api("PATCH", 404, ORGANIZERS),
      DELETE: api("DELETE", 404, ORGANIZERS),
    },
  },
  "api.v1.events.$eventId.check-ins": { methods: { POST: api("POST", "invalid", ORGANIZERS) } },
  "api.v1.events.$eventId.dignitaries._index": { methods: { GET: api("GET", "ok", STAFF), POST: api("POST", "invalid", ORGANIZERS) } },
  "api.v1.events.$eventId.dignitaries.$dignitaryId": {
    methods: { GET: api("GET", "ok", STAFF), PATCH: api("PATCH", "invalid", ORGANIZERS), DELETE: api("DELETE", "ok", ORGANIZERS) },
  },
  "api.v1.events.$eventId.invitations._index": { methods: { GET: api("GET", "ok", STAFF), POST: api("POST", "invalid", ORGANIZERS) } },
  "api.v1.events.$eventId.invitations.$invitationId._index": {
    methods: { GET: api("GET", "ok", STAFF), PATCH: api("PATCH", "invalid", ORGANIZERS), DELETE: api("DELETE", "ok", ORGANIZERS) },
  },
  "api.v1.events.$eventId.invitations.$invitationId.regenerate-link": { methods: { POST: api("POST", "ok", ORGANIZERS) } },
  // CSV or JSON rows: a JSON array is neither (415) once the permission holds.
  "api.v1.events.$eventId.invitations.import": { methods: { POST: api("POST", 415, ORGANIZERS) } },
  "api.v1.events.$eventId.invitations.send": { methods: { POST: api("POST", "invalid", ORGANIZERS) } },
  "api.v1.events.$eventId.photos._index": { methods: { GET: api("GET", "ok", STAFF), POST: api("POST", 415, TEAM) } },
  // A photo placed in the published press summary cannot be deleted: 409 once the permission holds.
  "api.v1.events.$eventId.photos.$photoId": {
    methods: { GET: api("GET", "ok", STAFF), PATCH: api("PATCH", "invalid", TEAM), DELETE: api("DELETE", 409, TEAM) },
  },
  "api.v1.events.$eventId.press-summaries": { methods: { GET: api("GET", "ok", STAFF), POST: api("POST", "invalid", TEAM) } },
  "api.v1.events.$eventId.seating": { methods: { GET: api("GET", "ok", STAFF) } },
  "api.v1.glossary": { methods: { GET: api("GET", "ok", STAFF), POST: api("POST", "invalid", ADMIN) } },
  "api.v1.organizations._index": { methods: { GET: api("GET", "ok", STAFF), POST: api("POST", "invalid", CREATORS) } },
  // The demo organizations host events: deleting one is a conflict once the permission holds.
  "api.v1.organizations.$organizationId": {
    methods: { GET: api("GET", "ok", STAFF), PATCH: api("PATCH", "invalid", CREATORS), DELETE: api("DELETE", 409, CREATORS) },
  },
  "api.v1.people._index": { methods: { GET: api("GET", "ok", STAFF) } },
  "api.v1.people.$personId": { methods: { GET: api("GET", "ok", STAFF), PATCH: api("PATCH", "invalid", ORGANIZERS) } },
  "api.v1.people.$personId_.erase": { methods: { POST: api("POST", "ok", ADMIN) } },
  "api.v1.people.$personId_.export": { methods: { GET: api("GET", "ok", ADMIN) } },
  "api.v1.press-summaries.$summaryId._index": { methods: { GET: api("GET", "ok", STAFF), PATCH: api("PATCH", "invalid", TEAM) } },
  "api.v1.press-summaries.$summaryId.comments": { methods: { GET: api("GET", "ok", STAFF), POST: api("POST", "invalid", TEAM) } },
  "api.v1.press-summaries.$summaryId.redraft": { methods: { POST: api("POST", "invalid", TEAM) } },
  "api.v1.press-summaries.$summaryId.transition": { methods: { POST: api("POST", "invalid", TEAM) } },
  "api.v1.press-summaries.$summaryId.versions._index": { methods: { GET: api("GET", "ok", STAFF) } },
  "api.v1.press-summaries.$summaryId.versions.$version": { params: { version: "summaryVersion" }, methods: { GET: api("GET", "ok", STAFF) } },
  // Webhooks: administrators all, an event's organizers those of their event. The list answers everyone with
  // what they may see (possibly nothing). Registering: the scope is in the body, so the body is an object here
  // (`[]` could not name one); who may not register for that scope gets 403 before the fields are checked.
  "api.v1.webhooks._index": {
    methods: { GET: api("GET", "ok", STAFF), POST: with_(api("POST", "invalid", ADMIN), { body: json('{"url": 1}') }) },
  },
  "api.v1.webhooks.$webhookId._index": {
    methods: { GET: api("GET", "ok", ORGANIZERS), PATCH: api("PATCH", "invalid", ORGANIZERS), DELETE: api("DELETE", "ok", ORGANIZERS) },
  },
  "api.v1.webhooks.$webhookId.rotate-secret": { methods: { POST: api("POST", "ok", ORGANIZERS) } },
  "api.v1.webhooks.$webhookId.deliveries._index": { methods: { GET: api("GET", "ok", ORGANIZERS) } },
  "api.v1.webhooks.$webhookId.deliveries.$deliveryId.redeliver": { methods: { POST: api("POST", "ok", ORGANIZERS) } },
};

/** Parameter values by name, when the row names none. */
export const defaultParams: Record<string, keyof HarnessIds> = {
  eventId: "eventId",
  invitationId: "invitationId",
  personId: "personId",
  dignitaryId: "dignitaryId",
  itemId: "agendaItemId",
  photoId: "photoId",
  revision: "photoRevision",
  file: "photoFile",
  summaryId: "summaryId",
  slug: "summarySlug",
  version: "summaryVersion",
  organizationId: "organizationId",
  webhookId: "webhookId",
  deliveryId: "deliveryId",
  messageId: "mailMessageId",
};
