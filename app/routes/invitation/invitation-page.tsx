import { useActionData, useSearchParams } from "@remix-run/react";
import { Suspense, useEffect, useState, type FormEvent } from "react";
import { Notice } from "~/components/ui/notice";
import { hasAnswered } from "~/domain/rsvp/answer-window";
import type { Locale, MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import type { DeputyState, FormResult } from "./deputy-and-companions";
import { lazyPart } from "./lazy-part";
import { CALENDAR_SERVICES } from "./calendar-services";
import type { InvitationPageData } from "./page-data.server";
import type { action } from "./route";

// The forms (react-hook-form + zod) are not among the page's first scripts: see lazy-part.ts.
const AnswerForm = lazyPart(() => import("./answer-form").then((m) => m.AnswerForm));
const CompanionsForm = lazyPart(() => import("./deputy-and-companions").then((m) => m.CompanionsForm));
const DeputyForm = lazyPart(() => import("./deputy-and-companions").then((m) => m.DeputyForm));

/**
 * The event's time in the visitor's own zone, when that differs from the event's: known only after hydration, and
 * worded by the date library, which only such a visitor loads (most invitees are in the event's zone).
 */
function useTimeInBrowserZone(event: InvitationPageData["event"], locale: Locale): string | null {
  const [text, setText] = useState<string | null>(null);
  const { startsAt, endsAt, zoneOffset, startPrecision } = event;
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const start = new Date(startsAt);
    // getTimezoneOffset is minutes west of UTC in the browser's zone at that instant.
    if (startPrecision === "date" || !zone || -start.getTimezoneOffset() === zoneOffset) return;
    let live = true;
    void import("~/domain/dates/phrasing").then(({ formatRange }) => {
      if (live) setText(`${formatRange(start, new Date(endsAt), zone, locale)} (${zone})`);
    });
    return () => {
      live = false;
    };
  }, [startsAt, endsAt, zoneOffset, startPrecision, locale]);
  return text;
}

const intentOf = { accepted: "accept", declined: "decline", tentative: "maybe" } as const;

type AnswerResult = { error: string | null; fieldErrors: Record<string, string> | null; saved: string | null };

/** The invitee's page: the invitation, their answer, the door QR, companions, a deputy and the calendar links. */
export function InvitationPage({ data: d }: { data: InvitationPageData }) {
  const actionData = useActionData<typeof action>();
  const { event, invitation, window } = d;
  const answerData = actionData && !("form" in actionData) ? (actionData as AnswerResult) : null;
  const extraData = actionData && "form" in actionData ? (actionData as FormResult) : null;
  const cancelled = event.status === "cancelled";
  const qrSection = !cancelled && invitation.status !== "declined" ? <QrSection qr={d.qr} name={d.name} /> : null;
  return (
    <div className="invitation">
      {/* Once they have said yes, what they need at the door comes first. */}
      {d.qr ? qrSection : null}
      <InvitationCard data={d} />
      <AnswerSection data={d} result={answerData} />
      {d.qr ? null : qrSection}
      {window.open && invitation.plusOnes > 0 && invitation.status !== "declined" ? (
        <Suspense fallback={null}>
          <CompanionsForm allowed={invitation.plusOnes} names={invitation.companions} result={extraData} />
        </Suspense>
      ) : null}
      {window.open && !invitation.isDeputy ? <DeputySection proposal={d.deputy} result={extraData} /> : null}
      {!cancelled ? <CalendarSection /> : null}
    </div>
  );
}

/**
 * Sending someone in one's place: what the organizers made of a proposal, and the form — folded behind a button,
 * as most invitees answer for themselves. Without JavaScript the button is a GET form (?deputy) whose page has the
 * form open; with it, the form opens in place (its scripts load then). It stays open while the last proposal
 * sent has errors, and folds again once one is sent.
 */
function DeputySection({ proposal, result }: { proposal: DeputyState | null; result: FormResult | null }) {
  const { t, tError } = useT();
  const [searchParams] = useSearchParams();
  const mine = result?.form === "deputy" ? result : null;
  // Opened by a click, as of the answer then on screen: the next answer (a proposal sent) folds it again, and a
  // click after that opens it again.
  const [openedWith, setOpenedWith] = useState<FormResult | null | undefined>(undefined);
  const opened = openedWith !== undefined && openedWith === mine;
  const open = opened || (!mine?.saved && (!!mine?.fieldErrors || !!mine?.error || searchParams.has("deputy")));
  const openInPlace = (e: FormEvent) => {
    e.preventDefault();
    setOpenedWith(mine);
  };
  return (
    <section className="card" aria-labelledby="deputy-heading" data-testid="deputy-section">
      <h2 id="deputy-heading">{t("rsvp.deputy.heading")}</h2>
      {mine?.saved ? <Notice tone="ok">{t("rsvp.deputy.sent", { name: mine.saved })}</Notice> : null}
      {mine?.error ? <Notice tone="error">{tError(mine.error)}</Notice> : null}
      {proposal?.status === "pending" && !mine?.saved ? (
        <Notice tone="info" data-testid="deputy-pending">
          {t("rsvp.deputy.pending", { name: proposal.name })}
        </Notice>
      ) : null}
      {proposal?.status === "refused" ? (
        <Notice tone="warn" data-testid="deputy-refused">
          {t("rsvp.deputy.refused", { name: proposal.name })}
          {proposal.reason ? <div>{t("rsvp.deputy.refusedReason", { reason: proposal.reason })}</div> : null}
        </Notice>
      ) : null}
      <p>{t("rsvp.deputy.intro")}</p>
      {open ? (
        <Suspense fallback={null}>
          <DeputyForm result={result} focusOnMount={opened} />
        </Suspense>
      ) : (
        <form method="get" action="#deputy-heading" onSubmit={openInPlace}>
          <button type="submit" name="deputy" value="1" className="button secondary">
            {t(mine?.saved || proposal?.status === "pending" ? "rsvp.deputy.openOther" : "rsvp.deputy.open")}
          </button>
        </form>
      )}
    </section>
  );
}

function QrSection({ qr, name }: { qr: string | null; name: string }) {
  const { t } = useT();
  return (
    <section className={`card${qr ? " invitation-qr-card" : ""}`} aria-labelledby="qr-heading" data-testid="qr-section">
      <h2 id="qr-heading">{t("rsvp.qr.heading")}</h2>
      {qr ? (
        <div className="invitation-qr">
          <img src={qr} alt={t("rsvp.qr.alt", { name })} width={240} height={240} data-testid="checkin-qr" />
          <p>{t("rsvp.qr.hint")}</p>
        </div>
      ) : (
        <p className="muted">{t("rsvp.qr.afterAccept")}</p>
      )}
    </section>
  );
}

function InvitationCard({ data: d }: { data: InvitationPageData }) {
  const { t, locale } = useT();
  const { event, invitation } = d;
  const inYourZone = useTimeInBrowserZone(event, locale);
  const host = d.host ? (locale === "en" && d.host.nameEn ? d.host.nameEn : d.host.nameVi) : null;
  return (
    <section className="card invitation-card" aria-labelledby="invitation-title">
      <p className="invitation-dear">{t("rsvp.dear", { name: d.name })}</p>
      {d.onBehalfOf ? (
        <Notice as="p" role="note" data-testid="on-behalf-of">
          {t("rsvp.deputy.onBehalf", { name: d.onBehalfOf })}
        </Notice>
      ) : null}
      <p className="invitation-lead" data-testid="invitation-inviter">
        {host ? t("rsvp.inviter", { host }) : t("rsvp.invitedTo")}
      </p>
      <h1 id="invitation-title">{event.title}</h1>
      {event.status === "cancelled" ? (
        <Notice tone="error" role="status" className="invitation-cancelled">
          {t("rsvp.cancelled")}
        </Notice>
      ) : null}
      <dl className="invitation-facts">
        <dt>{t("rsvp.when")}</dt>
        <dd>
          <span data-testid="invitation-when">{event.when[locale]}</span>{" "}
          {event.startPrecision === "date" ? null : <span className="muted">({event.zoneLabel})</span>}
          {inYourZone ? (
            <div className="muted" data-testid="invitation-when-local">
              {t("rsvp.yourZone", { time: inYourZone })}
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
                  {item.time}
                </span>
                <span>{item.title}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {invitation.plusOnes > 0 ? <p>{t("rsvp.plusOnes", { count: invitation.plusOnes })}</p> : null}
    </section>
  );
}

function AnswerSection({ data: d, result }: { data: InvitationPageData; result: AnswerResult | null }) {
  const { t, tError, locale } = useT();
  const { invitation, window } = d;
  const current = hasAnswered(invitation.status) ? intentOf[invitation.status] : null;
  return (
    <section className="card" aria-labelledby="answer-heading">
      <h2 id="answer-heading">{t("rsvp.answer.heading")}</h2>
      {result?.saved ? <Notice tone="ok">{t(`rsvp.saved.${result.saved}` as MessageKey)}</Notice> : null}
      {result?.error ? <Notice tone="error">{tError(result.error)}</Notice> : null}
      <p className="invitation-answer" data-testid="current-answer" data-status={invitation.status}>
        <strong>{t(`rsvp.answer.${invitation.status}`)}</strong>
        {invitation.respondedAtText ? (
          <span className="muted"> {t("rsvp.answer.at", { time: invitation.respondedAtText[locale] })}</span>
        ) : null}
      </p>
      {window.open ? (
        <Suspense fallback={null}>
          <AnswerForm comment={invitation.comment} current={current} closesAt={window.closesAtText?.[locale] ?? ""} fieldErrors={result?.fieldErrors} />
        </Suspense>
      ) : (
        <Notice tone="warn" data-testid="answer-closed">
          {t(`rsvp.closed.${window.reason}` as MessageKey)}
        </Notice>
      )}
      {!window.open && invitation.comment ? <p className="prose muted">“{invitation.comment}”</p> : null}
    </section>
  );
}

/**
 * The .ics file and the add-to-calendar services. Each service's link is our own address, which redirects to the
 * service with the event filled in (made on the click: a few KB of URL each, not carried by every page view).
 */
function CalendarSection() {
  const { t } = useT();
  return (
    <section className="card" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{t("rsvp.calendar.heading")}</h2>
      <div className="invitation-calendar">
        <a href="/invitation/calendar.ics" className="button secondary" download="invitation.ics">
          {t("rsvp.calendar.ics")}
        </a>
        {CALENDAR_SERVICES.map((service) => (
          <a key={service} href={`/invitation/calendar/${service}`} className="button secondary" target="_blank" rel="noreferrer noopener">
            {t(`rsvp.calendar.${service}`)} ↗
          </a>
        ))}
      </div>
    </section>
  );
}
