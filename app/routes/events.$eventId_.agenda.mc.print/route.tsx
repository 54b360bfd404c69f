import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { parseMcScriptText } from "~/domain/agenda/mc-script-text";
import { formatWhen } from "~/domain/dates/phrasing";
import { isLocale, translate } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { getMcScript } from "~/services/mc-script.server";
import { requireEventPermission } from "~/services/auth.server";
import { pageTitle } from "~/utils/meta";
import styles from "./mc-print.css";

/**
 * The MC script on A4 in large type (outside the event page's layout, so only the script prints). The page's
 * controls follow the interface language; the script itself is in the language chosen (?lang=vi|en).
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) =>
  pageTitle(matches, null, d ? `${translate(d.lang, "agenda.print.heading")} — ${d.title}` : undefined);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(lang) ? lang : access.user.locale;
  const view = await getMcScript(context.db, access.event.id, locale);
  const e = view.event;
  return {
    eventId: e.id,
    lang: locale,
    title: e.title,
    when: formatWhen(e.startsAt, e.endsAt, e.timeZone, locale, e.startPrecision),
    venue: [e.venueRoom, e.venueName, e.venueAddress].filter(Boolean).join(", "),
    text: view.itemCount > 0 || view.saved ? view.text : "",
  };
}

export default function McScriptPrint() {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  const blocks = parseMcScriptText(d.text);
  return (
    <>
      <div className="mc-print-tools">
        <Link to={`/events/${d.eventId}/agenda/mc?lang=${d.lang}`}>← {t("agenda.print.back")}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t("agenda.print.now")}
        </button>
        <span className="muted">{t("agenda.print.hint")}</span>
      </div>
      <article className="mc-sheet" lang={d.lang} data-testid="mc-sheet">
        <header>
          <p className="mc-sheet-kicker">{translate(d.lang, "agenda.print.heading")}</p>
          <h1>{d.title}</h1>
          <p className="mc-sheet-when">
            {d.when}
            {d.venue ? ` · ${d.venue}` : ""}
          </p>
        </header>
        {blocks.length === 0 ? <p className="mc-empty">{translate(d.lang, "agenda.print.empty")}</p> : null}
        {blocks.map((b, i) => (
          <section key={i} className="mc-block">
            {b.title ? (
              <h2>
                {b.time ? <span className="mc-time">{b.time}</span> : null}
                {b.title}
              </h2>
            ) : null}
            {b.lines.map((line, j) => (
              <p key={j}>{line}</p>
            ))}
          </section>
        ))}
      </article>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
