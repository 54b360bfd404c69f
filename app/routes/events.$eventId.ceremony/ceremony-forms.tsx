import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import { FormErrorSummary, SelectField, TextAreaField, TextField, useSchemaForm } from "~/components/forms";
import { documentSchema, sideSchema, type DocumentFormValues, type SideFormValues } from "~/domain/ceremony/ceremony.schema";
import { documentKinds, sideKinds, type CeremonyRole, type SideKind } from "~/domain/ceremony/types";
import { useT } from "~/i18n/use-t";
import { Signatories } from "./signatories";
import { useSideName } from "./use-side-name";
import { Checkboxes } from "~/components/ceremony/checkboxes";
import type { CeremonyActionData } from "./route";

export interface CeremonyData {
  eventId: string;
  canUpdate: boolean;
  sides: {
    id: string;
    kind: SideKind;
    labelVi: string | null;
    labelEn: string | null;
    headPersonId: string | null;
    language: string;
    order: number;
    organization: { id: string; nameVi: string; nameEn: string | null } | null;
  }[];
  documents: {
    id: string;
    kind: (typeof documentKinds)[number];
    title: string;
    titleEn: string | null;
    partySideIds: string[];
    periodStart: number | null;
    periodEnd: number | null;
    aims: string | null;
    originals: number | null;
    languages: string[];
  }[];
  people: { id: string; place: number; shortAddress: string; fullAddress: string; sideId: string | null; roles: CeremonyRole[] }[];
  organizations: { id: string; nameVi: string; nameEn: string | null }[];
}

type Side = CeremonyData["sides"][number];
type Doc = CeremonyData["documents"][number];

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

export function SideCard({ data, side, answer }: { data: CeremonyData; side: Side | null; answer?: CeremonyActionData }) {
  const { t, locale } = useT();
  const nameOf = useSideName();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const v = answer?.values;
  const saved: SideFormValues = {
    kind: side?.kind ?? (data.sides.some((s) => s.kind === "host") ? "guest" : "host"),
    organizationId: side?.organization?.id ?? "",
    labelVi: side?.labelVi ?? "",
    labelEn: side?.labelEn ?? "",
    headPersonId: side?.headPersonId ?? "",
    language: side?.language ?? "vi",
  };
  // After a refusal the posted values (server-rendered without JavaScript; with it the inputs simply keep them).
  const defaults: SideFormValues = v
    ? { kind: str(v.kind) as SideKind, organizationId: str(v.organizationId), labelVi: str(v.labelVi), labelEn: str(v.labelEn), headPersonId: str(v.headPersonId), language: str(v.language) }
    : saved;
  const { form, onSubmit } = useSchemaForm(sideSchema, { defaultValues: defaults, serverErrors: answer?.fieldErrors });
  const members = side ? data.people.filter((p) => p.sideId === side.id) : [];
  const formId = side ? `side-${side.id}` : "side-new";
  if (!data.canUpdate && side)
    return (
      <article className="card" id={formId}>
        <h4 className="flush-top">{nameOf(side)}</h4>
        <p className="muted">
          {t(`ceremony.side.kind.${side.kind}`)} · {t("ceremony.side.people", { count: members.length })}
        </p>
      </article>
    );
  const hasErrors = Object.keys(form.formState.errors).length > 0 || !!answer?.fieldErrors;
  const removing = side && params.get("confirm") === `side-${side.id}`;
  return (
    <article className="card" id={formId} aria-label={side ? nameOf(side) : t("ceremony.sides.add")}>
      <h4 className="flush-top">
        {side ? nameOf(side) : t("ceremony.sides.add")}
        {side ? <span className="muted"> · {t(`ceremony.side.kind.${side.kind}`)} · {t("ceremony.side.people", { count: members.length })}</span> : null}
      </h4>
      {side && data.sides.length > 1 ? (
        // The order of the sides: the draft names the delegations in it and new documents list their parties by it.
        <Form method="post" className="side-move" aria-label={t("ceremony.side.order")}>
          <input type="hidden" name="id" value={side.id} />
          <input type="hidden" name="intent" value="moveSide" />
          <button
            type="submit"
            name="direction"
            value="up"
            className="button secondary small"
            disabled={data.sides[0]?.id === side.id || navigation.state === "submitting"}
            aria-label={t("ceremony.side.moveUpLabel", { name: nameOf(side) })}
          >
            ↑ {t("ceremony.side.moveUp")}
          </button>
          <button
            type="submit"
            name="direction"
            value="down"
            className="button secondary small"
            disabled={data.sides[data.sides.length - 1]?.id === side.id || navigation.state === "submitting"}
            aria-label={t("ceremony.side.moveDownLabel", { name: nameOf(side) })}
          >
            ↓ {t("ceremony.side.moveDown")}
          </button>
        </Form>
      ) : null}
      <FormErrorSummary show={hasErrors || (!!answer?.formError && !answer.fieldErrors)} message={answer?.formError ?? undefined} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="id" value={side?.id ?? ""} />
        <div className="grid-3">
          <SelectField form={form} name="kind" label={t("ceremony.side.field.kind")} options={sideKinds.map((k) => ({ value: k, label: t(`ceremony.side.kind.${k}`) }))} />
          <SelectField
            form={form}
            name="organizationId"
            label={t("ceremony.side.field.organization")}
            optional
            options={[
              { value: "", label: t("ceremony.side.field.noOrganization") },
              ...data.organizations.map((o) => ({ value: o.id, label: locale === "en" && o.nameEn ? o.nameEn : o.nameVi })),
            ]}
          />
          <TextField form={form} name="language" label={t("ceremony.side.field.language")} autoComplete="off" />
        </div>
        <div className="grid-2">
          <TextField form={form} name="labelVi" label={t("ceremony.side.field.labelVi")} hint={t("ceremony.side.field.labelViHint")} optional />
          <TextField form={form} name="labelEn" label={t("ceremony.side.field.labelEn")} optional />
        </div>
        {side ? (
          <SelectField
            form={form}
            name="headPersonId"
            label={t("ceremony.side.field.head")}
            hint={t("ceremony.side.field.headHint")}
            optional
            options={[{ value: "", label: t("ceremony.side.field.noHead") }, ...members.map((p) => ({ value: p.id, label: p.fullAddress }))]}
          />
        ) : null}
        <div className="actions">
          <button type="submit" name="intent" value="side" className="button" disabled={navigation.state === "submitting"}>
            {side ? t("ceremony.side.save") : t("ceremony.sides.add")}
          </button>
          {side && !removing ? (
            <Link to={`?confirm=side-${side.id}#side-${side.id}`} className="button danger secondary">
              {t("ceremony.side.remove")}
            </Link>
          ) : null}
        </div>
      </Form>
      {removing ? (
        <Form method="post" className="actions notice-warn card">
          <p className="flush confirm-line">{t("ceremony.side.removeHint")}</p>
          <input type="hidden" name="id" value={side.id} />
          <button type="submit" name="intent" value="removeSide" className="button danger">
            {t("action.confirm")}: {t("ceremony.side.remove")}
          </button>
          <Link to={`.#side-${side.id}`} className="button secondary">
            {t("action.back")}
          </Link>
        </Form>
      ) : null}
    </article>
  );
}

export function DocumentCard({
  data,
  document: doc,
  answer,
  answerFor,
}: {
  data: CeremonyData;
  document: Doc | null;
  answer?: CeremonyActionData;
  answerFor: (form: string) => CeremonyActionData | undefined;
}) {
  const { t } = useT();
  const nameOf = useSideName();
  const navigation = useNavigation();
  const v = answer?.values;
  const saved: DocumentFormValues = {
    kind: doc?.kind ?? "regulation",
    title: doc?.title ?? "",
    titleEn: doc?.titleEn ?? "",
    periodStart: doc?.periodStart != null ? String(doc.periodStart) : "",
    periodEnd: doc?.periodEnd != null ? String(doc.periodEnd) : "",
    originals: doc?.originals != null ? String(doc.originals) : "",
    languages: doc?.languages.join(", ") ?? "",
    aims: doc?.aims ?? "",
    partySideIds: doc?.partySideIds ?? [],
  };
  const defaults: DocumentFormValues = v
    ? {
        kind: str(v.kind) as Doc["kind"],
        title: str(v.title),
        titleEn: str(v.titleEn),
        periodStart: str(v.periodStart),
        periodEnd: str(v.periodEnd),
        originals: str(v.originals),
        languages: str(v.languages),
        aims: str(v.aims),
        partySideIds: Array.isArray(v.partySideIds) ? (v.partySideIds as string[]) : [],
      }
    : saved;
  const { form, onSubmit } = useSchemaForm(documentSchema, { defaultValues: defaults, serverErrors: answer?.fieldErrors });
  const parties = data.sides.filter((s) => s.kind !== "leaders");
  const formId = doc ? `document-${doc.id}` : "document-new";
  const [params] = useSearchParams();
  const removing = doc && params.get("confirm") === formId;
  const hasErrors = Object.keys(form.formState.errors).length > 0 || !!answer?.fieldErrors;
  const signing = doc ? doc.partySideIds.map((id) => data.sides.find((s) => s.id === id)).filter((s): s is Side => !!s) : [];
  return (
    <article className="card" id={formId} aria-label={doc ? doc.title : t("ceremony.documents.add")}>
      <h4 className="flush-top">
        {doc ? doc.title : t("ceremony.documents.add")}
        {doc ? <span className="muted"> · {t(`document.kind.${doc.kind}`)}</span> : null}
      </h4>
      {data.canUpdate ? (
        <>
          <FormErrorSummary show={hasErrors || (!!answer?.formError && !answer.fieldErrors)} message={answer?.formError ?? undefined} />
          <Form method="post" noValidate onSubmit={onSubmit}>
            <input type="hidden" name="id" value={doc?.id ?? ""} />
            <div className="grid-2">
              <SelectField form={form} name="kind" label={t("ceremony.document.field.kind")} options={documentKinds.map((k) => ({ value: k, label: t(`document.kind.${k}`) }))} />
              <TextField form={form} name="title" label={t("ceremony.document.field.title")} />
              <TextField form={form} name="titleEn" label={t("ceremony.document.field.titleEn")} optional />
            </div>
            {parties.length ? (
              <Checkboxes
                name="partySideIds"
                label={t("ceremony.document.field.parties")}
                hint={t("ceremony.document.field.partiesHint")}
                options={parties.map((s) => ({ value: s.id, label: nameOf(s) }))}
                checked={defaults.partySideIds}
                error={answer?.fieldErrors?.partySideIds}
              />
            ) : (
              <p className="muted">{t("ceremony.document.noParties")}</p>
            )}
            <div className="grid-3">
              <TextField form={form} name="periodStart" label={t("ceremony.document.field.periodStart")} inputMode="numeric" optional />
              <TextField form={form} name="periodEnd" label={t("ceremony.document.field.periodEnd")} inputMode="numeric" optional />
              <TextField form={form} name="originals" label={t("ceremony.document.field.originals")} inputMode="numeric" optional />
              <TextField form={form} name="languages" label={t("ceremony.document.field.languages")} hint={t("ceremony.document.field.languagesHint")} optional />
            </div>
            <TextAreaField form={form} name="aims" label={t("ceremony.document.field.aims")} rows={3} optional />
            <div className="actions">
              <button type="submit" name="intent" value="document" className="button" disabled={navigation.state === "submitting"}>
                {doc ? t("ceremony.document.save") : t("ceremony.documents.add")}
              </button>
              {doc && !removing ? (
                <Link to={`?confirm=${formId}#${formId}`} className="button danger secondary">
                  {t("ceremony.document.remove")}
                </Link>
              ) : null}
            </div>
          </Form>
          {removing ? (
            <Form method="post" className="actions notice-warn card">
              <input type="hidden" name="id" value={doc.id} />
              <button type="submit" name="intent" value="removeDocument" className="button danger">
                {t("action.confirm")}: {t("ceremony.document.remove")}
              </button>
              <Link to={`.#${formId}`} className="button secondary">
                {t("action.back")}
              </Link>
            </Form>
          ) : null}
        </>
      ) : (
        <p>{signing.map(nameOf).join(" – ")}</p>
      )}
      {doc && signing.length ? <Signatories data={data} doc={doc} signing={signing} answerFor={answerFor} /> : null}
    </article>
  );
}
