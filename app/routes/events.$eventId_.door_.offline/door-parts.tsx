import { Notice } from "~/components/ui/notice";
import type { LocalDecision, OfflineGuest } from "~/domain/check-in/door-offline";
import { formatTime } from "~/domain/dates/phrasing";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import type { StoredList } from "./door-store";

function minutesSince(ms: number, now: number) {
  return Math.max(0, Math.floor((now - ms) / 60000));
}

const STALE_MINUTES = 30;

function guestLabel(g: { honorific: string | null; fullName: string }) {
  return [g.honorific, g.fullName].filter(Boolean).join(" ");
}

export function ListAge({ list, now }: { list: StoredList; now: number }) {
  const { t } = useT();
  const minutes = minutesSince(list.fetchedAt, now);
  const time = formatTime(new Date(list.fetchedAt), list.event.timeZone);
  return (
    <>
      <span className="door-list-age" data-testid="door-list-age">
        {minutes === 0 ? t("door.listAge.now", { time }) : t("door.listAge", { time, minutes })}
      </span>
      {minutes >= STALE_MINUTES ? (
        <Notice as="p" tone="warn" role="note">
          {t("door.listAge.stale")}
        </Notice>
      ) : null}
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

export function DecisionPanel({ decision: d, zone }: { decision: LocalDecision; zone: string }) {
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

export function OfflineGuestCard({ guest, zone, queued, onCheckIn }: { guest: OfflineGuest; zone: string; queued: boolean; onCheckIn: () => void }) {
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

