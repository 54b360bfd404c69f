import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { canOnEvent } from "~/domain/access/permissions";
import { useT } from "~/i18n/use-t";
import { loadSeating } from "~/services/seating.server";
import { requireEventPermission } from "~/services/auth.server";
import { Notice } from "~/components/ui/notice";
import { parseForm } from "~/utils/action-kit.server";
import { PartyChanges } from "./party-changes";
import { runSeatingAction, type Outcome } from "./seating-actions.server";
import { seatingActionSchema } from "./seating-actions.schema";
import { withStandIns } from "./stand-ins";
import { pageTitle } from "~/utils/meta";
import styles from "~/components/protocol/protocol.css";
import { ConflictList } from "./conflict-list";
import { awaitedDignitaries } from "~/services/arrivals.server";
import { SeatingChart } from "./seating-chart";
import { SigningForm } from "./signing-form";
import { TableForm } from "./table-form";
import { revalidateWhenOutOfDate } from "~/utils/revalidate";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "protocol.seating.title");

export const shouldRevalidate = revalidateWhenOutOfDate;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  // Once the door has checked someone in, the seats of the dignitaries still expected show as awaited.
  const [view, awaited] = await Promise.all([loadSeating(context.db, access.event.id), awaitedDignitaries(context.db, access.event.id)]);
  const canUpdate =
    view.precedence.event.status !== "cancelled" &&
    canOnEvent(access.user, "event:update", { ownerId: access.event.createdBy, memberRole: access.memberRole });
  return {
    eventId: access.event.id,
    canUpdate,
    tables: view.tables,
    dignitaries: view.dignitaries,
    others: view.others,
    labels: view.labels,
    conflicts: view.conflicts,
    unavailableSeated: view.unavailableSeated,
    unseated: view.unseated,
    standsInFor: view.standsInFor,
    companions: view.companions,
    companionOptions: view.companionOptions,
    companionOf: view.companionOf,
    signing: view.signing,
    awaited,
    signatoryOptions: view.precedence.dignitaries.map((d) => ({ id: d.id, label: d.address.short, place: d.place, sideId: d.sideId })),
  };
}

export type SeatingLoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  const form = await parseForm(request, seatingActionSchema);
  if (!form.success) return data<Outcome>({ ok: null, error: "errors.invalid" }, { status: 400 });
  const ctx = { context, actor: access.user, locale: access.user.locale, eventId: access.event.id, raw: form.values };
  return runSeatingAction(ctx, form.data.intent);
}

export default function SeatingPage() {
  const rawData = useLoaderData<typeof loader>();
  const { t: tr } = useT();
  const loaderData = useMemo(
    () =>
      withStandIns(
        rawData,
        (name) => tr("delegation.standsInFor", { name }),
        (c) => tr("companions.seatingLabel", c),
      ),
    [rawData, tr],
  );
  const { eventId, canUpdate, tables, signing } = loaderData;
  const actionData = useActionData<typeof action>();
  const seatFetcher = useFetcher<typeof action>({ key: "seat" });
  const navigation = useNavigation();
  const { t, tError } = useT();
  const busy = navigation.state !== "idle";
  const fetcherError = seatFetcher.state === "idle" ? seatFetcher.data?.error : null;
  const formErrors = (form: string) => (actionData?.form === form ? (actionData.fieldErrors ?? null) : null);
  return (
    <>
      <div className="protocol-toolbar">
        <h2 className="flush">{t("protocol.seating.title")}</h2>
        <div className="actions">
          {canUpdate && tables.length ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="propose" />
              <button type="submit" className="button" disabled={busy} title={t("protocol.seating.proposeHint")}>
                {t("protocol.seating.propose")}
              </button>
            </Form>
          ) : null}
          <Link to={`/events/${eventId}/seating/print`} className="button secondary">
            {t("protocol.seating.printA4")}
          </Link>
          <Link to={`/events/${eventId}/seating/print?size=A3`} className="button secondary">
            {t("protocol.seating.printA3")}
          </Link>
          <Link to={`/events/${eventId}/seating/cards`} className="button secondary">
            {t("protocol.seating.cards")}
          </Link>
        </div>
      </div>
      <p className="protocol-intro muted">{t("protocol.seating.intro")}</p>
      {actionData?.ok ? (
        <Notice tone="ok" data-testid="seating-notice">
          {t(actionData.ok, { name: actionData.name ?? "" })}
          {actionData.notes?.length ? (
            <ul className="seating-notes">
              {actionData.notes.map((n) => (
                <li key={n.key}>{t(n.key, n.params)}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      {actionData?.error && !actionData.form ? (
        <Notice tone="error">{tError(actionData.error)}</Notice>
      ) : null}
      {fetcherError ? (
        <Notice tone="error">{tError(fetcherError)}</Notice>
      ) : null}
      <ConflictList data={loaderData} />
      <PartyChanges data={rawData} />
      {signing.agreement ? (
        <SigningForm
          data={loaderData}
          serverErrorsOf={(documentId) => formErrors(`signing:${documentId}`)}
          formErrorOf={(documentId) => (actionData?.form === `signing:${documentId}` ? (actionData.error ?? null) : null)}
          sentOf={(documentId) => (actionData?.form === `signing:${documentId}` ? (actionData.values ?? null) : null)}
        />
      ) : null}
      {tables.length === 0 ? (
        <div className="card">
          <p className="muted">
            {t("protocol.seating.empty")}
          </p>
          {canUpdate ? (
            <Form method="post">
              <input type="hidden" name="intent" value="createDefaults" />
              <button type="submit" className="button" disabled={busy}>
                {t("protocol.seating.createDefaults")}
              </button>
              <p className="hint">{t("protocol.seating.createDefaultsHint")}</p>
            </Form>
          ) : null}
        </div>
      ) : (
        <SeatingChart data={loaderData} tableErrors={actionData?.form?.startsWith("table:") ? actionData : null} />
      )}
      {canUpdate ? (
        <section className="card space-above" aria-labelledby="add-table-heading">
          <h3 id="add-table-heading">
            {t("protocol.table.add")}
          </h3>
          <TableForm
            key={actionData?.ok === "protocol.table.created" ? `added-${actionData.name}` : "add"}
            intent="addTable"
            defaults={{ name: "", kind: "row", seatCount: "10", mode: "centre-out", secondTo: "right" }}
            serverErrors={formErrors("addTable")}
            submitLabel={t("protocol.table.add")}
          />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
