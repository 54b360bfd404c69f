import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/ui/notice";
import { calendarFeedUrls, googleSubscribeUrl } from "~/domain/calendar/feed-url";
import { formatDateTime } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { getActiveCalendarFeed } from "~/models/calendar-feeds.server";
import { createCalendarFeed, revokeCalendarFeed } from "~/services/calendar.server";
import { requireUser } from "~/services/auth.server";
import { pageTitle } from "~/utils/meta";
import { parseForm } from "~/utils/action-kit.server";
import { calendarFeedActionSchema } from "./calendar-feed.schema";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "calendar.feed.title");

/** Times on this page are the office's (Vietnam), like the audit log. */
const OFFICE_ZONE = "Asia/Ho_Chi_Minh";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const feed = await getActiveCalendarFeed(context.db, user.id);
  return { feed, isAdmin: user.role === "admin" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const form = await parseForm(request, calendarFeedActionSchema);
  if (!form.success) return data({ created: null, revoked: false }, { status: 400 });
  switch (form.data.intent) {
    case "create": {
      const { token } = await createCalendarFeed(context.db, user);
      const urls = calendarFeedUrls(context.appUrl, token);
      return data({ created: { ...urls, google: googleSubscribeUrl(urls.webcal) }, revoked: false });
    }
    case "revoke":
      await revokeCalendarFeed(context.db, user);
      return data({ created: null, revoked: true });
  }
}

export default function AccountCalendar() {
  const { feed, isAdmin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useT();
  const created = actionData?.created ?? null;
  const busy = navigation.state !== "idle";
  return (
    <div className="measure">
      <h1>{t("calendar.feed.title")}</h1>
      <p>{t(isAdmin ? "calendar.feed.introAdmin" : "calendar.feed.intro")}</p>

      {actionData?.revoked ? <Notice tone="ok">{t("calendar.feed.revoked")}</Notice> : null}

      {created ? (
        <section className="card" aria-labelledby="feed-created" data-testid="calendar-feed-created">
          <Notice tone="ok" id="feed-created">
            {t("calendar.feed.created")}
          </Notice>
          <FeedAddress label={t("calendar.feed.webcal")} hint={t("calendar.feed.webcalHint")} value={created.webcal} />
          <FeedAddress label={t("calendar.feed.https")} hint={t("calendar.feed.httpsHint")} value={created.https} />
          <div className="actions flush-top">
            <a className="button" href={created.webcal}>
              {t("calendar.feed.open")}
            </a>
            <a className="button secondary" href={created.google} target="_blank" rel="noopener noreferrer">
              {t("calendar.feed.google")}
            </a>
          </div>
        </section>
      ) : null}

      <section className="card">
        {feed ? (
          <p data-testid="calendar-feed-status">
            {t("calendar.feed.active", { date: formatDateTime(new Date(feed.createdAt), OFFICE_ZONE, locale) })}
            {created ? null : ` ${t("calendar.feed.onceOnly")}`}
          </p>
        ) : (
          <p data-testid="calendar-feed-status">{t("calendar.feed.none")}</p>
        )}
        <p className="hint">{t("calendar.feed.secret")}</p>
        <Form method="post" className="actions">
          <button type="submit" name="intent" value="create" className={feed ? "button secondary" : "button"} disabled={busy}>
            {feed ? t("calendar.feed.recreate") : t("calendar.feed.create")}
          </button>
          {feed ? (
            <button type="submit" name="intent" value="revoke" className="button danger secondary" disabled={busy}>
              {t("calendar.feed.revoke")}
            </button>
          ) : null}
        </Form>
        {feed ? (
          <p className="hint space-above-sm">
            {t("calendar.feed.recreateHint")}
          </p>
        ) : null}
      </section>
    </div>
  );
}

/** A read-only address with a copy button (the button appears once scripts run; before, select and copy). */
function FeedAddress({ label, hint, value }: { label: string; hint: string; value: string }) {
  const { t } = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => setHydrated(true), []);
  useEffect(() => setStatus("idle"), [value]);

  async function copy() {
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(value);
      } else {
        // Plain-HTTP addresses other than localhost have no Clipboard API.
        input.current?.select();
        if (!document.execCommand("copy")) throw new Error("copy refused");
      }
      setStatus("copied");
    } catch {
      input.current?.select();
      setStatus("failed");
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="feed-address">
        <input
          id={id}
          ref={input}
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          className="feed-address-input"
        />
        {hydrated ? (
          <button
            type="button"
            className="button secondary nowrap"
            onClick={() => void copy()}
            aria-label={t("calendar.feed.copyLabel", { label })}
          >
            {status === "copied" ? `✓ ${t("calendar.feed.copied")}` : t("calendar.feed.copy")}
          </button>
        ) : null}
      </div>
      <p className="hint" role="status" aria-live="polite">
        {status === "failed" ? t("calendar.feed.copyFailed") : hint}
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
