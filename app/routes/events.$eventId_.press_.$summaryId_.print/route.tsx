import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { translate } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { getPressForOutput, pressBodyHtml, pressDateHeader } from "~/services/press-outputs.server";
import { requireEventPermission } from "~/services/auth.server";
import { notFound } from "~/utils/responses.server";
import stylesheet from "~/styles/press-public.css";
import printStyles from "./press-print.css";

/**
 * The press summary on A4, for staff who may read the event, in any status; not published → a "BẢN NHÁP" /
 * "DRAFT" watermark on every page. The report's parts are in its language; the toolbar in the interface's.
 */
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "stylesheet", href: printStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `${d.title} — Signet` : "Signet" },
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const doc = await getPressForOutput(context.db, access.event.id, params.summaryId ?? "");
  if (!doc) throw notFound();
  const lang = doc.language;
  const published = doc.status === "published" && doc.publishedAt !== null;
  return {
    eventId: doc.eventId,
    summaryId: doc.id,
    lang,
    title: doc.title,
    // Every image loaded before printing: no lazy loading here.
    html: pressBodyHtml(doc, { photoNotFound: translate(lang, "pressPublic.photoNotFound"), lazyImages: false }),
    byline: doc.byline?.trim() || null,
    published,
    publishedAt: doc.publishedAt?.toISOString() ?? null,
    dateHeader: doc.publishedAt && published ? pressDateHeader(doc, doc.publishedAt) : null,
    statusLine: published
      ? null
      : translate(lang, "pressPublic.print.notPublished", { status: translate(lang, `pressPublic.status.${doc.status}`) }),
  };
}

export default function PressPrint() {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <>
      <div className="press-print-tools">
        <Link to={`/events/${d.eventId}/press/${d.summaryId}`}>← {t("pressPublic.print.back")}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t("pressPublic.print.now")}
        </button>
        <span className="muted">{t("pressPublic.print.hint")}</span>
      </div>
      {d.published ? null : (
        <div className="press-watermark" aria-hidden="true" data-testid="press-watermark">
          <span lang={d.lang}>{translate(d.lang, "pressPublic.print.watermark")}</span>
        </div>
      )}
      <article className="press-article press-print-sheet" lang={d.lang} data-testid="press-print">
        {d.statusLine ? <p className="press-print-status">{d.statusLine}</p> : null}
        <h1 className="press-headline">{d.title}</h1>
        {d.dateHeader && d.publishedAt ? (
          <p className="press-meta">
            <time dateTime={d.publishedAt}>{d.dateHeader}</time>
          </p>
        ) : null}
        <div className="press-body" dangerouslySetInnerHTML={{ __html: d.html }} />
        {d.byline ? <p className="press-byline">{d.byline}</p> : null}
      </article>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
