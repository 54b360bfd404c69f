import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useT } from "~/i18n/use-t";

interface QuickAddResult {
  ok: boolean;
  fieldErrors?: Record<string, string> | null;
  organization?: { nameVi: string } | null;
}

/**
 * Adds an organization without leaving the event form. Its inputs belong to a separate <form> (via the
 * `form` attribute) rendered outside the event form, so nothing typed in the event form is lost; after it
 * saves, Remix revalidates and the new organization appears in the lists above.
 */
export function OrganizationQuickAdd() {
  const { t, tError } = useT();
  const fetcher = useFetcher<QuickAddResult>();
  const formId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const result = fetcher.data;
  // Needs JavaScript (a fetcher); without it the section stays hidden and the Organizations page does the job.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  useEffect(() => {
    if (fetcher.state === "idle" && result?.ok && nameRef.current) nameRef.current.value = "";
  }, [fetcher.state, result]);
  const nameError = result && !result.ok ? result.fieldErrors?.nameVi : undefined;
  if (!mounted) return null;
  return (
    <details className="inline-add">
      <summary>+ {t("orgs.new")}</summary>
      <div className="card">
        <div className="field">
          <label htmlFor={`${formId}-name`}>{t("orgs.nameVi")}</label>
          <input id={`${formId}-name`} ref={nameRef} name="nameVi" form={formId} maxLength={300} aria-invalid={nameError ? true : undefined} />
          {nameError ? (
            <p className="field-error" role="alert">
              {tError(nameError)}
            </p>
          ) : null}
        </div>
        {result?.ok && result.organization ? (
          <p className="notice notice-ok" role="status">
            {t("orgs.created", { name: result.organization.nameVi })}
          </p>
        ) : null}
        <button type="submit" form={formId} className="button secondary" disabled={fetcher.state !== "idle"}>
          {t("orgs.add")}
        </button>
        {/* Forms cannot nest: the form element lives at the end of <body>, its fields point to it by id. */}
        {createPortal(
          <fetcher.Form method="post" action="/organizations?index" id={formId} hidden>
            <input type="hidden" name="intent" value="create" />
          </fetcher.Form>,
          document.body,
        )}
      </div>
    </details>
  );
}
