/**
 * /events/:id/door/offline — the door as an installable web app that keeps working without signal
 * (docs/decisions/022-offline-door.md). The page's HTML and bundles come from the door service worker
 * (public/door-sw.js) when the network is cut; the guest list, the revocation list, the tickets' public key and the
 * queue of scans live in IndexedDB. Every scan is decided here, on the device, and synced when the network returns.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LiveCounts } from "~/components/live-counts";
import { offlineCounts, searchOffline, type LocalDecision, type OfflineGuest } from "~/domain/check-in/door-offline";
import { formatTime } from "~/domain/dates/phrasing";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { doorEvent } from "~/services/check-in.server";
import { requireEventPermission } from "~/services/auth.server";
import { pageTitle } from "~/utils/meta";
import { notFound } from "~/utils/responses.server";
import checkInStyles from "../events.$eventId.check-in/check-in.css";
import { QrScanner } from "../events.$eventId.check-in/qr-scanner";
import { forgetEverything, type StoredList } from "./door-store";
import styles from "./offline-door.css";
import { useOfflineDoor } from "./use-offline-door";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: checkInStyles },
  { rel: "stylesheet", href: styles },
];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  ...pageTitle(matches, "door.offline.title"),
  ...(data ? [{ tagName: "link", rel: "manifest", href: `/events/${data.event.id}/door/manifest.webmanifest` }] : []),
  { name: "theme-color", content: "#7a1f1f" },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "checkin:perform");
  const event = await doorEvent(context.db, access.event.id);
  if (!event) throw notFound();
  // renderedAt tells a page served by the service worker's copy from a fresh one (the e2e test reads it).
  return { event, renderedAt: Date.now() };
}

/** Registers the door's service worker and hands it the bundles this page loaded, so the page opens offline. */
function useDoorServiceWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let cancelled = false;
    const loadedAssets = () => [
      window.location.pathname,
      ...performance
        .getEntriesByType("resource")
        .map((e) => e.name)
        .filter((url) => new URL(url).origin === window.location.origin && new URL(url).pathname.startsWith("/build/")),
    ];
    void (async () => {
      try {
        const registration = await navigator.serviceWorker.register("/door-sw.js", { scope: "/events/" });
        // The camera's QR decoder is loaded on demand: load it now, while online, so that it is cached too.
        await import("jsqr").catch(() => null);
        const worker = registration.active ?? (await navigator.serviceWorker.ready).active;
        if (!cancelled) worker?.postMessage({ type: "cache", urls: loadedAssets() });
      } catch {
        // No service worker (private mode, old browser): the page still works while online.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);
}

function minutesSince(ms: number, now: number) {
  return Math.max(0, Math.floor((now - ms) / 60000));
}

const STALE_MINUTES = 30;

function guestLabel(g: { honorific: string | null; fullName: string }) {
  return [g.honorific, g.fullName].filter(Boolean).join(" ");
}

export default function OfflineDoorPage() {
  const { event, renderedAt } = useLoaderData<typeof loader>();
  const { t } = useT();
  const { state, scan, sync } = useOfflineDoor(event.id);
  const [decision, setDecision] = useState<LocalDecision | null>(null);
  const [code, setCode] = useState("");
  const [query, setQuery] = useState("");
  const [now, setNow] = useState(() => Date.now());
  useDoorServiceWorker();

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const list = state.list;
  const zone = list?.event.timeZone ?? event.timeZone;
  const results = useMemo(() => (list && query ? searchOffline(list, query) : []), [list, query]);
  const counts = list ? offlineCounts(list.counts, list, state.queue) : null;

  async function onScan(input: { code: string } | { invitationId: string }) {
    const d = await scan(input);
    setDecision(d);
    if (d?.kind === "accept") navigator.vibrate?.(120);
    else if (d) navigator.vibrate?.([80, 60, 80]);
  }

  function onCodeSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!code.trim()) return;
    void onScan({ code });
    setCode("");
  }

  return (
    <div className="checkin door offline-door" data-rendered-at={renderedAt} data-ready={state.ready ? "true" : undefined}>
      <div className="door-bar">
        <p className="door-title" title={event.title}>
          {event.title}
        </p>
        <a href={`/events/${event.id}/door`} className="door-exit">
          {t("door.toOnlineDoor")}
        </a>
      </div>
      <h1 className="visually-hidden">{t("door.offline.title")}</h1>

      <div className="door-status" role="status" aria-live="polite">
        <span className={`net-pill ${state.online ? "net-on" : "net-off"}`} data-testid="door-network">
          {state.online ? t("door.net.online") : t("door.net.offline")}
        </span>
        <span className="door-queue" data-testid="door-queue">
          {state.queue.length ? t("door.queue", { count: state.queue.length }) : t("door.queue.none")}
        </span>
        {list ? <ListAge list={list} now={now} /> : null}
        <button type="button" className="button secondary" onClick={() => void sync()} disabled={!state.online || state.syncing}>
          {state.syncing ? t("door.syncing") : t("door.syncNow")}
        </button>
      </div>

      {!state.ready ? <p className="muted">{t("door.list.loading")}</p> : null}
      {state.ready && !list ? (
        <div className="notice notice-warn" role="alert">
          {t("door.list.none")}
        </div>
      ) : null}
      {counts && list ? <LiveCounts counts={{ ...counts, asOf: list.counts.asOf }} compact /> : null}

      {list ? (
        <>
          <section className="door-controls" aria-label={t("door.code.label")}>
            <form className="checkin-search" onSubmit={onCodeSubmit}>
              <label htmlFor="door-code" className="visually-hidden">
                {t("door.code.label")}
              </label>
              <input
                id="door-code"
                name="code"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                placeholder={t("door.code.label")}
                aria-label={t("door.code.label")}
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                enterKeyHint="go"
              />
              <button type="submit" className="button big-button">
                {t("door.code.submit")}
              </button>
            </form>
            <QrScanner onCode={(text) => void onScan({ code: text })} />
          </section>

          {decision ? <DecisionPanel decision={decision} zone={zone} /> : null}

          <section className="card checkin-section" aria-labelledby="door-search-heading">
            <h3 id="door-search-heading">{t("door.search.label")}</h3>
            <div className="checkin-search">
              <input
                type="search"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                placeholder={t("door.search.placeholder")}
                aria-label={t("door.search.label")}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
            {results.length ? (
              <ul className="guest-list" aria-label={t("door.search.label")}>
                {results.map((g) => (
                  <li key={g.invitationId}>
                    <OfflineGuestCard guest={g} zone={zone} queued={state.queue.some((s) => s.guestId === g.invitationId)} onCheckIn={() => void onScan({ invitationId: g.invitationId })} />
                  </li>
                ))}
              </ul>
            ) : null}
          </section>

          <section className="card checkin-section" aria-labelledby="door-flags-heading" data-testid="door-flags">
            <h3 id="door-flags-heading">{t("door.flags.heading")}</h3>
            {list.flags.length ? (
              <ul className="door-flags">
                {list.flags.map((f) => (
                  <li key={f.nonce} className={`door-flag door-flag-${f.kind}`}>
                    {f.kind === "duplicate"
                      ? t("door.flag.duplicate", {
                          name: f.name ?? "?",
                          first: f.firstAt ? formatTime(new Date(f.firstAt), zone) : "?",
                          firstBy: f.firstByName ?? "?",
                          device: f.deviceId.slice(0, 4),
                          scanned: formatTime(new Date(f.scannedAt), zone),
                          by: f.byName ?? "?",
                        })
                      : t("door.flag.refused", {
                          name: f.name ?? "?",
                          reason: t(`checkin.refused.${f.reason ?? "notFound"}` as MessageKey),
                          device: f.deviceId.slice(0, 4),
                          scanned: formatTime(new Date(f.scannedAt), zone),
                          by: f.byName ?? "?",
                        })}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("door.flags.none")}</p>
            )}
          </section>

          <section className="card checkin-section" aria-labelledby="door-log-heading">
            <h3 id="door-log-heading">{t("door.log.heading")}</h3>
            {state.log.length ? (
              <ul className="door-log" data-testid="door-log">
                {state.log.map((entry) => (
                  <li key={entry.id}>
                    <span className="muted">{formatTime(new Date(entry.at), zone)}</span>{" "}
                    {entry.name ?? (entry.kind === "refused" && entry.reason ? t(`checkin.refused.${entry.reason}` as MessageKey) : t("door.unknownGuest"))} —{" "}
                    {entry.kind === "synced" ? t(`door.log.synced.${entry.answer ?? "checkedIn"}` as MessageKey) : t(`door.log.${entry.kind}`)}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("door.log.none")}</p>
            )}
          </section>
          <p>
            <button
              type="button"
              className="button secondary danger"
              disabled={state.queue.length > 0}
              onClick={() => void forgetEverything().then(() => window.location.reload())}
            >
              {t("door.forget")}
            </button>
          </p>
        </>
      ) : null}
      <p className="muted">{t("door.offline.intro")}</p>
    </div>
  );
}

function ListAge({ list, now }: { list: StoredList; now: number }) {
  const { t } = useT();
  const minutes = minutesSince(list.fetchedAt, now);
  const time = formatTime(new Date(list.fetchedAt), list.event.timeZone);
  return (
    <>
      <span className="door-list-age" data-testid="door-list-age">
        {minutes === 0 ? t("door.listAge.now", { time }) : t("door.listAge", { time, minutes })}
      </span>
      {minutes >= STALE_MINUTES ? <span className="notice notice-warn">{t("door.listAge.stale")}</span> : null}
    </>
  );
}

function GuestLines({ guest }: { guest: OfflineGuest }) {
  const { t } = useT();
  return (
    <>
      {guest.seat ? (
        <p className="guest-seat guest-seat-big" data-testid="guest-seat">
          {t("checkin.seat", { table: guest.seat.table, number: guest.seat.number })}
        </p>
      ) : null}
      {guest.positions.length ? <p className="guest-positions">{guest.positions.join(" · ")}</p> : null}
      {guest.organization ? <p className="guest-org">{guest.organization}</p> : null}
      <p className="guest-details">
        {[t(`checkin.role.${guest.role}` as MessageKey), guest.groupLabel, guest.plusOnes > 0 ? t("checkin.plusOnes", { count: guest.plusOnes }) : null]
          .filter(Boolean)
          .join(" · ")}
      </p>
    </>
  );
}

function DecisionPanel({ decision: d, zone }: { decision: LocalDecision; zone: string }) {
  const { t } = useT();
  if (d.kind === "refuse") {
    return (
      <div className="checkin-result result-refused" role="alert" data-testid="door-result" data-outcome="refused">
        <p className="result-headline">✕ {t(`checkin.refused.${d.reason}`)}</p>
        {d.guest ? <p className="result-name">{guestLabel(d.guest)}</p> : null}
      </div>
    );
  }
  if (d.kind === "already") {
    const time = formatTime(new Date(d.at), zone);
    return (
      <div className="checkin-result result-already" role="status" data-testid="door-result" data-outcome="already">
        <p className="result-headline">
          !{" "}
          {d.pending ? t("door.result.alreadyHere", { time }) : d.by ? t("door.result.alreadyBy", { time, name: d.by }) : t("door.result.already", { time })}
        </p>
        <p className="result-name">{guestLabel(d.guest)}</p>
        <GuestLines guest={d.guest} />
      </div>
    );
  }
  return (
    <div className="checkin-result result-ok" role="status" data-testid="door-result" data-outcome="accepted">
      <p className="result-headline">✓ {navigator.onLine ? t("door.result.accepted") : t("door.result.acceptedQueued")}</p>
      {d.guest ? (
        <>
          <p className="result-name">{guestLabel(d.guest)}</p>
          <GuestLines guest={d.guest} />
        </>
      ) : (
        <p>{t("door.result.notOnList")}</p>
      )}
      {d.provisional ? <p className="muted">{t("door.result.provisional")}</p> : null}
    </div>
  );
}

function OfflineGuestCard({ guest, zone, queued, onCheckIn }: { guest: OfflineGuest; zone: string; queued: boolean; onCheckIn: () => void }) {
  const { t } = useT();
  const inAt = guest.checkedInAt;
  return (
    <article className={`guest-card${guest.withdrawn ? " guest-withdrawn" : ""}${inAt || queued ? " guest-in" : ""}`} aria-label={guestLabel(guest)}>
      <div className="guest-title">
        <p className="guest-name">
          {guest.honorific ? <span className="guest-honorific">{guest.honorific} </span> : null}
          {guest.fullName}
        </p>
        {guest.withdrawn ? <span className="badge badge-cancelled">{t("checkin.withdrawn")}</span> : null}
      </div>
      <GuestLines guest={guest} />
      {inAt ? (
        <p className="guest-checked">✓ {t("door.result.alreadyBy", { time: formatTime(new Date(inAt), zone), name: guest.checkedInBy ?? t("checkin.someone") })}</p>
      ) : null}
      {!guest.withdrawn && !inAt && !queued ? (
        <div className="checkin-actions">
          <button type="button" className="button big-button checkin-button" onClick={onCheckIn}>
            {t("checkin.action.checkIn")}
          </button>
        </div>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
