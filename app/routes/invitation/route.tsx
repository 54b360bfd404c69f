import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrorSummary, TextAreaField, useSchemaForm } from "~/components/forms";
import { formatDateTime, formatRange, formatTime, formatWhen, zoneOffsetLabel } from "~/domain/dates/phrasing";
import { fieldErrors } from "~/domain/forms/fields";
import { hasAnswered, isRsvpIntent, type RsvpIntent } from "~/domain/rsvp/answer-window";
import { mapSearchUrl, venueLine } from "~/domain/rsvp/venue";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { checkInQrDataUrl, doorTicketFor } from "~/services/check-in.server";
import { isServiceError } from "~/utils/errors";
import { invitationUrl } from "~/services/invitation-links.server";
import { eventInLanguage, honorificInLanguage, termOrMarkedEn } from "~/domain/glossary/in-language";
import { inviteeName, invitationCalendarLinks, loadInvitationPage, respondToInvitation } from "~/services/rsvp.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import type { Db } from "#db/client.server";
import { pageTitle } from "~/utils/meta";
import { delegationFromCookie, invitationFromCookie, privateHeaders } from "./invitation-cookie.server";
import stylesheet from "./invitation.css";
import { COMMENT_MAX, rsvpFormSchema } from "~/domain/rsvp/rsvp.schema";
import { deputyFormSchema } from "~/domain/attendees/attendee.schema";
import { principalInPhrase } from "~/domain/protocol/deputy";
import { companionsComing, companionsFormSchema } from "~/domain/rsvp/companions";
import { getInviteeInvitation } from "~/models/rsvp.server";
import { latestDeputyProposal, proposeDeputy, setCompanions } from "~/services/delegation.server";
import { CompanionsForm, DeputyForm, type FormResult } from "./deputy-and-companions";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "rsvp.pageTitle"),
  { name: "referrer", content: "no-referrer" },
  { name: "robots", content: "noindex, nofollow" },
];

/** Document and data responses alike: no Referer leaves this page, nothing of it is cached. */
export const headers: HeadersFunction = () => privateHeaders;

const INVALID = { state: "invalid" as const };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const target = await invitationFromCookie(request, context);
  const page = target ? await loadInvitationPage(context.db, target.invitationId) : null;
  if (!target || !page) {
    // Handed to a deputy: the principal's old link names them (docs/decisions/028).
    const delegated = target ? null : await delegationFromCookie(request, context);
    if (delegated) return data({ state: "delegated" as const, deputy: delegated.deputy }, { status: 410, headers: privateHeaders });
    // No cookie, an unknown, withdrawn or expired token: one page, one status, nothing that tells them apart.
    return data(INVALID, { status: 404, headers: privateHeaders });
  }
  const { invitation, person, host, window } = page;
  // The page in the invitee's language: English names where given, else the glossary, else marked.
  const locale = person.language;
  const event = eventInLanguage(page.event, locale);
  const agenda = locale === "en" ? page.agenda.map((a) => ({ ...a, title: termOrMarkedEn(a.title) })) : page.agenda;
  const name = locale === "en" ? inviteeName({ ...person, honorific: honorificInLanguage(person.honorific, "en") }) : inviteeName(person);
  const showQr = event.status !== "cancelled" && (invitation.status === "accepted" || invitation.status === "tentative");
  const proposal = await latestDeputyProposal(context.db, invitation.id);
  const principal = invitation.deputyForInvitationId ? await getInviteeInvitation(context.db, invitation.deputyForInvitationId) : null;
  return data(
    {
      state: "ok" as const,
      name,
      invitation: {
        status: invitation.status,
        respondedAt: invitation.respondedAt,
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
        timeZone: event.timeZone,
        venue: venueLine(event),
        mapUrl: mapSearchUrl(event),
        description: event.description,
      },
      host,
      window,
      agenda,
      // The calendar entry is opened later, often on another device: it carries the personal link, not /invitation.
      calendar: invitationCalendarLinks(page, invitationUrl(context.appUrl, target.token)),
      qr: showQr ? await checkInQrDataUrl(await doorTicketFor(context.db, invitation.id, event.id)) : null,
    },
    { headers: privateHeaders },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const target = await invitationFromCookie(request, context);
  if (!target) return data({ error: "rsvp.invalid.title" as string, fieldErrors: null, saved: null }, { status: 404, headers: privateHeaders });
  const raw = formDataToObject(await readForm(request));
  const intent = raw.intent;
  if (intent === "companions" || intent === "deputy") return extraAnswer(context.db, target.invitationId, intent, raw);
  if (!isRsvpIntent(intent)) {
    return data({ error: "rsvp.errors.intent", fieldErrors: null, saved: null }, { status: 400, headers: privateHeaders });
  }
  const parsed = rsvpFormSchema.safeParse(raw);
  if (!parsed.success) {
    return data({ error: null, fieldErrors: fieldErrors(parsed.error), saved: null }, { status: 400, headers: privateHeaders });
  }
  try {
    const answer = await respondToInvitation(context.db, {
      invitationId: target.invitationId,
      intent,
      comment: parsed.data.comment,
    });
    return data({ error: null, fieldErrors: null, saved: answer.status }, { headers: privateHeaders });
  } catch (error) {
    if (!isServiceError(error)) throw error;
    const status = error.code === "invalid" ? 400 : error.code === "not_found" ? 404 : 409;
    return data(
      { error: error.message, fieldErrors: Object.keys(error.fields).length ? error.fields : null, saved: null },
      { status, headers: privateHeaders },
    );
  }
}

type ExtraResult = FormResult & { saved: string | null };

/** The companions and deputy forms: the same schemas as in the browser, then the service; a mistake keeps what was typed. */
async function extraAnswer(db: Db, invitationId: string, intent: "companions" | "deputy", raw: Record<string, unknown>) {
  const values = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "intent"));
  const fail = (status: number, error: string | null, fields: Record<string, string> | null) =>
    data({ form: intent, error, fieldErrors: fields, values, saved: null } satisfies ExtraResult, { status, headers: privateHeaders });
  try {
    if (intent === "companions") {
      const row = await getInviteeInvitation(db, invitationId);
      if (!row) return fail(404, "rsvp.invalid.title", null);
      const parsed = companionsFormSchema(row.invitation.plusOnes).safeParse(raw);
      if (!parsed.success) return fail(400, null, fieldErrors(parsed.error));
      const names = await setCompanions(db, { invitationId, names: parsed.data.names });
      return data({ form: intent, error: null, fieldErrors: null, values: null, saved: String(names.length) } satisfies ExtraResult, { headers: privateHeaders });
    }
    const parsed = deputyFormSchema.safeParse(raw);
    if (!parsed.success) return fail(400, null, fieldErrors(parsed.error));
    const d = parsed.data;
    const { proposal } = await proposeDeputy(db, {
      invitationId,
      source: "web",
      deputy: { honorific: d.honorific, name: d.fullName, position: d.position, organization: d.organization, email: d.email, note: d.note },
    });
    const name = [proposal.honorific, proposal.fullName].filter(Boolean).join(" ");
    return data({ form: intent, error: null, fieldErrors: null, values: null, saved: name } satisfies ExtraResult, { headers: privateHeaders });
  } catch (error) {
    if (!isServiceError(error)) throw error;
    const status = error.code === "invalid" ? 400 : error.code === "not_found" ? 404 : 409;
    return fail(status, Object.keys(error.fields).length ? null : error.message, Object.keys(error.fields).length ? error.fields : null);
  }
}

/** The browser's zone, known only after hydration; null on the server and before. */
function useBrowserTimeZone(): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  return zone;
}

const intents: { intent: RsvpIntent; className: string }[] = [
  { intent: "accept", className: "rsvp-accept" },
  { intent: "decline", className: "rsvp-decline" },
  { intent: "maybe", className: "rsvp-maybe" },
];
const intentOf = { accepted: "accept", declined: "decline", tentative: "maybe" } as const;

export default function InvitationPage() {
  const loaderData = useLoaderData<typeof loader>();
  if (loaderData.state === "invalid") return <InvalidLink />;
  if (loaderData.state === "delegated") return <DelegatedLink deputy={loaderData.deputy} />;
  return <Invitation data={loaderData} />;
}

function InvalidLink() {
  const { t } = useT();
  return (
    <div className="invitation">
      <section className="card invitation-invalid" role="alert">
        <h1>{t("rsvp.invalid.title")}</h1>
        <p>{t("rsvp.invalid.body")}</p>
      </section>
    </div>
  );
}

function DelegatedLink({ deputy }: { deputy: string }) {
  const { t } = useT();
  return (
    <div className="invitation">
      <section className="card invitation-invalid" role="status" data-testid="invitation-delegated">
        <h1>{t("rsvp.delegated.title", { deputy })}</h1>
        <p>{t("rsvp.delegated.body")}</p>
      </section>
    </div>
  );
}

type PageData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { state: "ok" }>;

function Invitation({ data: d }: { data: PageData }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, tError, locale } = useT();
  const browserZone = useBrowserTimeZone();
  const { event, invitation, window } = d;
  const startsAt = new Date(event.startsAt);
  const endsAt = new Date(event.endsAt);
  const otherZone = browserZone && zoneOffsetLabel(startsAt, browserZone) !== zoneOffsetLabel(startsAt, event.timeZone);
  const answerData = actionData && !("form" in actionData) ? actionData : null;
  const extraData = actionData && "form" in actionData ? (actionData as FormResult) : null;
  const { form, onSubmit } = useSchemaForm(rsvpFormSchema, {
    defaultValues: { comment: invitation.comment ?? "" },
    serverErrors: answerData?.fieldErrors,
  });
  const busy = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  const current = hasAnswered(invitation.status) ? intentOf[invitation.status] : null;
  const cancelled = event.status === "cancelled";
  const host = d.host ? (locale === "en" && d.host.nameEn ? d.host.nameEn : d.host.nameVi) : null;
  const qrSection =
    !cancelled && invitation.status !== "declined" ? (
      <section className={`card${d.qr ? " invitation-qr-card" : ""}`} aria-labelledby="qr-heading" data-testid="qr-section">
        <h2 id="qr-heading">{t("rsvp.qr.heading")}</h2>
        {d.qr ? (
          <div className="invitation-qr">
            <img src={d.qr} alt={t("rsvp.qr.alt", { name: d.name })} width={240} height={240} data-testid="checkin-qr" />
            <p>{t("rsvp.qr.hint")}</p>
          </div>
        ) : (
          <p className="muted">{t("rsvp.qr.afterAccept")}</p>
        )}
      </section>
    ) : null;
  return (
    <div className="invitation">
      {/* Once they have said yes, what they need at the door comes first. */}
      {d.qr ? qrSection : null}
      <section className="card invitation-card" aria-labelledby="invitation-title">
        <p className="invitation-dear">{t("rsvp.dear", { name: d.name })}</p>
        {d.onBehalfOf ? (
          <p className="notice" data-testid="on-behalf-of">
            {t("rsvp.deputy.onBehalf", { name: d.onBehalfOf })}
          </p>
        ) : null}
        <p className="invitation-lead" data-testid="invitation-inviter">
          {host ? t("rsvp.inviter", { host }) : t("rsvp.invitedTo")}
        </p>
        <h1 id="invitation-title">{event.title}</h1>
        {cancelled ? (
          <div className="notice notice-error invitation-cancelled" role="status">
            {t("rsvp.cancelled")}
          </div>
        ) : null}
        <dl className="invitation-facts">
          <dt>{t("rsvp.when")}</dt>
          <dd>
            <span data-testid="invitation-when">{formatWhen(startsAt, endsAt, event.timeZone, locale, event.startPrecision)}</span>{" "}
            {event.startPrecision === "date" ? null : <span className="muted">({zoneOffsetLabel(startsAt, event.timeZone)})</span>}
            {otherZone && browserZone && event.startPrecision !== "date" ? (
              <div className="muted" data-testid="invitation-when-local">
                {t("rsvp.yourZone", { time: `${formatRange(startsAt, endsAt, browserZone, locale)} (${browserZone})` })}
              </div>
            ) : null}
          </dd>
          <dt>{t("rsvp.where")}</dt>
          <dd>
            {event.venue || <span className="muted">{t("rsvp.noVenue")}</span>}
            {event.mapUrl ? (
              <div>
                <a href={event.mapUrl} target="_blank" rel="noreferrer noopener" className="invitation-map">
                  {t("rsvp.map")} ↗
                </a>
              </div>
            ) : null}
          </dd>
        </dl>
        {event.description ? <p className="prose invitation-description">{event.description}</p> : null}
        {d.agenda.length ? (
          <section className="invitation-programme" aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">{t("rsvp.agenda")}</h2>
            <ol className="invitation-agenda">
              {d.agenda.map((item, i) => (
                <li key={`${i}-${item.title}`}>
                  <span className="invitation-agenda-time">
                    {formatTime(new Date(item.startsAt), event.timeZone)} – {formatTime(new Date(item.endsAt), event.timeZone)}
                  </span>
                  <span>{item.title}</span>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {invitation.plusOnes > 0 ? <p>{t("rsvp.plusOnes", { count: invitation.plusOnes })}</p> : null}
      </section>

      <section className="card" aria-labelledby="answer-heading">
        <h2 id="answer-heading">{t("rsvp.answer.heading")}</h2>
        {answerData?.saved ? (
          <div className="notice notice-ok" role="status">
            {t(`rsvp.saved.${answerData.saved}`)}
          </div>
        ) : null}
        {answerData?.error ? (
          <div className="notice notice-error" role="alert">
            {tError(answerData.error)}
          </div>
        ) : null}
        <p className="invitation-answer" data-testid="current-answer" data-status={invitation.status}>
          <strong>{t(`rsvp.answer.${invitation.status}`)}</strong>
          {invitation.respondedAt ? (
            <span className="muted"> {t("rsvp.answer.at", { time: formatDateTime(new Date(invitation.respondedAt), event.timeZone, locale) })}</span>
          ) : null}
        </p>
        {window.open ? (
          <Form method="post" noValidate onSubmit={onSubmit} className="stack">
            <FormErrorSummary show={!!answerData?.fieldErrors} />
            <TextAreaField form={form} name="comment" label={t("rsvp.comment")} hint={t("rsvp.commentHint")} optional rows={3} maxLength={COMMENT_MAX} />
            <p>{t("rsvp.choose")}</p>
            <div className="rsvp-buttons" role="group" aria-label={t("rsvp.answer.heading")}>
              {intents.map(({ intent, className }) => (
                <button
                  key={intent}
                  type="submit"
                  name="intent"
                  value={intent}
                  className={`button rsvp-button ${className}`}
                  aria-pressed={current === intent}
                  disabled={busy}
                >
                  {current === intent ? "✓ " : ""}
                  {t(`rsvp.intent.${intent}`)}
                </button>
              ))}
            </div>
            <p className="hint">{t("rsvp.changeUntil", { time: formatDateTime(new Date(window.closesAt), event.timeZone, locale) })}</p>
          </Form>
        ) : (
          <div className="notice notice-warn" role="status" data-testid="answer-closed">
            {t(`rsvp.closed.${window.reason}` as MessageKey)}
          </div>
        )}
        {!window.open && invitation.comment ? <p className="prose muted">“{invitation.comment}”</p> : null}
      </section>

      {d.qr ? null : qrSection}

      {window.open && invitation.plusOnes > 0 && invitation.status !== "declined" ? (
        <CompanionsForm allowed={invitation.plusOnes} names={invitation.companions} result={extraData} />
      ) : null}

      {window.open && !invitation.isDeputy ? <DeputyForm proposal={d.deputy} result={extraData} /> : null}

      {!cancelled ? (
        <section className="card" aria-labelledby="calendar-heading">
          <h2 id="calendar-heading">{t("rsvp.calendar.heading")}</h2>
          <div className="invitation-calendar">
            <a href="/invitation/calendar.ics" className="button secondary" download="invitation.ics">
              {t("rsvp.calendar.ics")}
            </a>
            <a href={d.calendar.google} className="button secondary" target="_blank" rel="noreferrer noopener">
              {t("rsvp.calendar.google")} ↗
            </a>
            <a href={d.calendar.outlook} className="button secondary" target="_blank" rel="noreferrer noopener">
              {t("rsvp.calendar.outlook")} ↗
            </a>
            <a href={d.calendar.office365} className="button secondary" target="_blank" rel="noreferrer noopener">
              {t("rsvp.calendar.office365")} ↗
            </a>
          </div>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
