/**
 * /admin/retention — what retention erases now (events past RETENTION_DAYS, people and fields), and a button
 * to run it at once; the server also runs it daily (docs/decisions/017-personal-data.md).
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrivacyTabs } from "~/components/privacy-tabs";
import { formatDate } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { previewRetention, RETENTION_BATCH, runRetention } from "~/services/privacy.server";
import { requireGlobalPermission } from "~/services/auth.server";
import { retentionDays } from "~/utils/env.server";
import { pageTitle } from "~/utils/meta";
import { parseForm } from "~/utils/action-kit.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { retentionActionSchema } from "./retention.schema";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "privacy.retention.title");

const OFFICE_ZONE = "Asia/Ho_Chi_Minh";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireGlobalPermission(request, context, "personalData:administer");
  const preview = await previewRetention(context.db, { days: retentionDays() });
  return { preview, batch: RETENTION_BATCH };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireGlobalPermission(request, context, "personalData:administer");
  const form = await parseForm(request, retentionActionSchema);
  if (!form.success) return redirect("/admin/retention");
  const result = await runRetention(context.db, user, { days: retentionDays() });
  if (result.events === 0) return redirectWithNotice(context, "/admin/retention", { key: "privacy.retention.nothingDone" });
  return redirectWithNotice(context, "/admin/retention", {
    key: "privacy.retention.done",
    params: { events: String(result.events), people: String(result.people), invitations: String(result.invitations), mail: String(result.mail) },
  });
}

export default function RetentionPage() {
  const { preview, batch } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const navigation = useNavigation();
  const number = (n: number) => n.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB");
  return (
    <>
      <div className="page-head">
        <h1>{t("privacy.retention.title")}</h1>
      </div>
      <PrivacyTabs />
      <p className="muted">{t("privacy.retention.intro", { days: number(preview.days) })}</p>
      {preview.events.length === 0 ? (
        <p className="card muted" data-testid="retention-empty">
          {t("privacy.retention.empty")}
        </p>
      ) : (
        <section className="card" aria-labelledby="retention-preview">
          <h2 id="retention-preview">{t("privacy.retention.cutoff", { date: formatDate(new Date(preview.cutoff), OFFICE_ZONE) })}</h2>
          <div className="scroll-x">
            <table className="list" data-testid="retention-preview">
              <thead>
                <tr>
                  <th scope="col">{t("privacy.retention.col.event")}</th>
                  <th scope="col">{t("privacy.retention.col.ended")}</th>
                  <th scope="col">{t("privacy.retention.col.people")}</th>
                  <th scope="col" className="hide-sm">
                    {t("privacy.retention.col.fields")}
                  </th>
                  <th scope="col">{t("privacy.retention.col.needs")}</th>
                  <th scope="col" className="hide-sm">
                    {t("privacy.retention.col.mail")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.events.map((e) => (
                  <tr key={e.eventId}>
                    <td>
                      <a href={`/events/${e.eventId}`}>{e.title}</a>
                    </td>
                    <td>{formatDate(new Date(e.endsAt), OFFICE_ZONE)}</td>
                    <td>{number(e.people)}</td>
                    <td className="hide-sm">
                      {number(e.emails)} / {number(e.phones)} / {number(e.notes)}
                    </td>
                    <td>{number(e.invitations)}</td>
                    <td className="hide-sm">{number(e.mail)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p data-testid="retention-totals">
            {t("privacy.retention.totals", {
              events: number(preview.totals.events),
              people: number(preview.totals.people),
              invitations: number(preview.totals.invitations),
              mail: number(preview.totals.mail),
            })}
          </p>
          {preview.more ? <p className="muted">{t("privacy.retention.more", { count: number(batch) })}</p> : null}
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="run" />
            <button type="submit" className="button danger" disabled={navigation.state !== "idle"}>
              {t("privacy.retention.run", { count: number(preview.totals.events) })}
            </button>
          </Form>
        </section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
