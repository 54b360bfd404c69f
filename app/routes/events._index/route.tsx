import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusBadge } from "~/components/ui/status-badge";
import { canGlobal } from "~/domain/access/permissions";
import { formatWhen } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { defaultEventListTab, eventListTabs, isEventListTab, type EventListTab } from "~/domain/events/list-tab";
import { countEventsByTab, findEventIdByCalendarUid, getEventDetail, listEvents } from "~/models/events.server";
import { SEED_EVENT_UIDS } from "#db/seed-ids";
import { requireUser } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "events.title");

const PAGE_SIZE = 20;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const url = new URL(request.url);
  const tabParam = url.searchParams.get("tab");
  const now = new Date();
  const counts = await countEventsByTab(context.db, now);
  // No tab asked for: the list opens where there is something to see (a fresh install's demo is in the past).
  const tab: EventListTab = isEventListTab(tabParam) ? tabParam : defaultEventListTab(counts);
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  const pageParam = Number(url.searchParams.get("page") ?? "1");
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const { items, total } = await listEvents(context.db, { tab, q, page, pageSize: PAGE_SIZE, now });
  // A fresh install (no event but the demo ceremonies, if they are there): say what Signet is, and open the demo.
  const demoIds = await Promise.all(SEED_EVENT_UIDS.map((uid) => findEventIdByCalendarUid(context.db, uid)));
  const demoId = demoIds[0] ?? null;
  const fresh = counts.upcoming + counts.past + counts.cancelled - demoIds.filter(Boolean).length === 0;
  const demo = fresh && demoId ? await getEventDetail(context.db, demoId) : null;
  return {
    tab,
    counts,
    openedOnPast: !isEventListTab(tabParam) && tab === "past",
    intro: fresh ? { demo: demo ? { id: demo.id, title: demo.title } : null } : null,
    q,
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    items,
    canCreate: canGlobal(user, "event:create"),
  };
}

export default function EventsPage() {
  const { tab, counts, openedOnPast, intro, q, page, total, pageCount, items, canCreate } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const [params] = useSearchParams();
  const pageLink = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next.toString()}`;
  };
  const tabLink = (name: EventListTab) => `?${new URLSearchParams({ tab: name, ...(q ? { q } : {}) }).toString()}`;
  return (
    <>
      <div className="page-head">
        <h1>{t("events.title")}</h1>
        {canCreate ? (
          <Link to="/events/new" className="button">
            {t("events.new")}
          </Link>
        ) : null}
      </div>
      {intro ? (
        <section className="card signet-intro" aria-labelledby="signet-intro">
          <h2 id="signet-intro" className="flush-top">
            {t("events.intro.title")}
          </h2>
          <p>{t("events.intro.body")}</p>
          <div className="actions flush-top">
            {intro.demo ? (
              <Link to={`/events/${intro.demo.id}`} className="button">
                {t("events.intro.openDemo")}
              </Link>
            ) : null}
            {canCreate ? (
              <Link to="/events/new" className="button secondary">
                {t("events.intro.createFirst")}
              </Link>
            ) : null}
          </div>
          {intro.demo ? <p className="hint">{t("events.intro.demoIs", { title: intro.demo.title })}</p> : null}
        </section>
      ) : null}
      <nav className="tabs" aria-label={t("events.title")}>
        {eventListTabs.map((name) => (
          <Link key={name} to={tabLink(name)} aria-current={tab === name ? "page" : undefined}>
            {t(`events.tab.${name}`)} <span className="muted">({counts[name]})</span>
          </Link>
        ))}
      </nav>
      {openedOnPast ? (
        <p className="muted" role="status">
          {t("events.noUpcomingShowingPast")}
        </p>
      ) : null}
      <Form method="get" className="search-bar" role="search">
        <input type="hidden" name="tab" value={tab} />
        <input
          type="search"
          name="q"
          defaultValue={q}
          placeholder={t("events.searchPlaceholder")}
          aria-label={t("events.searchPlaceholder")}
          maxLength={200}
        />
        <button type="submit" className="button secondary">
          {t("action.search")}
        </button>
      </Form>
      {items.length === 0 ? (
        <p className="card muted">{q ? t("events.emptySearch", { q }) : t("events.empty")}</p>
      ) : (
        <>
          <p className="muted">{t("events.count", { count: total })}</p>
          <table className="list">
            <thead>
              <tr>
                <th>{t("event.field.title")}</th>
                <th>{t("event.section.when")}</th>
                <th className="hide-sm">{t("event.field.host")}</th>
                <th>{t("event.field.status")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/events/${e.id}`}>{e.title}</Link>
                    <div className="muted">{t(`kind.${e.kind}`)}</div>
                  </td>
                  <td>{formatWhen(new Date(e.startsAt), new Date(e.endsAt), e.timeZone, locale, e.startPrecision)}</td>
                  <td className="hide-sm">{e.hostName ?? "—"}</td>
                  <td>
                    <StatusBadge status={e.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {pageCount > 1 ? (
            <nav className="pagination" aria-label={t("pagination.page", { page })}>
              {page > 1 ? <Link to={pageLink(page - 1)}>← {t("action.previous")}</Link> : <span />}
              <span>
                {page} / {pageCount}
              </span>
              {page < pageCount ? <Link to={pageLink(page + 1)}>{t("action.next")} →</Link> : <span />}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
