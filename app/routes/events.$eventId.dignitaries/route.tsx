import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { canOnEvent } from "~/domain/access/permissions";
import { useT } from "~/i18n/use-t";
import { listInvitationsWithoutDignitary } from "~/models/dignitaries.server";
import { loadCeremony } from "~/services/ceremony.server";
import { loadPrecedence } from "~/services/dignitaries.server";
import { requireEventPermission } from "~/services/auth.server";
import { Notice } from "~/components/ui/notice";
import { parseForm } from "~/utils/action-kit.server";
import { refusedForm, runDignitariesAction } from "./dignitaries-actions.server";
import { dignitariesActionSchema } from "./dignitaries.schema";
import { pageTitle } from "~/utils/meta";
import { AttendanceLines } from "./attendance-lines";
import { PrecedenceList } from "./precedence-list";
import styles from "~/components/protocol/protocol.css";
import { revalidateWhenOutOfDate } from "~/utils/revalidate";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "protocol.dignitaries.title");

export const shouldRevalidate = revalidateWhenOutOfDate;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const [view, ceremony] = await Promise.all([loadPrecedence(context.db, access.event.id), loadCeremony(context.db, access.event.id)]);
  const roles = new Map(ceremony.people.map((p) => [p.id, p.roles]));
  const canUpdate =
    view.event.status !== "cancelled" &&
    canOnEvent(access.user, "event:update", { ownerId: access.event.createdBy, memberRole: access.memberRole });
  return {
    eventId: view.event.id,
    timeZone: view.event.timeZone,
    eventDate: view.event.startsAt,
    equalsFirst: view.event.precedenceEqualsFirst,
    manual: view.manual,
    version: view.version,
    dignitaries: view.dignitaries.map((d) => ({
      id: d.id,
      place: d.place,
      proposedPlace: d.proposedPlace,
      moved: d.moved,
      rankReason: d.rankReason,
      tieBreak: d.tieBreak,
      positionCount: d.positions.length,
      fullAddress: d.address.full,
      shortAddress: d.address.short,
      organization: d.organization,
      delegation: d.delegation,
      side: d.side,
      sideId: d.sideId,
      roles: roles.get(d.id) ?? [],
      rankUnknown: d.rankUnknown,
      needsReview: d.needsReview,
      arrivalAt: d.arrivalAt,
      escortName: d.escortName,
      notes: d.notes,
    })),
    sides: ceremony.sides,
    documents: ceremony.documents.map((doc) => ({ id: doc.id, title: doc.title })),
    lines: ceremony.lines,
    candidates: canUpdate ? await listInvitationsWithoutDignitary(context.db, access.event.id) : [],
    canUpdate,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  const form = await parseForm(request, dignitariesActionSchema, { arrayFields: ["ids"] });
  if (!form.success) return refusedForm(typeof form.values.move === "string" ? "order" : form.values.intent);
  return runDignitariesAction({ context, actor: access.user, eventId: access.event.id, raw: form.values }, form.data);
}

export default function DignitariesPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { eventId, dignitaries, canUpdate, candidates, manual, version, equalsFirst, sides, lines } = loaderData;
  const unresolved = dignitaries.filter((d) => d.needsReview);
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, tError } = useT();
  const busy = navigation.state !== "idle";
  return (
    <>
      <div className="protocol-toolbar">
        <h2 className="flush">{t("protocol.dignitaries.title")}</h2>
        <div className="actions">
          {canUpdate ? (
            <Link to={`/events/${eventId}/dignitaries/new`} className="button">
              {t("protocol.dignitaries.add")}
            </Link>
          ) : null}
          <Link to={`/events/${eventId}/dignitaries/print`} className="button secondary">
            {t("protocol.dignitaries.print")}
          </Link>
          <Link to={`/events/${eventId}/seating`} className="button secondary">
            {t("protocol.seating.title")}
          </Link>
        </div>
      </div>
      {actionData?.ok ? <Notice tone="ok">{t(actionData.ok, { name: actionData.name ?? "" })}</Notice> : null}
      {actionData?.error ? <Notice tone="error">{tError(actionData.error)}</Notice> : null}
      {canUpdate ? <p className="protocol-intro muted">{t("protocol.dignitaries.intro")}</p> : null}
      {unresolved.length ? (
        <Notice tone="warn" data-testid="rank-unknown-notice">
          <p>
            {t("protocol.unresolved.notice", { count: unresolved.length, names: unresolved.map((d) => d.shortAddress).join("; ") })}
          </p>
          {canUpdate ? (
            <Form method="post">
              <input type="hidden" name="version" value={version} />
              {dignitaries.map((d) => (
                <input key={d.id} type="hidden" name="ids" value={d.id} />
              ))}
              <button type="submit" name="intent" value="order" className="button secondary" disabled={busy}>
                {t("protocol.unresolved.confirm")}
              </button>
            </Form>
          ) : null}
        </Notice>
      ) : null}
      {dignitaries.length === 0 ? (
        <p className="card muted">{t("protocol.dignitaries.empty")}</p>
      ) : (
        <PrecedenceList
          // A new version (someone saved, or a 409 reloaded the list) starts the arrangement afresh.
          key={version}
          data={loaderData}
          busy={busy}
        />
      )}
      {dignitaries.length || lines.length ? (
        <AttendanceLines people={dignitaries} lines={lines} sides={sides} canUpdate={canUpdate} answer={actionData?.line} />
      ) : null}
      {canUpdate ? (
        <section className="card settings-row" aria-label={t("protocol.tie.label")}>
          <Form method="post">
            <input type="hidden" name="intent" value="equalsFirst" />
            <div className="field">
              <label htmlFor="equalsFirst">{t("protocol.tie.label")}</label>
              <select id="equalsFirst" name="equalsFirst" defaultValue={equalsFirst} key={equalsFirst}>
                <option value="guests">{t("protocol.tie.guests")}</option>
                <option value="hosts">{t("protocol.tie.hosts")}</option>
              </select>
            </div>
            <button type="submit" className="button secondary" disabled={busy}>
              {t("protocol.tie.apply")}
            </button>
          </Form>
          {manual ? (
            <Form method="post">
              <input type="hidden" name="intent" value="reset" />
              <input type="hidden" name="version" value={version} />
              <button type="submit" className="button secondary" disabled={busy}>
                {t("protocol.order.reset")}
              </button>
            </Form>
          ) : null}
          {candidates.length ? (
            <Form method="post">
              <input type="hidden" name="intent" value="mark" />
              <div className="field">
                <label htmlFor="mark-invitation">{t("protocol.mark.title")}</label>
                <select id="mark-invitation" name="invitationId" required>
                  {candidates.map((c) => (
                    <option key={c.invitationId} value={c.invitationId}>
                      {[c.honorific, c.fullName].filter(Boolean).join(" ")}
                      {c.organization ? ` — ${c.organization}` : ""}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button secondary" disabled={busy}>
                {t("protocol.mark.submit")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
