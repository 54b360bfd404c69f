/** /admin/people — the people directory for administrators: find a person to export or erase their data. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrivacyTabs } from "~/components/privacy-tabs";
import { useT } from "~/i18n/use-t";
import { listPeople } from "~/models/people.server";
import { requireGlobalPermission } from "~/services/auth.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "privacy.people.title");

const PAGE_SIZE = 50;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireGlobalPermission(request, context, "personalData:administer");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 200);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const result = await listPeople(context.db, { q: q || null, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return {
    q,
    page,
    pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
    total: result.total,
    people: result.items.map((p) => ({ id: p.id, honorific: p.honorific, fullName: p.fullName, organization: p.organization, email: p.email })),
  };
}

export default function AdminPeoplePage() {
  const { q, page, pages, total, people } = useLoaderData<typeof loader>();
  const { t } = useT();
  const pageLink = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`;
  return (
    <>
      <div className="page-head">
        <h1>{t("privacy.people.title")}</h1>
      </div>
      <PrivacyTabs />
      <p className="muted">{t("privacy.people.intro")}</p>
      <Form method="get" role="search" className="actions">
        <input id="people-q" type="search" aria-label={t("privacy.people.searchPlaceholder")} name="q" defaultValue={q} placeholder={t("privacy.people.searchPlaceholder")} maxLength={200} className="people-search" />
        <button type="submit" className="button">
          {t("action.search")}
        </button>
      </Form>
      <p className="muted">{t("privacy.people.count", { count: total })}</p>
      {people.length === 0 ? (
        <p className="card muted">{t("privacy.people.empty")}</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t("attendees.field.fullName")}</th>
              <th scope="col" className="hide-sm">
                {t("attendees.field.organization")}
              </th>
              <th scope="col">{t("attendees.field.email")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/admin/people/${p.id}`}>
                    {p.honorific ? `${p.honorific} ` : ""}
                    {p.fullName}
                  </Link>
                </td>
                <td className="hide-sm">{p.organization ?? "—"}</td>
                <td className="wrap-anywhere">{p.email ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("privacy.people.title")}>
          {page > 1 ? <Link to={pageLink(page - 1)}>← {t("action.previous")}</Link> : <span />}
          <span className="muted">
            {page} / {pages}
          </span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t("action.next")} →</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
