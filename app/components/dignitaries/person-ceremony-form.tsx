import { Form, useNavigation } from "@remix-run/react";
import { FormErrorSummary, SelectField, useSchemaForm } from "~/components/forms";
import { personCeremonyFormSchema, type PersonCeremonyFormValues } from "~/domain/ceremony/ceremony.schema";
import { ceremonyRoleKinds, type CeremonyRole, type SideKind } from "~/domain/ceremony/types";
import { useT } from "~/i18n/use-t";
import { Checkboxes } from "~/components/ceremony/checkboxes";
import { sideName } from "~/components/ceremony/side-name";

export interface PersonCeremonyData {
  sides: { id: string; kind: SideKind; labelVi: string | null; labelEn: string | null; organization: { nameVi: string; nameEn: string | null } | null }[];
  documents: { id: string; title: string; partySideIds: string[] }[];
  sideId: string | null;
  roles: CeremonyRole[];
}

const plainRoles = ceremonyRoleKinds.filter((k) => k !== "signatory");

export function personCeremonyDefaults(d: Pick<PersonCeremonyData, "sideId" | "roles">): PersonCeremonyFormValues {
  return {
    sideId: d.sideId ?? "",
    roles: d.roles.filter((r) => r.kind !== "signatory").map((r) => r.kind) as PersonCeremonyFormValues["roles"],
    signsFor: d.roles.flatMap((r) => (r.kind === "signatory" ? [`${r.documentId}:${r.sideId}`] : [])),
  };
}

/** A person's side and ceremony roles (chairs, co-chairs, witnesses, signs for a party of a document, speaks, attends). */
export function PersonCeremonyForm({
  data,
  defaultValues,
  serverErrors,
  formError,
}: {
  data: PersonCeremonyData;
  defaultValues: PersonCeremonyFormValues;
  serverErrors?: Record<string, string> | null;
  formError?: string | null;
}) {
  const { t, locale } = useT();
  const navigation = useNavigation();
  const { form, onSubmit } = useSchemaForm(personCeremonyFormSchema, { defaultValues, serverErrors });
  const nameOf = (s: PersonCeremonyData["sides"][number]) => sideName(s, locale, (k) => t(`ceremony.side.kind.${k}`));
  const signOptions = data.documents.flatMap((doc) =>
    doc.partySideIds.flatMap((sideId) => {
      const side = data.sides.find((s) => s.id === sideId);
      return side ? [{ value: `${doc.id}:${side.id}`, label: t("ceremony.person.signsForOption", { document: doc.title, side: nameOf(side) }) }] : [];
    }),
  );
  // A signatory error is reported on "roles.<n>": show it with the signing choices.
  const signError = serverErrors ? Object.entries(serverErrors).find(([k]) => k.startsWith("roles."))?.[1] : undefined;
  const hasErrors = Object.keys(form.formState.errors).length > 0 || !!serverErrors;
  return (
    <section className="card space-above-lg" aria-labelledby="person-ceremony" id="ceremony">
      <h3 id="person-ceremony">
        {t("ceremony.person.title")}
      </h3>
      <FormErrorSummary show={hasErrors || !!formError} message={signError ?? formError ?? undefined} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <SelectField
          form={form}
          name="sideId"
          label={t("ceremony.person.side")}
          options={[{ value: "", label: t("ceremony.person.noSide") }, ...data.sides.map((s) => ({ value: s.id, label: nameOf(s) }))]}
        />
        <Checkboxes
          name="roles"
          label={t("ceremony.person.roles")}
          options={plainRoles.map((k) => ({ value: k, label: t(`ceremony.role.${k}`) }))}
          checked={defaultValues.roles}
        />
        {signOptions.length ? (
          <Checkboxes name="signsFor" label={t("ceremony.person.signsFor")} options={signOptions} checked={defaultValues.signsFor} error={signError} />
        ) : null}
        <div className="actions">
          <button type="submit" name="intent" value="ceremony" className="button" disabled={navigation.state === "submitting"}>
            {t("ceremony.person.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}

