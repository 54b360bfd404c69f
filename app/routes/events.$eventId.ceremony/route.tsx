import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { canOnEvent } from "~/domain/access/permissions";
import { documentSchema, partySignatoriesSchema, sideSchema } from "~/domain/ceremony/ceremony.schema";
import { fieldErrors } from "~/domain/forms/fields";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { listOrganizations } from "~/models/organizations.server";
import { loadCeremony, moveSide, removeDocument, removeSide, saveDocument, saveSide, setPartySignatories } from "~/services/ceremony.server";
import { loadPrecedence } from "~/services/dignitaries.server";
import { isServiceError } from "~/utils/errors";
import { isUuid, requireEventPermission } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
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

/** Which form an answer belongs to: "side:new", "side:<id>", "document:<id>", "signatories:<documentId>:<sideId>". */
export type CeremonyActionData = {
  form: string;
  fieldErrors: Record<string, string> | null;
  formError: string | null;
  values: Record<string, unknown>;
};

const idOrNew = z.union([z.literal(""), z.string().uuid()]).transform((v) => (v ? v : null));

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  const eventId = access.event.id;
  const raw = formDataToObject(await readForm(request), ["partySideIds", "signatoryIds"]);
  const done = (key: string, anchor: string) => redirect(`/events/${eventId}/ceremony?done=${key}#${anchor}`);
  const id = idOrNew.safeParse(raw.id ?? "");
  if (!id.success) return data<CeremonyActionData>({ form: "", fieldErrors: null, formError: "errors.invalid", values: raw }, { status: 400 });
  const formKey = `${String(raw.intent ?? "").replace(/^remove/, "").toLowerCase()}:${id.data ?? "new"}`;
  const fail = (fields: Record<string, string> | null, formError: string | null, status: number, form = formKey) =>
    data<CeremonyActionData>({ form, fieldErrors: fields, formError, values: raw }, { status });
  try {
    switch (raw.intent) {
      case "side": {
        const parsed = sideSchema.safeParse(raw);
        if (!parsed.success) return fail(fieldErrors(parsed.error), "form.fixErrors", 400);
        const sideId = await saveSide(context.db, access.user, eventId, id.data, parsed.data);
        return done(id.data ? "sideSaved" : "sideCreated", `side-${sideId}`);
      }
      case "moveSide": {
        const direction = raw.direction === "up" || raw.direction === "down" ? raw.direction : null;
        if (!id.data || !direction) return fail(null, "errors.invalid", 400);
        await moveSide(context.db, access.user, eventId, id.data, direction);
        return done("sideMoved", `side-${id.data}`);
      }
      case "removeSide":
        if (!id.data) return fail(null, "errors.invalid", 400);
        await removeSide(context.db, access.user, eventId, id.data);
        return done("sideRemoved", "sides");
      case "document": {
        const parsed = documentSchema.safeParse(raw);
        if (!parsed.success) return fail(fieldErrors(parsed.error), "form.fixErrors", 400);
        const documentId = await saveDocument(context.db, access.user, eventId, id.data, parsed.data);
        return done(id.data ? "documentSaved" : "documentCreated", `document-${documentId}`);
      }
      case "removeDocument":
        if (!id.data) return fail(null, "errors.invalid", 400);
        await removeDocument(context.db, access.user, eventId, id.data);
        return done("documentRemoved", "documents");
      case "signatories": {
        const sideId = typeof raw.sideId === "string" && isUuid(raw.sideId) ? raw.sideId : null;
        const parsed = partySignatoriesSchema.safeParse({ signatoryIds: raw.signatoryIds });
        const form = `signatories:${id.data}:${sideId}`;
        if (!id.data || !sideId || !parsed.success) return fail(null, "errors.invalid", 400, form);
        await setPartySignatories(context.db, access.user, eventId, id.data, sideId, parsed.data.signatoryIds);
        return done("signatoriesSaved", `document-${id.data}`);
      }
      default:
        return fail(null, "errors.invalid", 400);
    }
  } catch (error) {
    if (!isServiceError(error)) throw error;
    const fields = Object.keys(error.fields).length ? error.fields : null;
    const status = error.code === "not_found" ? 404 : error.code === "conflict" ? 409 : 422;
    const form = raw.intent === "signatories" ? `signatories:${id.data}:${String(raw.sideId)}` : formKey;
    return fail(fields, error.message, status, form);
  }
}

const notices: Record<string, MessageKey> = {
  sideCreated: "ceremony.done.sideCreated",
  sideSaved: "ceremony.done.sideSaved",
  sideRemoved: "ceremony.done.sideRemoved",
  sideMoved: "ceremony.done.sideMoved",
  documentCreated: "ceremony.done.documentCreated",
  documentSaved: "ceremony.done.documentSaved",
  documentRemoved: "ceremony.done.documentRemoved",
  signatoriesSaved: "ceremony.done.signatoriesSaved",
};

export default function CeremonyPage() {
  const loaderData = useLoaderData<typeof loader>() as CeremonyData;
  const actionData = useActionData<typeof action>();
  const { t, tError } = useT();
  const [params] = useSearchParams();
  const notice = notices[params.get("done") ?? ""];
  const { sides, documents, canUpdate } = loaderData;
  const answer = (form: string) => (actionData?.form === form ? actionData : undefined);
  const stray = actionData && !actionData.fieldErrors && actionData.formError && actionData.formError !== "form.fixErrors";
  return (
    <>
      <h2>{t("ceremony.page.title")}</h2>
      <p className="muted">{t("ceremony.page.intro")}</p>
      {notice && !actionData ? (
        <div className="notice notice-ok" role="status">
          {t(notice)}
        </div>
      ) : null}
      {stray ? (
        <div className="notice notice-error" role="alert">
          {tError(actionData.formError ?? undefined)}
        </div>
      ) : null}
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
