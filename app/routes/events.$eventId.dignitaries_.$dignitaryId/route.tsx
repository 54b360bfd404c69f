import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Notice } from "~/components/ui/notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { instantToLocalInput } from "~/domain/dates/phrasing";
import { fieldErrors } from "~/domain/forms/fields";
import { dignitaryFormSchema, type DignitaryFormValues } from "~/domain/protocol/dignitary.schema";
import { precedenceReasonText } from "~/domain/protocol/reason-text";
import { useT } from "~/i18n/use-t";
import { eventOrganizationNames, listStaffMembers } from "~/models/dignitaries.server";
import { personCeremonyFormSchema } from "~/domain/ceremony/ceremony.schema";
import { loadCeremony, setPersonCeremony } from "~/services/ceremony.server";
import { getDignitaryView, loadPrecedence, removeDignitary, updateDignitary } from "~/services/dignitaries.server";
import { isUuid, requireEventPermission } from "~/services/auth.server";
import { attempt, parseForm, parseFormData } from "~/utils/action-kit.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { dignitaryEditActionSchema } from "./dignitary-edit.schema";
import { pageTitle } from "~/utils/meta";
import { notFound } from "~/utils/responses.server";
import { DignitaryForm, toDignitaryFormValues } from "~/components/dignitaries/dignitary-form";
import styles from "~/components/protocol/protocol.css";
import { PersonCeremonyForm, personCeremonyDefaults } from "~/components/dignitaries/person-ceremony-form";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) =>
  pageTitle(matches, d ? null : "protocol.edit.title", d?.dignitary.shortAddress);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  if (!params.dignitaryId || !isUuid(params.dignitaryId)) throw notFound();
  const view = await loadPrecedence(context.db, access.event.id);
  const d = view.dignitaries.find((x) => x.id === params.dignitaryId);
  if (!d) throw notFound();
  const zone = view.event.timeZone;
  const names = await eventOrganizationNames(context.db, view.event.id, view.event.hostOrganizationId);
  const defaults: DignitaryFormValues = {
    honorific: d.honorific ?? "",
    name: d.name,
    positions: d.positions.join("\n"),
    organization: d.organization ?? "",
    delegation: d.delegation ?? "",
    arrivalAt: d.arrivalAt ? instantToLocalInput(d.arrivalAt, zone) : "",
    escortUserId: d.escortUserId ?? "",
    notes: d.notes ?? "",
    email: "",
    fullAddressOverride: d.fullAddressOverride ?? "",
    shortAddressOverride: d.shortAddressOverride ?? "",
    englishAddressOverride: d.englishAddressOverride ?? "",
  };
  const ceremony = await loadCeremony(context.db, view.event.id);
  const person = ceremony.people.find((p) => p.id === d.id);
  return {
    ceremony: {
      sides: ceremony.sides,
      documents: ceremony.documents.map((doc) => ({ id: doc.id, title: doc.title, partySideIds: doc.partySideIds })),
      sideId: d.sideId,
      roles: person?.roles ?? [],
    },
    eventId: view.event.id,
    timeZone: zone,
    cancelled: view.event.status === "cancelled",
    equalsFirst: view.event.precedenceEqualsFirst,
    dignitary: {
      id: d.id,
      place: d.place,
      proposedPlace: d.proposedPlace,
      moved: d.moved,
      rankReason: d.rankReason,
      tieBreak: d.tieBreak,
      positionCount: d.positions.length,
      shortAddress: d.address.short,
      updatedAt: d.updatedAt.toISOString(),
    },
    defaults,
    staff: await listStaffMembers(context.db, d.escortUserId ? [d.escortUserId] : []),
    organizations: [...new Set([...names.host, ...names.guests].filter((n): n is string => !!n))],
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  if (!params.dignitaryId || !isUuid(params.dignitaryId)) throw notFound();
  const eventId = access.event.id;
  const current = await getDignitaryView(context.db, eventId, params.dignitaryId);
  if (!current) throw notFound();
  const arrayFields = ["roles", "signsFor"];
  const form = await parseForm(request, dignitaryEditActionSchema, { arrayFields });
  const raw = form.values;
  if (!form.success) return data({ fieldErrors: null, formError: "errors.invalid", values: toDignitaryFormValues(raw) }, { status: 400 });
  if (form.data.intent === "ceremony") {
    const parsed = parseFormData(form.formData, personCeremonyFormSchema, arrayFields);
    const ceremonyValues = { sideId: typeof raw.sideId === "string" ? raw.sideId : "", roles: raw.roles as string[], signsFor: raw.signsFor as string[] };
    if (!parsed.success) return data({ ceremony: { fieldErrors: parsed.fieldErrors, formError: "form.fixErrors", values: ceremonyValues } }, { status: 400 });
    const saved = await attempt(() => setPersonCeremony(context.db, access.user, eventId, current.id, parsed.data));
    if (!saved.ok) {
      const fields = Object.keys(saved.error.fields).length ? saved.error.fields : null;
      return data({ ceremony: { fieldErrors: fields, formError: saved.error.message, values: ceremonyValues } }, { status: saved.status });
    }
    return redirectWithNotice(context, `/events/${eventId}/dignitaries/${current.id}#ceremony`, { key: "ceremony.person.saved" });
  }
  const values = toDignitaryFormValues({ ...raw, roles: undefined, signsFor: undefined });
  const refused = (outcome: { error: { fields: Record<string, string>; message: string }; status: number }) =>
    data(
      { fieldErrors: Object.keys(outcome.error.fields).length ? outcome.error.fields : null, formError: outcome.error.message, values },
      { status: outcome.status },
    );
  if (form.data.intent === "remove") {
    const removed = await attempt(() => removeDignitary(context.db, access.user, eventId, current.id));
    if (!removed.ok) return refused(removed);
    return redirectWithNotice(context, `/events/${eventId}/dignitaries`, { key: "protocol.removed", params: { name: removed.value.name } });
  }
  const view = await loadPrecedence(context.db, eventId);
  const parsed = dignitaryFormSchema(view.event.timeZone).safeParse(raw);
  if (!parsed.success) return data({ fieldErrors: fieldErrors(parsed.error), formError: null, values }, { status: 400 });
  const { email: _email, ...change } = parsed.data;
  const saved = await attempt(() => updateDignitary(context.db, access.user, eventId, current.id, change));
  if (!saved.ok) return refused(saved);
  return redirectWithNotice(context, `/events/${eventId}/dignitaries`, { key: "protocol.updated" });
}

export default function EditDignitaryPage() {
  const { eventId, timeZone, cancelled, dignitary, defaults, staff, organizations, equalsFirst, ceremony } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const actionData = answer && "values" in answer ? answer : undefined;
  const ceremonyAnswer = answer && "ceremony" in answer ? answer.ceremony : undefined;
  const { t } = useT();
  const [params] = useSearchParams();
  if (cancelled)
    return (
      <Notice tone="warn">{t("protocol.errors.cancelled")}</Notice>
    );
  return (
    <>
      <h2>{t("protocol.edit.title")}</h2>
      <p className="muted">
        {t("protocol.col.place")} {dignitary.place} · {precedenceReasonText(dignitary, dignitary.positionCount, t, equalsFirst)}
      </p>
      <DignitaryForm
        key={dignitary.updatedAt}
        mode="edit"
        defaultValues={actionData?.values ?? defaults}
        serverErrors={actionData?.fieldErrors}
        formError={actionData?.formError === "form.fixErrors" ? null : actionData?.formError}
        timeZone={timeZone}
        staff={staff}
        organizations={organizations}
        cancelHref={`/events/${eventId}/dignitaries`}
      />
      <PersonCeremonyForm
        key={JSON.stringify(personCeremonyDefaults(ceremony))}
        data={ceremony}
        defaultValues={(ceremonyAnswer?.values as ReturnType<typeof personCeremonyDefaults> | undefined) ?? personCeremonyDefaults(ceremony)}
        serverErrors={ceremonyAnswer?.fieldErrors}
        formError={ceremonyAnswer?.formError === "form.fixErrors" ? null : ceremonyAnswer?.formError}
      />
      <section className="card notice-warn space-above-lg">
        {params.get("confirm") === "remove" ? (
          <Form method="post" className="actions flush-top">
            <p className="flush confirm-line">{t("protocol.removeConfirm", { name: dignitary.shortAddress })}</p>
            <input type="hidden" name="intent" value="remove" />
            <button type="submit" className="button danger">
              {t("action.confirm")}: {t("protocol.remove")}
            </button>
            <Link to="." className="button secondary">
              {t("action.back")}
            </Link>
          </Form>
        ) : (
          <Link to="?confirm=remove" className="button danger secondary">
            {t("protocol.remove")}
          </Link>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
