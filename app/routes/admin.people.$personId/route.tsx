/**
 * /admin/people/:personId — one person's data for an administrator: contact details, invitations with their
 * needs; download it all as JSON (right of access) or erase the personal data (right to erasure).
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrivacyTabs } from "~/components/privacy-tabs";
import { formatDate } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { getPerson } from "~/models/people.server";
import { listPersonInvitationRecords } from "~/models/privacy.server";
import { erasePerson } from "~/services/privacy.server";
import { isUuid, requireGlobalPermission } from "~/services/auth.server";
import { notFound } from "~/utils/responses.server";
import { parseForm } from "~/utils/action-kit.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { personActionSchema } from "./person.schema";
import { ConfirmPanel } from "~/components/ui/confirm-panel";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.fullName ?? ""} · Signet` }];

const OFFICE_ZONE = "Asia/Ho_Chi_Minh";

async function load(request: Request, context: LoaderFunctionArgs["context"], raw: string | undefined) {
  const user = await requireGlobalPermission(request, context, "personalData:administer");
  const person = raw && isUuid(raw) ? await getPerson(context.db, raw) : null;
  if (!person) throw notFound();
  return { user, person };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { person } = await load(request, context, params.personId);
  const invitations = await listPersonInvitationRecords(context.db, person.id);
  const held = [person.email, person.phone, person.notes].some((v) => v !== null) || invitations.some((i) => i.dietaryNeeds || i.accessNeeds || i.comment);
  return { person, invitations, held };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, person } = await load(request, context, params.personId);
  const form = await parseForm(request, personActionSchema);
  if (!form.success) return redirect(`/admin/people/${person.id}`);
  await erasePerson(context.db, user, person.id);
  return redirectWithNotice(context, `/admin/people/${person.id}`, { key: "privacy.person.erased", params: { name: person.fullName } });
}

export default function AdminPersonPage() {
  const { person, invitations, held } = useLoaderData<typeof loader>();
  const { t } = useT();
  const [search] = useSearchParams();
  const confirming = search.get("confirm") === "erase" && held;
  const value = (v: string | null) => (v ? v : <span className="muted">—</span>);
  return (
    <>
      <div className="page-head">
        <h1>
          {person.honorific ? `${person.honorific} ` : ""}
          {person.fullName}
        </h1>
        <div className="actions flush-top">
          <a href={`/admin/people/${person.id}/export.json`} className="button secondary" download>
            {t("privacy.person.export")}
          </a>
          {held ? (
            <Link to="?confirm=erase" className="button danger secondary">
              {t("privacy.person.erase")}
            </Link>
          ) : null}
        </div>
      </div>
      <PrivacyTabs />
      {confirming ? (
        <ConfirmPanel label={t("privacy.person.erase")}>
          <p>{t("privacy.person.eraseConfirm", { name: person.fullName, count: invitations.length })}</p>
          <Form method="post" className="actions" replace>
            <input type="hidden" name="intent" value="erase" />
            <button type="submit" className="button danger">
              {t("action.confirm")}: {t("privacy.person.erase")}
            </button>
            <Link to="." className="button secondary">
              {t("action.back")}
            </Link>
          </Form>
        </ConfirmPanel>
      ) : null}
      <section className="card" aria-labelledby="person-contact">
        <h2 id="person-contact">{t("privacy.person.contact")}</h2>
        {!held ? <p className="muted">{t("privacy.person.nothingLeft")}</p> : null}
        <dl className="facts" data-testid="person-facts">
          <dt>{t("attendees.field.positions")}</dt>
          <dd>{person.positions.length ? person.positions.join("; ") : <span className="muted">—</span>}</dd>
          <dt>{t("attendees.field.organization")}</dt>
          <dd>{value(person.organization)}</dd>
          <dt>{t("attendees.field.email")}</dt>
          <dd className="wrap-anywhere">{value(person.email)}</dd>
          <dt>{t("attendees.field.phone")}</dt>
          <dd>{value(person.phone)}</dd>
          <dt>{t("attendees.field.notes")}</dt>
          <dd className="prose">{value(person.notes)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="person-invitations">
        <h2 id="person-invitations">{t("privacy.person.invitations")}</h2>
        {invitations.length === 0 ? (
          <p className="muted">{t("privacy.person.noInvitations")}</p>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t("privacy.retention.col.event")}</th>
                <th scope="col">{t("attendees.field.status")}</th>
                <th scope="col">{t("privacy.person.needs")}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.invitationId}>
                  <td>
                    <Link to={`/events/${i.eventId}`}>{i.eventTitle}</Link>
                    <div className="muted">
                      {formatDate(new Date(i.eventStartsAt), OFFICE_ZONE)} · {t(`attendees.role.${i.role}`)}
                    </div>
                  </td>
                  <td>{i.withdrawnAt ? t("attendees.status.withdrawn") : t(`attendees.status.${i.status}`)}</td>
                  <td>
                    {[i.dietaryNeeds, i.accessNeeds, i.comment].filter(Boolean).join(" · ") || <span className="muted">—</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
