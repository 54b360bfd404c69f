import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { DocumentLangHandle } from "~/root";
import { translate } from "~/i18n/i18n";
import {
  formatViewCount,
  getPublishedPress,
  isCountableView,
  pressBodyHtml,
  pressCoverPhoto,
  pressDateHeader,
  recordPressView,
} from "~/services/press-outputs.server";
import { pressLeadText } from "~/domain/press/markdown";
import { getUser } from "~/services/auth.server";
import { notFound } from "~/utils/responses.server";
import stylesheet from "~/styles/press-public.css";

/**
 * A published press report, public: /press/<slug>. Anything not published gets the same 404 as an unknown slug.
 * The page speaks the report's language (date header, view count), whatever the visitor's interface language.
 */
export const handle: DocumentLangHandle = {
  documentLang: (data) => (data as { lang?: string } | undefined)?.lang,
};

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const doc = await getPublishedPress(context.db, params.slug ?? "");
  if (!doc?.publishedAt) throw notFound();
  const viewer = await getUser(request, context);
  const views = isCountableView(request, viewer !== null) ? await recordPressView(context.db, doc) : doc.viewCount;
  const cover = pressCoverPhoto(doc);
  const lang = doc.language;
  return data(
    {
      lang,
      title: doc.title,
      lead: pressLeadText(doc.body),
      html: pressBodyHtml(doc, { photoNotFound: translate(lang, "pressPublic.photoNotFound") }),
      byline: doc.byline?.trim() || null,
      publishedAt: doc.publishedAt.toISOString(),
      dateHeader: pressDateHeader(doc, doc.publishedAt),
      views: translate(lang, views === 1 ? "pressPublic.viewsOne" : "pressPublic.views", {
        count: formatViewCount(lang, views),
      }),
      url: `${context.appUrl}/press/${doc.slug}`,
      image: cover ? `${context.appUrl}${cover.url}` : null,
      imageAlt: cover?.caption ?? null,
    },
    // The view counter must see every visit: no shared caching of the page.
    { headers: { "Cache-Control": "no-cache, private" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d }) => {
  if (!d) return [{ title: "Signet" }];
  const description = d.lead.length > 300 ? `${d.lead.slice(0, 297)}…` : d.lead;
  return [
    { title: d.title },
    { name: "description", content: description },
    { property: "og:type", content: "article" },
    { property: "og:title", content: d.title },
    { property: "og:description", content: description },
    { property: "og:url", content: d.url },
    { property: "og:locale", content: d.lang === "vi" ? "vi_VN" : "en_GB" },
    ...(d.image
      ? [
          { property: "og:image", content: d.image },
          ...(d.imageAlt ? [{ property: "og:image:alt", content: d.imageAlt }] : []),
          { name: "twitter:card", content: "summary_large_image" },
        ]
      : [{ name: "twitter:card", content: "summary" }]),
    { property: "article:published_time", content: d.publishedAt },
    { tagName: "link", rel: "canonical", href: d.url },
  ];
};

export default function PressPublicPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <article className="press-article" lang={d.lang} data-press-public="">
      <p className="press-back">
        <Link to="/press">{translate(d.lang, "pressPublic.backToRoom")}</Link>
      </p>
      <h1 className="press-headline">{d.title}</h1>
      <p className="press-meta">
        <time dateTime={d.publishedAt} data-testid="press-date">
          {d.dateHeader}
        </time>
        <span data-testid="press-views">{d.views}</span>
      </p>
      <div className="press-body" data-testid="press-body" dangerouslySetInnerHTML={{ __html: d.html }} />
      {d.byline ? (
        <p className="press-byline" data-testid="press-byline">
          {d.byline}
        </p>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
