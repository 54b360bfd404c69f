/** A guest as the door shows them (a search hit, a recent arrival) and the answer to a scan or a check-in. */
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { createContext, useContext } from "react";
import { formatTime } from "~/domain/dates/phrasing";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import type { Guest } from "~/services/check-in.server";
import type { checkInAction, checkInLoader } from "./check-in-page.server";

export type ActionResult = NonNullable<ReturnType<typeof useActionData<typeof checkInAction>>>;

export const ZoneContext = createContext("Asia/Ho_Chi_Minh");
const useEventZone = () => useContext(ZoneContext);

export type Me = { id: string; admin: boolean };

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

export function GuestCard({ guest, me, withActions = false }: { guest: Guest; me: Me; withActions?: boolean }) {
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

export function ResultPanel({ data: d, me }: { data: ActionResult; me: Me }) {
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
