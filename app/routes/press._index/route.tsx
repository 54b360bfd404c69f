import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useT } from "~/i18n/use-t";
import { listPressRoom } from "~/services/press-outputs.server";
import { pageTitle } from "~/utils/meta";
import stylesheet from "~/styles/press-public.css";

/** The public press room: published reports, newest first, ten a page (?page=N). */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "pressPublic.room.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const requested = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const room = await listPressRoom(context.db, Number.isFinite(requested) ? requested : 1);
  return {
    ...room,
    items: room.items.map((item) => ({ ...item, publishedAt: item.publishedAt?.toISOString() ?? null })),
  };
}

export default function PressRoom() {
  const { items, page, pages } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <section className="press-room" data-press-public="">
      <h1>{t("pressPublic.room.title")}</h1>
      <p className="muted">{t("pressPublic.room.intro")}</p>
      {items.length === 0 ? <p className="card">{t("pressPublic.room.empty")}</p> : null}
      <ol className="press-room-list" data-testid="press-room-list">
        {items.map((item) => (
          <li key={item.slug} className="press-room-item" data-testid="press-room-item">
            <Link to={`/press/${item.slug}`} tabIndex={-1} aria-hidden="true">
              {item.thumbnailUrl ? (
                <img className="press-room-thumb" src={item.thumbnailUrl} alt="" loading="lazy" />
              ) : (
                <span className="press-room-thumb" />
              )}
            </Link>
            <div lang={item.language}>
              <h2>
                <Link to={`/press/${item.slug}`}>{item.title}</Link>
              </h2>
              <p className="press-room-meta">
                {item.publishedAt && item.dateHeader ? <time dateTime={item.publishedAt}>{item.dateHeader}</time> : null}
                <span className="badge" lang={item.language} data-testid="press-room-language">
                  {t(item.language === "vi" ? "pressPublic.language.vi" : "pressPublic.language.en")}
                </span>
              </p>
              <p className="press-room-excerpt">{item.excerpt}</p>
            </div>
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("pressPublic.room.paging")}>
          {page > 1 ? <Link to={`?page=${page - 1}`}>{t("pressPublic.room.newer")}</Link> : null}
          <span>{t("pressPublic.room.page", { page, pages })}</span>
          {page < pages ? <Link to={`?page=${page + 1}`}>{t("pressPublic.room.older")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
