/**
 * How far the outbox of one event has got: "Đang gửi: đã gửi 340/2000 thư" with a progress bar. Rendered from the
 * mail page's loader (right without JavaScript: reload to see more); while messages are waiting, the browser asks
 * GET /events/:id/mail/progress every two seconds while the tab is visible, and the page's data is revalidated
 * once when the last message has gone (so the table below shows them sent).
 */
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/use-t";

export interface OutboxCounts {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
}

export const MAIL_PROGRESS_POLL_MS = 2000;

function isCounts(value: unknown): value is OutboxCounts & { asOf: number } {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return ["queued", "sending", "sent", "failed", "asOf"].every((k) => typeof v[k] === "number");
}

const waiting = (c: OutboxCounts) => c.queued + c.sending;

export function useMailProgress(eventId: string, fromLoader: OutboxCounts): OutboxCounts {
  const [polled, setPolled] = useState<OutboxCounts | null>(null);
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const active = waiting(fromLoader) > 0;
  // A new loader reading (after a send, or a revalidation) is newer than any poll before it.
  useEffect(() => setPolled(null), [fromLoader]);
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: AbortController | null = null;
    const stop = () => {
      clearTimeout(timer);
      inFlight?.abort();
      inFlight = null;
    };
    const poll = async () => {
      stop();
      const controller = new AbortController();
      inFlight = controller;
      let done = false;
      try {
        const response = await fetch(`/events/${eventId}/mail/progress`, { signal: controller.signal, headers: { Accept: "application/json" } });
        const body: unknown = response.ok ? await response.json() : null;
        if (isCounts(body) && !controller.signal.aborted) {
          setPolled(body);
          done = waiting(body) === 0;
        }
      } catch {
        // Offline for a moment, or aborted: the next round tries again.
      }
      if (inFlight === controller) inFlight = null;
      if (done) revalidate.current();
      else if (!controller.signal.aborted && document.visibilityState === "visible") timer = setTimeout(() => void poll(), MAIL_PROGRESS_POLL_MS);
    };
    const onVisibility = () => (document.visibilityState === "visible" ? void poll() : stop());
    document.addEventListener("visibilitychange", onVisibility);
    if (document.visibilityState === "visible") timer = setTimeout(() => void poll(), MAIL_PROGRESS_POLL_MS);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      stop();
    };
  }, [eventId, active]);
  return polled ?? fromLoader;
}

export function MailProgress({ counts }: { counts: OutboxCounts }) {
  const { t, locale } = useT();
  const total = counts.queued + counts.sending + counts.sent + counts.failed;
  if (total === 0) return null;
  const n = (value: number) => value.toLocaleString(locale === "en" ? "en-GB" : "vi-VN");
  const busy = waiting(counts) > 0;
  return (
    <Notice tone={busy ? "warn" : "ok"} className="mail-progress" role="status" aria-live="polite" data-testid="mail-progress">
      <span>{t(busy ? "mail.progress.sending" : "mail.progress.done", { sent: n(counts.sent), total: n(total) })}</span>
      {counts.failed > 0 ? <span> · {t("mail.progress.failed", { count: n(counts.failed) })}</span> : null}
      <progress value={counts.sent + counts.failed} max={total} className="mail-progress-bar">
        {Math.round(((counts.sent + counts.failed) / total) * 100)}%
      </progress>
    </Notice>
  );
}
