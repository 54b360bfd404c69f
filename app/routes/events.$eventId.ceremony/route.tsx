import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { canOnEvent } from "~/domain/access/permissions";
import { useT } from "~/i18n/use-t";
import { listOrganizations } from "~/models/organizations.server";
import { loadCeremony } from "~/services/ceremony.server";
import { loadPrecedence } from "~/services/dignitaries.server";
import { requireEventPermission } from "~/services/auth.server";
import { Notice } from "~/components/ui/notice";
import { parseForm } from "~/utils/action-kit.server";
import { formKeyOf, refuse, runCeremonyAction } from "./ceremony-actions.server";
import { ceremonyActionSchema, idOrNew } from "./ceremony.schema";
import { pageTitle } from "~/utils/meta";
import { DocumentCard, SideCard, type CeremonyData } from "./ceremony-forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ceremony.page.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const eventId = access.event.id;
  const [ceremony, precedence, organizations] = await Promise.all([
    loadCeremony(context.db, eventId),
    loadPrecedence(context.db, eventId),
    listOrganizations(context.db),
  ]);
  const canUpdate =
    precedence.event.status !== "cancelled" &&
    canOnEvent(access.user, "event:update", { ownerId: access.event.createdBy, memberRole: access.memberRole });
  const roles = new Map(ceremony.people.map((p) => [p.id, p.roles]));
  return {
    eventId,
    canUpdate,
    sides: ceremony.sides,
    documents: ceremony.documents,
    // In precedence order, so a party's signatories are offered (and saved) in that order.
    people: precedence.dignitaries.map((d) => ({
      id: d.id,
      place: d.place,
      shortAddress: d.address.short,
      fullAddress: d.address.full,
      sideId: d.sideId,
      roles: roles.get(d.id) ?? [],
    })),
    organizations: organizations.map((o) => ({ id: o.id, nameVi: o.nameVi, nameEn: o.nameEn })),
  };
}

export type { CeremonyActionData } from "./ceremony-actions.server";

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  const form = await parseForm(request, ceremonyActionSchema, { arrayFields: ["partySideIds", "signatoryIds"] });
  const raw = form.values;
  if (!form.success) {
    const id = idOrNew.safeParse(raw.id ?? "");
    return id.success ? refuse(formKeyOf(raw, id.data), raw, null, "errors.invalid", 400) : refuse("", raw, null, "errors.invalid", 400);
  }
  return runCeremonyAction({ context, actor: access.user, eventId: access.event.id, raw }, form.data);
}

export default function CeremonyPage() {
  const loaderData = useLoaderData<typeof loader>() as CeremonyData;
  const actionData = useActionData<typeof action>();
  const { t, tError } = useT();
  const { sides, documents, canUpdate } = loaderData;
  const answer = (form: string) => (actionData?.form === form ? actionData : undefined);
  const stray = actionData && !actionData.fieldErrors && actionData.formError && actionData.formError !== "form.fixErrors";
  return (
    <>
      <h2>{t("ceremony.page.title")}</h2>
      <p className="muted">{t("ceremony.page.intro")}</p>
      {stray ? <Notice tone="error">{tError(actionData.formError ?? undefined)}</Notice> : null}
      <section aria-labelledby="sides" className="ceremony-section">
        <h3 id="sides">{t("ceremony.sides.title")}</h3>
        {sides.length === 0 ? <p className="muted">{t("ceremony.sides.empty")}</p> : null}
        {sides.map((side) => (
          <SideCard key={JSON.stringify(side)} data={loaderData} side={side} answer={answer(`side:${side.id}`)} />
        ))}
        {/* Keyed by what is stored (or the count): react-hook-form keeps its own copy of the values, so a card starts
            afresh when they change — and only then; after a refusal the inputs keep what was typed. */}
        {canUpdate ? <SideCard key={`new:${sides.length}`} data={loaderData} side={null} answer={answer("side:new")} /> : null}
      </section>
      <section aria-labelledby="documents" className="ceremony-section">
        <h3 id="documents">{t("ceremony.documents.title")}</h3>
        {documents.length === 0 ? <p className="muted">{t("ceremony.documents.empty")}</p> : null}
        {documents.map((d) => (
          <DocumentCard key={JSON.stringify(d)} data={loaderData} document={d} answer={answer(`document:${d.id}`)} answerFor={answer} />
        ))}
        {canUpdate ? <DocumentCard key={`new:${documents.length}`} data={loaderData} document={null} answer={answer("document:new")} answerFor={answer} /> : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
