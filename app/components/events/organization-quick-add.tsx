import { useId } from "react";
import { CountedInput } from "~/components/forms";
import { ORGANIZATION_NAME_MAX } from "~/domain/organizations/organization.schema";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/use-t";

/** What the event form's action answers after "add an organization". */
export interface QuickAddResult {
  organization: { id: string; nameVi: string } | null;
  error: string | null;
  /** The name as typed, given back when it was refused. */
  name: string;
}

/**
 * Adds an organization without leaving the event form. Its field and button belong to the event form: the
 * button (intent "addOrganization", formNoValidate) posts the whole form, with or without JavaScript, and the
 * action creates the organization and answers the form with every value as it was and no errors — so nothing
 * typed is lost and the new organization appears in the lists above. Render it keyed by the last result, so the
 * field empties after a success.
 */
export function OrganizationQuickAdd({ result }: { result: QuickAddResult | null }) {
  const { t, tError } = useT();
  const id = useId();
  const error = result?.error ?? null;
  return (
    <details className="inline-add" open={!!result}>
      <summary>+ {t("orgs.new")}</summary>
      <div className="card">
        {result?.organization ? (
          <Notice tone="ok" as="p">
            {t("orgs.created", { name: result.organization.nameVi })}
          </Notice>
        ) : null}
        <div className={`field${error ? " field-invalid" : ""}`}>
          <label htmlFor={`${id}-name`}>{t("orgs.nameVi")}</label>
          <CountedInput
            id={`${id}-name`}
            name="newOrganizationName"
            defaultValue={error ? result?.name : ""}
            maxLength={ORGANIZATION_NAME_MAX}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error ? (
            <p className="field-error" id={`${id}-error`} role="alert">
              {tError(error)}
            </p>
          ) : null}
        </div>
        <button type="submit" name="intent" value="addOrganization" formNoValidate className="button secondary">
          {t("orgs.add")}
        </button>
      </div>
    </details>
  );
}
