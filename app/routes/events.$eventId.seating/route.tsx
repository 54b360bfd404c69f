import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { canOnEvent } from "~/domain/access/permissions";
import { fieldErrors } from "~/domain/forms/fields";
import {
  agreementSigningSchema,
  assignSeatFormSchema,
  assignSeatSchema,
  seatingTableSchema,
  seatRefSchema,
} from "~/domain/protocol/seating.schema";
import { translate, type MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { isServiceError } from "~/utils/errors";
import {
  assignSeat,
  clearSeat,
  createDefaultLayout,
  createTable,
  deleteTable,
  loadSeating,
  proposeSeating,
  setSeatReserved,
  updateTable,
} from "~/services/seating.server";
import { saveSigning } from "~/services/signatories.server";
import { requireEventPermission } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { pageTitle } from "~/utils/meta";
import styles from "../events.$eventId.dignitaries/protocol.css";
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

/** Deputies in their principal's seat, and the companions who come with their invitee (docs/decisions/028). */
function PartyChanges({ data }: { data: SeatingLoaderData }) {
  const { t } = useT();
  const deputies = Object.entries(data.standsInFor);
  const companions = Object.entries(data.companions);
  if (!deputies.length && !companions.length) return null;
  const total = companions.reduce((n, [, names]) => n + names.length, 0);
  return (
    <section className="card" aria-labelledby="party-changes" data-testid="seating-party-changes">
      <h3 id="party-changes" style={{ marginTop: 0 }}>
        {t("seating.party.heading")}
      </h3>
      {deputies.length ? (
        <ul data-testid="seating-deputies">
          {deputies.map(([id, principal]) => (
            <li key={id}>{t("seating.party.deputy", { name: data.labels[id] ?? "?", principal })}</li>
          ))}
        </ul>
      ) : null}
      {deputies.length ? <p className="hint">{t("seating.party.deputyHint")}</p> : null}
      {companions.length ? (
        <>
          <p>{t("seating.party.companions", { count: total })}</p>
          <ul data-testid="seating-companions">
            {companions.map(([id, names]) => (
              <li key={id}>{t("seating.party.companionsOf", { host: data.labels[id] ?? "?", names: names.join(", ") })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** "parties.0.dignitaryId" form fields → { parties: [{ dignitaryId }] }. */
function nestParties(raw: Record<string, unknown>): Record<string, unknown> {
  const parties: Record<string, unknown>[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const match = /^parties\.(\d{1,2})\.(sideId|organizationId|dignitaryId|signingOrder)$/.exec(key);
    if (!match) {
      out[key] = value;
      continue;
    }
    const index = Number(match[1]);
    (parties[index] ??= {})[match[2]!] = value;
  }
  out.parties = parties.filter(Boolean);
  return out;
}

/** Each document has its own signing form: "signing:<documentId>". */
function signingForm(raw: Record<string, unknown>): string {
  return `signing:${typeof raw.documentId === "string" ? raw.documentId : ""}`;
}

function sent(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
}

type Outcome = {
  ok: MessageKey | null;
  name?: string;
  notes?: string[];
  error?: string | null;
  fieldErrors?: Record<string, string> | null;
  form?: string;
  /** A refused signing form's fields as sent, shown again (without JavaScript too). */
  values?: Record<string, string>;
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  const raw = formDataToObject(await readForm(request));
  const eventId = access.event.id;
  const locale = access.user.locale;
  const intent = typeof raw.intent === "string" ? raw.intent : "";
  const invalid = (form: string, errors: Record<string, string>) =>
    data<Outcome>({ ok: null, form, fieldErrors: errors, error: null }, { status: 400 });
  try {
    switch (intent) {
      case "createDefaults": {
        await createDefaultLayout(context.db, access.user, eventId, {
          presidium: translate(locale, "protocol.table.defaultPresidium"),
          signing: translate(locale, "protocol.table.defaultSigning"),
          row: (n) => translate(locale, "protocol.table.defaultRow", { n }),
        });
        return data<Outcome>({ ok: "protocol.seating.defaultsCreated" });
      }
      case "propose": {
        const outcome = await proposeSeating(context.db, access.user, eventId);
        const { labels } = await loadSeating(context.db, eventId);
        const names = (ids: string[]) => ids.map((id) => labels[id] ?? "?").join("; ");
        const notes = [
          ...(outcome.unseated.length
            ? [translate(locale, "protocol.seating.unseated", { count: outcome.unseated.length, names: names(outcome.unseated) })]
            : []),
          ...(outcome.signingOverflow.length
            ? [translate(locale, "protocol.seating.signingOverflow", { names: names(outcome.signingOverflow) })]
            : []),
          ...(outcome.noSignatories ? [translate(locale, "protocol.seating.noSignatories")] : []),
          ...(outcome.unseatedPeople.length > outcome.unseated.length
            ? [translate(locale, "protocol.seating.unseatedPeople", { count: outcome.unseatedPeople.length, names: names(outcome.unseatedPeople) })]
            : []),
          ...(outcome.unplacedSignings.length
            ? [translate(locale, "protocol.seating.unplacedSignings", { count: outcome.unplacedSignings.length })]
            : []),
        ];
        return data<Outcome>({ ok: "protocol.seating.proposed", notes });
      }
      case "addTable":
      case "updateTable": {
        const parsed = seatingTableSchema.safeParse(raw);
        const form = intent === "addTable" ? "addTable" : `table:${String(raw.tableId)}`;
        if (!parsed.success) return invalid(form, fieldErrors(parsed.error));
        if (intent === "addTable") await createTable(context.db, access.user, eventId, parsed.data);
        else {
          const ref = seatRefSchema.pick({ tableId: true }).safeParse(raw);
          if (!ref.success) return invalid(form, { _form: "errors.invalid" });
          await updateTable(context.db, access.user, eventId, ref.data.tableId, parsed.data);
        }
        return data<Outcome>({ ok: intent === "addTable" ? "protocol.table.created" : "protocol.table.saved", name: parsed.data.name });
      }
      case "deleteTable": {
        const ref = seatRefSchema.pick({ tableId: true }).safeParse(raw);
        if (!ref.success) return data<Outcome>({ ok: null, error: "errors.invalid" }, { status: 400 });
        const { name } = await deleteTable(context.db, access.user, eventId, ref.data.tableId);
        return data<Outcome>({ ok: "protocol.table.deleted", name });
      }
      case "assign": {
        const parsed = assignSeatSchema.safeParse(raw);
        if (!parsed.success) return data<Outcome>({ ok: null, error: "errors.invalid" }, { status: 400 });
        const { fromTableId, fromSeatIndex, ...seat } = parsed.data;
        await assignSeat(context.db, eventId, {
          ...seat,
          from: fromTableId && fromSeatIndex !== null ? { tableId: fromTableId, seatIndex: fromSeatIndex } : null,
        });
        return data<Outcome>({ ok: null });
      }
      case "assignForm": {
        const parsed = assignSeatFormSchema.safeParse(raw);
        if (!parsed.success) return invalid("assignForm", fieldErrors(parsed.error));
        await assignSeat(context.db, eventId, { ...parsed.data.seat, invitationId: parsed.data.invitationId });
        return data<Outcome>({ ok: null });
      }
      case "clear":
      case "reserve":
      case "unreserve": {
        const parsed = seatRefSchema.safeParse(raw);
        if (!parsed.success) return data<Outcome>({ ok: null, error: "errors.invalid" }, { status: 400 });
        if (intent === "clear") await clearSeat(context.db, eventId, parsed.data);
        else await setSeatReserved(context.db, eventId, parsed.data, intent === "reserve");
        return data<Outcome>({ ok: null });
      }
      case "signing": {
        const parsed = agreementSigningSchema.safeParse(nestParties(raw));
        if (!parsed.success)
          return data<Outcome>({ ok: null, form: signingForm(raw), fieldErrors: fieldErrors(parsed.error), error: null, values: sent(raw) }, { status: 400 });
        await saveSigning(context.db, access.user, eventId, parsed.data);
        return data<Outcome>({ ok: "protocol.agreement.saved" });
      }
      default:
        return data<Outcome>({ ok: null, error: "errors.invalid" }, { status: 400 });
    }
  } catch (error) {
    if (!isServiceError(error)) throw error;
    const status = error.code === "not_found" ? 404 : error.code === "conflict" ? 409 : 422;
    const form = intent === "signing" ? signingForm(raw) : intent === "assignForm" ? "assignForm" : undefined;
    return data<Outcome>(
      {
        ok: null,
        error: error.message,
        form,
        fieldErrors: Object.keys(error.fields).length ? error.fields : null,
        values: intent === "signing" ? sent(raw) : undefined,
      },
      { status },
    );
  }
}

/**
 * Deputies are named as standing in for their principal everywhere on the page: "Bà A (thay ông B)"; companions by
 * who brings them: "Nguyễn Văn C — khách của ông B".
 */
function withStandIns(
  data: SeatingLoaderData,
  phrase: (name: string) => string,
  companion: (c: { name: string; host: string }) => string,
): SeatingLoaderData {
  const suffix = (id: string, label: string) => {
    const c = data.companionOf[id];
    if (c) return companion(c);
    return data.standsInFor[id] ? `${label} (${phrase(data.standsInFor[id])})` : label;
  };
  const labels = Object.fromEntries(Object.entries(data.labels).map(([id, label]) => [id, suffix(id, label)]));
  const relabel = <P extends { invitationId: string; label: string }>(p: P): P => ({ ...p, label: suffix(p.invitationId, p.label) });
  return {
    ...data,
    labels,
    dignitaries: data.dignitaries.map(relabel),
    others: data.others.map(relabel),
    companionOptions: data.companionOptions.map(relabel),
  };
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
        <h2 style={{ margin: 0 }}>{t("protocol.seating.title")}</h2>
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
        <div className="notice notice-ok" role="status">
          {t(actionData.ok, { name: actionData.name ?? "" })}
          {actionData.notes?.length ? (
            <ul style={{ margin: ".4rem 0 0" }}>
              {actionData.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {actionData?.error && !actionData.form ? (
        <div className="notice notice-error" role="alert">
          {tError(actionData.error)}
        </div>
      ) : null}
      {fetcherError ? (
        <div className="notice notice-error" role="alert">
          {tError(fetcherError)}
        </div>
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
          <p className="muted" style={{ marginTop: 0 }}>
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
        <section className="card" style={{ marginTop: "1rem" }} aria-labelledby="add-table-heading">
          <h3 id="add-table-heading" style={{ marginTop: 0 }}>
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
