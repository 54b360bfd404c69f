import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatTime } from "~/domain/dates/phrasing";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import {
  checkInByCode,
  checkInGuest,
  checkInTotals,
  findGuests,
  recentCheckIns,
  undoCheckIn,
  type CheckInResult,
  type Guest,
} from "~/services/check-in.server";
import { isServiceError } from "~/services/errors";
import { isUuid, requireEventPermission } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import type { loader as eventLoader } from "../events.$eventId/route";
import stylesheet from "./check-in.css";
import { QrScanner } from "./qr-scanner";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "checkin.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "checkin:perform");
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  const eventId = access.event.id;
  const [results, recent, totals] = await Promise.all([
    q ? findGuests(context.db, eventId, q) : Promise.resolve([]),
    recentCheckIns(context.db, eventId, 8),
    checkInTotals(context.db, eventId),
  ]);
  return { q, results, recent, totals, me: { id: access.user.id, admin: access.user.role === "admin" } };
}

type ActionResult =
  | { kind: "result"; result: CheckInResult }
  | { kind: "undone"; guest: Guest }
  | { kind: "error"; error: string };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "checkin:perform");
  const form = await request.formData();
  const intent = form.get("intent");
  const invitationId = String(form.get("invitationId") ?? "");
  const eventId = access.event.id;
  const reply = (body: ActionResult, status = 200) => data(body, { status });
  try {
    if (intent === "scan") {
      const code = String(form.get("code") ?? "");
      return reply({ kind: "result", result: await checkInByCode(context.db, access.user, eventId, code, context.cookieSecrets) });
    }
    if ((intent === "checkIn" || intent === "undo") && !isUuid(invitationId)) return reply({ kind: "error", error: "errors.invalid" }, 400);
    if (intent === "checkIn") {
      return reply({ kind: "result", result: await checkInGuest(context.db, access.user, eventId, invitationId) });
    }
    if (intent === "undo") {
      return reply({ kind: "undone", guest: await undoCheckIn(context.db, access.user, eventId, invitationId) });
    }
    return reply({ kind: "error", error: "errors.invalid" }, 400);
  } catch (error) {
    if (!isServiceError(error)) throw error;
    const status = { not_found: 404, forbidden: 403, conflict: 409, invalid: 400 }[error.code];
    return reply({ kind: "error", error: error.message }, status);
  }
}

function useEventZone(): string {
  const layout = useRouteLoaderData<typeof eventLoader>("routes/events.$eventId");
  return layout?.event.timeZone ?? "Asia/Ho_Chi_Minh";
}

export default function CheckInPage() {
  const { q, results, recent, totals, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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

  return (
    <div className="checkin">
      <div className="checkin-head">
        <h2>{t("checkin.title")}</h2>
        <p className="checkin-totals" data-testid="checkin-totals">
          {t("checkin.totals", { checkedIn: totals.checkedIn, invited: totals.invited })}
        </p>
      </div>

      {actionData ? <ResultPanel data={actionData} me={me} /> : null}

      <section className="card checkin-section" aria-labelledby="scan-heading">
        <h3 id="scan-heading">{t("checkin.scan.heading")}</h3>
        <QrScanner onCode={onCode} />
        {actionData?.kind === "result" && lastCode.current ? (
          <button type="button" className="button secondary big-button" onClick={() => (lastCode.current = null)}>
            {t("checkin.scan.next")}
          </button>
        ) : null}
      </section>

      <section className="card checkin-section" aria-labelledby="search-heading">
        <h3 id="search-heading">{t("checkin.search.heading")}</h3>
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
      </section>

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
    </div>
  );
}

type Me = { id: string; admin: boolean };

function canUndo(me: Me, guest: Guest) {
  return !!guest.checkIn && (me.admin || guest.checkIn.byUserId === me.id);
}

function guestName(guest: Guest) {
  return [guest.honorific, guest.fullName].filter(Boolean).join(" ");
}

function GuestFacts({ guest }: { guest: Guest }) {
  const { t } = useT();
  const details = [
    t(`checkin.role.${guest.role}`),
    guest.groupLabel ? t("checkin.group", { group: guest.groupLabel }) : null,
    guest.plusOnes > 0 ? t("checkin.plusOnes", { count: guest.plusOnes }) : null,
    t(`checkin.status.${guest.status}`),
  ].filter(Boolean);
  return (
    <>
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
            canUndo(me, guest) ? (
              <UndoButton guest={guest} />
            ) : null
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
            <GuestFacts guest={result.guest} />
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
      <GuestFacts guest={result.guest} />
      {checkedIn ? <p className="muted">{t("checkin.result.checkedInAt", { time })}</p> : null}
      {canUndo(me, result.guest) ? (
        <div className="checkin-actions">
          <UndoButton guest={result.guest} />
        </div>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
