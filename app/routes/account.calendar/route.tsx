import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { calendarFeedUrls, googleSubscribeUrl } from "~/domain/calendar/feed-url";
import { formatDateTime } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { getActiveCalendarFeed } from "~/models/calendar-feeds.server";
import { createCalendarFeed, revokeCalendarFeed } from "~/services/calendar.server";
import { requireUser } from "~/services/auth.server";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-data.server";

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
  const intent = (await readForm(request)).get("intent");
  if (intent === "create") {
    const { token } = await createCalendarFeed(context.db, user);
    const urls = calendarFeedUrls(context.appUrl, token);
    return { created: { ...urls, google: googleSubscribeUrl(urls.webcal) }, revoked: false };
  }
  if (intent === "revoke") {
    await revokeCalendarFeed(context.db, user);
    return { created: null, revoked: true };
  }
  return data({ created: null, revoked: false }, { status: 400 });
}

export default function AccountCalendar() {
  const { feed, isAdmin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useT();
  const created = actionData?.created ?? null;
  const busy = navigation.state !== "idle";
  return (
    <div style={{ maxWidth: "46rem" }}>
      <h1>{t("calendar.feed.title")}</h1>
      <p>{t(isAdmin ? "calendar.feed.introAdmin" : "calendar.feed.intro")}</p>

      {actionData?.revoked ? (
        <div className="notice notice-ok" role="status">
          {t("calendar.feed.revoked")}
        </div>
      ) : null}

      {created ? (
        <section className="card" aria-labelledby="feed-created" data-testid="calendar-feed-created">
          <div className="notice notice-ok" role="status" id="feed-created">
            {t("calendar.feed.created")}
          </div>
          <FeedAddress label={t("calendar.feed.webcal")} hint={t("calendar.feed.webcalHint")} value={created.webcal} />
          <FeedAddress label={t("calendar.feed.https")} hint={t("calendar.feed.httpsHint")} value={created.https} />
          <div className="actions" style={{ marginTop: 0 }}>
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
          <p style={{ marginTop: 0 }} data-testid="calendar-feed-status">
            {t("calendar.feed.active", { date: formatDateTime(new Date(feed.createdAt), OFFICE_ZONE, locale) })}
            {created ? null : ` ${t("calendar.feed.onceOnly")}`}
          </p>
        ) : (
          <p style={{ marginTop: 0 }} data-testid="calendar-feed-status">
            {t("calendar.feed.none")}
          </p>
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
          <p className="hint" style={{ marginTop: ".5rem" }}>
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
      <div style={{ display: "flex", gap: ".5rem", alignItems: "stretch" }}>
        <input
          id={id}
          ref={input}
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: 1, minWidth: 0, fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", fontSize: ".9rem" }}
        />
        {hydrated ? (
          <button
            type="button"
            className="button secondary"
            onClick={() => void copy()}
            aria-label={t("calendar.feed.copyLabel", { label })}
            style={{ whiteSpace: "nowrap" }}
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
