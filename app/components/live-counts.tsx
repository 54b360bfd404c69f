/**
 * Invited / answered / accepted / arrived, kept current while the page is open: the counts come with the page's
 * own loader, then the browser asks GET /events/:id/counts every few seconds while the tab is visible (and at
 * once when it becomes visible again). Why polling and not server-sent events: docs/decisions/012-live-counts.md.
 */
import { useEffect, useState } from "react";
import { useT } from "~/i18n/use-t";

export interface AttendanceCounts {
  invited: number;
  answered: number;
  accepted: number;
  arrived: number;
  /** Accepted invitees and the companions they named (docs/decisions/028); absent from counts kept offline. */
  expected?: number;
  companions?: number;
  /** When the server read them (ms since the epoch). */
  asOf: number;
}

export const LIVE_COUNTS_POLL_MS = 4000;

function isCounts(value: unknown): value is AttendanceCounts {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return ["invited", "answered", "accepted", "arrived", "asOf"].every((k) => typeof v[k] === "number");
}

/**
 * The newest counts: the loader's or the last poll's, whichever the server read later (a poll may answer with a
 * reading shared for two seconds, older than the loader's right after the staff member's own check-in).
 */
export function useLiveCounts(eventId: string, fromLoader: AttendanceCounts): AttendanceCounts {
  const [polled, setPolled] = useState<AttendanceCounts | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: AbortController | null = null;
    const stop = () => {
      clearTimeout(timer);
      timer = undefined;
      inFlight?.abort();
      inFlight = null;
    };
    const poll = async () => {
      stop();
      const controller = new AbortController();
      inFlight = controller;
      try {
        const response = await fetch(`/events/${eventId}/counts`, { signal: controller.signal, headers: { Accept: "application/json" } });
        const body: unknown = response.ok ? await response.json() : null;
        if (isCounts(body) && !controller.signal.aborted) setPolled(body);
      } catch {
        // Offline for a moment, or aborted: the next round tries again.
      }
      if (inFlight === controller) inFlight = null;
      if (!controller.signal.aborted && document.visibilityState === "visible") timer = setTimeout(() => void poll(), LIVE_COUNTS_POLL_MS);
    };
    const onVisibility = () => (document.visibilityState === "visible" ? void poll() : stop());
    // Back online after a cut: ask at once rather than at the next round.
    const onOnline = () => (document.visibilityState === "visible" ? void poll() : undefined);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("online", onOnline);
    if (document.visibilityState === "visible") timer = setTimeout(() => void poll(), LIVE_COUNTS_POLL_MS);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("online", onOnline);
      stop();
    };
  }, [eventId]);
  return polled && polled.asOf > fromLoader.asOf ? polled : fromLoader;
}

const keys = ["invited", "answered", "accepted", "arrived"] as const;

export function LiveCounts({ counts, compact = false }: { counts: AttendanceCounts; compact?: boolean }) {
  const { t, locale } = useT();
  return (
    <dl className={`live-counts${compact ? " live-counts-compact" : ""}`} data-testid="live-counts" aria-label={t("live.heading")}>
      {keys.map((key) => (
        <div key={key} className={`live-count live-count-${key}`}>
          <dt>{t(`live.${key}`)}</dt>
          <dd data-testid={`count-${key}`}>{counts[key].toLocaleString(locale === "en" ? "en-GB" : "vi-VN")}</dd>
        </div>
      ))}
      {counts.expected !== undefined && counts.companions ? (
        <div className="live-count live-count-expected" title={t("companions.expectedHint", { invitees: counts.accepted, companions: counts.companions })}>
          <dt>{t("companions.expected")}</dt>
          <dd data-testid="count-expected">{counts.expected.toLocaleString(locale === "en" ? "en-GB" : "vi-VN")}</dd>
        </div>
      ) : null}
    </dl>
  );
}
