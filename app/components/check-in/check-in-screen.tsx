/**
 * The door's screen, in two arrangements: inside the event's pages (/events/:id/check-in) and the focused
 * door mode (/events/:id/door) where, on a phone, the search box and the camera button come first, the
 * result is big and says where the guest sits, and the live counts stay in view.
 */
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useRef, type ReactNode } from "react";
import { LiveCounts, useLiveCounts, type AttendanceCounts } from "~/components/live-counts";
import { useT } from "~/i18n/use-t";
import type { Guest } from "~/services/check-in.server";
import type { checkInAction, checkInLoader } from "./check-in-page.server";
import { GuestCard, ResultPanel, ZoneContext, type Me } from "./guest-card";
import { QrScanner } from "./qr-scanner";

export function CheckInScreen({ door = false }: { door?: boolean }) {
  const { event, q, results, recent, counts: loaderCounts, me } = useLoaderData<typeof checkInLoader>();
  const counts = useLiveCounts(event.id, loaderCounts);
  const actionData = useActionData<typeof checkInAction>();
  const navigation = useNavigation();
  const submit = useSubmit();
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

  const parts: ScreenParts = {
    event,
    counts,
    result: actionData ? <ResultPanel data={actionData} me={me} /> : null,
    scanner: <Scanner onCode={onCode} lastCode={lastCode} showNext={actionData?.kind === "result"} />,
    searchForm: <SearchForm q={q} />,
    searchResults: <SearchResults q={q} results={results} me={me} />,
    recentList: <RecentList recent={recent} me={me} />,
  };
  return <ZoneContext.Provider value={event.timeZone}>{door ? <DoorLayout {...parts} /> : <PageLayout {...parts} />}</ZoneContext.Provider>;
}

interface ScreenParts {
  event: { id: string; title: string };
  counts: AttendanceCounts;
  result: ReactNode;
  scanner: ReactNode;
  searchForm: ReactNode;
  searchResults: ReactNode;
  recentList: ReactNode;
}

function DoorLayout({ event, counts, result, scanner, searchForm, searchResults, recentList }: ScreenParts) {
  const { t } = useT();
  return (
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
      {result}
      {searchResults}
      {recentList}
    </div>
  );
}

function PageLayout({ event, counts, result, scanner, searchForm, searchResults, recentList }: ScreenParts) {
  const { t } = useT();
  return (
    <div className="checkin">
      <div className="checkin-head">
        <h2>{t("checkin.title")}</h2>
        <p className="checkin-totals" data-testid="checkin-totals">
          {t("checkin.totals", { checkedIn: counts.arrived, invited: counts.invited })}
        </p>
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

      {result}

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
  );
}

function Scanner({ onCode, lastCode, showNext }: { onCode: (code: string) => void; lastCode: { current: string | null }; showNext: boolean }) {
  const { t } = useT();
  return (
    <>
      <QrScanner onCode={onCode} />
      {showNext && lastCode.current ? (
        <button type="button" className="button secondary big-button" onClick={() => (lastCode.current = null)}>
          {t("checkin.scan.next")}
        </button>
      ) : null}
    </>
  );
}

function SearchForm({ q }: { q: string }) {
  const { t } = useT();
  return (
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
}

function SearchResults({ q, results, me }: { q: string; results: Guest[]; me: Me }) {
  const { t } = useT();
  return (
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
}

function RecentList({ recent, me }: { recent: Guest[]; me: Me }) {
  const { t } = useT();
  return (
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
}
