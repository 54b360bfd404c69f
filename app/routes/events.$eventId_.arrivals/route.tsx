/**
 * /events/:id/arrivals — the live door board for the organizer and the MC: who has arrived, the dignitaries by
 * precedence with the principal guests highlighted, and "Đồng chí … đã đến" as it happens. It renders from its
 * loader (correct without JavaScript), then asks /events/:id/arrivals/live every few seconds while visible, and at
 * once when the network comes back — a lost connection never needs a reload.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatTime } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { arrivalsBoard, type ArrivalsView } from "~/services/arrivals.server";
import { requireEventPermission } from "~/services/auth.server";
import { pageTitle } from "~/utils/meta";
import styles from "./arrivals.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "board.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  return arrivalsBoard(context.db, access.event.id);
}

export const BOARD_POLL_MS = 4000;

function isBoard(value: unknown): value is ArrivalsView {
  return !!value && typeof value === "object" && Array.isArray((value as ArrivalsView).dignitaries) && typeof (value as ArrivalsView).asOf === "number";
}

/** The newest board: the loader's, then each poll's; polling pauses while hidden and resumes when back online. */
function useLiveBoard(initial: ArrivalsView): ArrivalsView {
  const [board, setBoard] = useState(initial);
  useEffect(() => setBoard((b) => (initial.asOf > b.asOf ? initial : b)), [initial]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | null = null;
    const poll = async () => {
      clearTimeout(timer);
      controller?.abort();
      const mine = new AbortController();
      controller = mine;
      try {
        const response = await fetch(`/events/${initial.event.id}/arrivals/live`, { signal: mine.signal, headers: { Accept: "application/json" } });
        const body: unknown = response.ok ? await response.json() : null;
        if (isBoard(body) && !mine.signal.aborted) setBoard((b) => (body.asOf > b.asOf ? body : b));
      } catch {
        // Offline for a while: the next round, or the "online" event, tries again.
      }
      if (!mine.signal.aborted && document.visibilityState === "visible") timer = setTimeout(() => void poll(), BOARD_POLL_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") void poll();
      else {
        clearTimeout(timer);
        controller?.abort();
      }
    };
    const onOnline = () => void poll();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("online", onOnline);
    timer = setTimeout(() => void poll(), BOARD_POLL_MS);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("online", onOnline);
      clearTimeout(timer);
      controller?.abort();
    };
  }, [initial.event.id]);
  return board;
}

export default function ArrivalsBoardPage() {
  const initial = useLoaderData<typeof loader>();
  const board = useLiveBoard(initial as ArrivalsView);
  const { t } = useT();
  const zone = board.event.timeZone;
  const [newest, ...earlier] = board.latest;
  return (
    <div className="arrivals">
      <div className="arrivals-head">
        <h1>{t("board.title")}</h1>
        <p className="arrivals-event">{board.event.title}</p>
        <p className="arrivals-summary" data-testid="board-summary">
          {t("board.summary", { arrived: board.arrived, invited: board.invited, dignitariesIn: board.dignitariesIn, dignitaries: board.dignitaries.length })}
        </p>
      </div>

      <section className="arrivals-latest" aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t("board.latest")}</h2>
        <div role="status" aria-live="polite" data-testid="board-announcement">
          {newest ? (
            <p className={`arrivals-announce${newest.principal ? " principal" : ""}`}>
              {t("board.arrived", { name: newest.address })} <span className="arrivals-time">{t("board.at", { time: formatTime(new Date(newest.arrivedAt), zone) })}</span>
            </p>
          ) : (
            <p className="muted">{t("board.latestNone")}</p>
          )}
        </div>
        {earlier.length ? (
          <ul className="arrivals-earlier">
            {earlier.map((a) => (
              <li key={a.invitationId}>
                {t("board.arrived", { name: a.address })} <span className="arrivals-time">{t("board.at", { time: formatTime(new Date(a.arrivedAt), zone) })}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="dignitaries-heading">
        <h2 id="dignitaries-heading">{t("board.dignitaries")}</h2>
        <ol className="arrivals-dignitaries" data-testid="board-dignitaries">
          {board.dignitaries.map((d) => (
            <li
              key={d.invitationId}
              className={`arrivals-dignitary${d.principal ? " principal" : ""}${d.arrivedAt ? " arrived" : " absent"}`}
              aria-label={d.address}
              data-arrived={d.arrivedAt ? "true" : "false"}
            >
              <span className="arrivals-place">{d.place}</span>
              <span className="arrivals-name">
                {d.address}
                {d.principal ? <span className="badge arrivals-principal">{t("board.principal")}</span> : null}
                {d.positions.length ? <span className="arrivals-positions">{d.positions.join(" · ")}</span> : null}
              </span>
              <span className="arrivals-state">{d.arrivedAt ? `✓ ${formatTime(new Date(d.arrivedAt), zone)}` : t("board.notYet")}</span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="others-heading">
        <h2 id="others-heading">{t("board.others")}</h2>
        {board.others.length ? (
          <ul className="arrivals-others" data-testid="board-others">
            {board.others.map((o) => (
              <li key={o.invitationId}>
                {o.address} <span className="arrivals-time">{formatTime(new Date(o.arrivedAt), zone)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("board.othersNone")}</p>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
