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
import { Notice } from "~/components/ui/notice";
import { offlineCounts, searchOffline, type LocalDecision } from "~/domain/check-in/door-offline";
import { useT } from "~/i18n/use-t";
import { doorEvent } from "~/services/check-in.server";
import { requireEventPermission } from "~/services/auth.server";
import { pageTitle } from "~/utils/meta";
import { notFound } from "~/utils/responses.server";
import checkInStyles from "~/components/check-in/check-in.css";
import { QrScanner } from "~/components/check-in/qr-scanner";
import { forgetEverything } from "./door-store";
import { DecisionPanel, ListAge, OfflineGuestCard } from "./door-parts";
import { FlagsSection, LogSection } from "./door-sections";
import { useDoorServiceWorker } from "./use-door-service-worker";
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
        <Notice tone="warn" role="alert">
          {t("door.list.none")}
        </Notice>
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

          <FlagsSection flags={list.flags} zone={zone} />
          <LogSection log={state.log} zone={zone} />
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
