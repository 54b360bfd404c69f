/**
 * The door's screen, in two arrangements: inside the event's pages (/events/:id/check-in) and the focused
 * door mode (/events/:id/door) where, on a phone, the search box and the camera button come first, the
 * result is big and says where the guest sits, and the live counts stay in view.
 */
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { createContext, useCallback, useContext, useEffect, useRef } from "react";
import { LiveCounts, useLiveCounts } from "~/components/live-counts";
import { formatTime } from "~/domain/dates/phrasing";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import type { Guest } from "~/services/check-in.server";
import type { checkInAction, checkInLoader } from "./check-in.server";
import { QrScanner } from "./qr-scanner";

type ActionResult = NonNullable<ReturnType<typeof useActionData<typeof checkInAction>>>;

const ZoneContext = createContext("Asia/Ho_Chi_Minh");
const useEventZone = () => useContext(ZoneContext);

export function CheckInScreen({ door = false }: { door?: boolean }) {
  const { event, q, results, recent, counts: loaderCounts, me } = useLoaderData<typeof checkInLoader>();
  const counts = useLiveCounts(event.id, loaderCounts);
  const actionData = useActionData<typeof checkInAction>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const { t } = useT();
  const lastCode = useRef<string | null>(null);
  const busy = navigation.state !== "idle";

  const onCode = useCallback(
    (code: string) => {
      // The same guest stays in front of the camera for a while: one submission per code until "next".
      if (busy || code === lastCode.current) return;
      lastCode.current = code;
      submit({ intent: "scan", code }, { method: "post", preventScrollReset: true, replace: true });
    },
    [busy, submit],
  );

  const outcome = actionData?.kind === "result" ? actionData.result.outcome : null;
  useEffect(() => {
    if (outcome === "checkedIn") navigator.vibrate?.(120);
    else if (outcome) navigator.vibrate?.([80, 60, 80]);
  }, [actionData, outcome]);

  const totals = (
    <p className="checkin-totals" data-testid="checkin-totals">
      {t("checkin.totals", { checkedIn: counts.arrived, invited: counts.invited })}
    </p>
  );
  const scanner = (
    <>
      <QrScanner onCode={onCode} />
      {actionData?.kind === "result" && lastCode.current ? (
        <button type="button" className="button secondary big-button" onClick={() => (lastCode.current = null)}>
          {t("checkin.scan.next")}
        </button>
      ) : null}
    </>
  );
  const searchForm = (
    <Form method="get" className="checkin-search" role="search">
      <label htmlFor="checkin-q" className="visually-hidden">
        {t("checkin.search.label")}
      </label>
      <input
        id="checkin-q"
        type="search"
        name="q"
        defaultValue={q}
        placeholder={t("checkin.search.placeholder")}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-label={t("checkin.search.label")}
      />
      <button type="submit" className="button big-button">
        {t("checkin.search.submit")}
      </button>
    </Form>
  );
  const searchResults = (
    <>
      {q && results.length === 0 ? <p className="muted">{t("checkin.search.none", { q })}</p> : null}
      {results.length ? (
        <ul className="guest-list" aria-label={t("checkin.search.heading")}>
          {results.map((guest) => (
            <li key={guest.invitationId}>
              <GuestCard guest={guest} me={me} withActions />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
  const recentList = (
    <section className="card checkin-section" aria-labelledby="recent-heading">
      <h3 id="recent-heading">{t("checkin.recent")}</h3>
      {recent.length ? (
        <ul className="guest-list compact" aria-label={t("checkin.recent")}>
          {recent.map((guest) => (
            <li key={guest.invitationId}>
              <GuestCard guest={guest} me={me} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("checkin.recentNone")}</p>
      )}
    </section>
  );

  if (door) {
    return (
      <ZoneContext.Provider value={event.timeZone}>
        <div className="checkin door">
          <div className="door-bar">
            <p className="door-title" title={event.title}>
              {event.title}
            </p>
            <a href={`/events/${event.id}/door/offline`} className="door-exit">
              {t("door.offline.open")}
            </a>
            <Link to={`/events/${event.id}/check-in`} className="door-exit">
              {t("checkin.door.exit")}
            </Link>
          </div>
          <LiveCounts counts={counts} compact />
          <h1 className="visually-hidden">{t("checkin.door.title")}</h1>
          <section className="door-controls" aria-label={t("checkin.search.heading")}>
            {searchForm}
            {scanner}
          </section>
          {actionData ? <ResultPanel data={actionData} me={me} /> : null}
          {searchResults}
          {recentList}
        </div>
      </ZoneContext.Provider>
    );
  }

  return (
    <ZoneContext.Provider value={event.timeZone}>
      <div className="checkin">
        <div className="checkin-head">
          <h2>{t("checkin.title")}</h2>
          {totals}
          <Link to={`/events/${event.id}/door`} className="button door-open">
            {t("checkin.door.open")}
          </Link>
          {/* A plain link: the offline door is a document of its own, served by its service worker. */}
          <a href={`/events/${event.id}/door/offline`} className="button secondary">
            {t("door.offline.open")}
          </a>
          <Link to={`/events/${event.id}/arrivals`} className="button secondary">
            {t("board.open")}
          </Link>
          <Link to={`/events/${event.id}/attendees/badges`} className="button secondary">
            {t("badges.open")}
          </Link>
        </div>
        <LiveCounts counts={counts} />

        {actionData ? <ResultPanel data={actionData} me={me} /> : null}

        <section className="card checkin-section" aria-labelledby="scan-heading">
          <h3 id="scan-heading">{t("checkin.scan.heading")}</h3>
          {scanner}
        </section>

        <section className="card checkin-section" aria-labelledby="search-heading">
          <h3 id="search-heading">{t("checkin.search.heading")}</h3>
          {searchForm}
          {searchResults}
        </section>

        {recentList}
      </div>
    </ZoneContext.Provider>
  );
}

type Me = { id: string; admin: boolean };

function canUndo(me: Me, guest: Guest) {
  return !!guest.checkIn && (me.admin || guest.checkIn.byUserId === me.id);
}

function guestName(guest: Guest) {
  return [guest.honorific, guest.fullName].filter(Boolean).join(" ");
}

function SeatLine({ guest, big = false }: { guest: Guest; big?: boolean }) {
  const { t } = useT();
  if (!guest.seat) return null;
  return (
    <p className={`guest-seat${big ? " guest-seat-big" : ""}`} data-testid="guest-seat">
      {t("checkin.seat", { table: guest.seat.table, number: guest.seat.number })}
    </p>
  );
}

function GuestFacts({ guest, big = false }: { guest: Guest; big?: boolean }) {
  const { t } = useT();
  const details = [
    t(`checkin.role.${guest.role}`),
    guest.groupLabel ? t("checkin.group", { group: guest.groupLabel }) : null,
    guest.plusOnes > 0 ? t("checkin.plusOnes", { count: guest.plusOnes }) : null,
    t(`checkin.status.${guest.status}`),
  ].filter(Boolean);
  return (
    <>
      <SeatLine guest={guest} big={big} />
      {guest.positions.length ? <p className="guest-positions">{guest.positions.join(" · ")}</p> : null}
      {guest.organization ? <p className="guest-org">{guest.organization}</p> : null}
      <p className="guest-details">{details.join(" · ")}</p>
    </>
  );
}

function CheckedInLine({ guest }: { guest: Guest }) {
  const { t } = useT();
  const zone = useEventZone();
  if (!guest.checkIn) return null;
  return (
    <p className="guest-checked">
      ✓ {t("checkin.result.already", { time: formatTime(new Date(guest.checkIn.at), zone), name: guest.checkIn.byName ?? t("checkin.someone") })}
    </p>
  );
}

function UndoButton({ guest }: { guest: Guest }) {
  const { t } = useT();
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="undo" />
      <input type="hidden" name="invitationId" value={guest.invitationId} />
      <button type="submit" className="button danger secondary">
        {t("checkin.action.undo")}
      </button>
    </Form>
  );
}

function ReprintLink({ guest }: { guest: Guest }) {
  const { t } = useT();
  const { event } = useLoaderData<typeof checkInLoader>();
  return (
    <Link to={`/events/${event.id}/attendees/badges?invitation=${guest.invitationId}`} className="button secondary">
      {t("badges.reprint")}
    </Link>
  );
}

function GuestCard({ guest, me, withActions = false }: { guest: Guest; me: Me; withActions?: boolean }) {
  const { t } = useT();
  return (
    <article className={`guest-card${guest.withdrawn ? " guest-withdrawn" : ""}${guest.checkIn ? " guest-in" : ""}`} aria-label={guestName(guest)}>
      <div className="guest-title">
        <p className="guest-name">
          {guest.honorific ? <span className="guest-honorific">{guest.honorific} </span> : null}
          {guest.fullName}
        </p>
        {guest.withdrawn ? <span className="badge badge-cancelled">{t("checkin.withdrawn")}</span> : null}
      </div>
      <GuestFacts guest={guest} />
      <CheckedInLine guest={guest} />
      {withActions ? (
        <div className="checkin-actions">
          {guest.withdrawn ? (
            <p className="guest-refused">{t("checkin.refused.withdrawn")}</p>
          ) : guest.checkIn ? (
            <>
              {canUndo(me, guest) ? <UndoButton guest={guest} /> : null}
              <ReprintLink guest={guest} />
            </>
          ) : (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="checkIn" />
              <input type="hidden" name="invitationId" value={guest.invitationId} />
              <button type="submit" className="button big-button checkin-button">
                {t("checkin.action.checkIn")}
              </button>
            </Form>
          )}
        </div>
      ) : null}
    </article>
  );
}

function ResultPanel({ data: d, me }: { data: ActionResult; me: Me }) {
  const { t, tError } = useT();
  const zone = useEventZone();
  if (d.kind === "error") {
    return (
      <div className="checkin-result result-refused" role="alert">
        <p className="result-headline">✕ {tError(d.error)}</p>
      </div>
    );
  }
  if (d.kind === "undone") {
    return (
      <div className="checkin-result result-undone" role="status">
        <p className="result-headline">↺ {t("checkin.result.undone", { name: guestName(d.guest) })}</p>
      </div>
    );
  }
  const { result } = d;
  if (result.outcome === "refused") {
    return (
      <div className="checkin-result result-refused" role="alert" data-testid="checkin-result" data-outcome="refused">
        <p className="result-headline">✕ {t(`checkin.refused.${result.reason}` as MessageKey)}</p>
        {result.guest ? (
          <>
            <p className="result-name">{guestName(result.guest)}</p>
            <GuestFacts guest={result.guest} big />
          </>
        ) : null}
      </div>
    );
  }
  const checkedIn = result.outcome === "checkedIn";
  const time = formatTime(new Date(result.checkIn.at), zone);
  return (
    <div
      className={`checkin-result ${checkedIn ? "result-ok" : "result-already"}`}
      role="status"
      data-testid="checkin-result"
      data-outcome={result.outcome}
    >
      <p className="result-headline">
        {checkedIn
          ? `✓ ${t("checkin.result.checkedIn")}`
          : `! ${t("checkin.result.already", { time, name: result.checkIn.byName ?? t("checkin.someone") })}`}
      </p>
      <p className="result-name">{guestName(result.guest)}</p>
      <GuestFacts guest={result.guest} big />
      {checkedIn ? <p className="muted">{t("checkin.result.checkedInAt", { time })}</p> : null}
      {canUndo(me, result.guest) ? (
        <div className="checkin-actions">
          <UndoButton guest={result.guest} />
        </div>
      ) : null}
    </div>
  );
}
