import { formatTime } from "~/domain/dates/phrasing";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import type { StoredList } from "./door-store";
import type { DoorState } from "./use-offline-door";

/** What the other doors flagged at the last sync: a guest let in twice, or a scan another device refused. */
export function FlagsSection({ flags, zone }: { flags: StoredList["flags"]; zone: string }) {
  const { t } = useT();
  return (
    <section className="card checkin-section" aria-labelledby="door-flags-heading" data-testid="door-flags">
      <h3 id="door-flags-heading">{t("door.flags.heading")}</h3>
      {flags.length ? (
        <ul className="door-flags">
          {flags.map((f) => (
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
  );
}

/** This device's own scans, newest first, and what the server said of those it has synced. */
export function LogSection({ log, zone }: { log: DoorState["log"]; zone: string }) {
  const { t } = useT();
  return (
    <section className="card checkin-section" aria-labelledby="door-log-heading">
      <h3 id="door-log-heading">{t("door.log.heading")}</h3>
      {log.length ? (
        <ul className="door-log" data-testid="door-log">
          {log.map((entry) => (
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
  );
}
