import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { builtinGlossary } from "~/domain/glossary/builtin";
import { GLOSSARY_TERM_MAX, glossaryEntrySchema } from "~/domain/glossary/glossary.schema";
import { glossaryKinds } from "~/domain/glossary/types";
import { fieldErrors } from "~/domain/forms/fields";
import { useT } from "~/i18n/use-t";
import { listGlossaryEntries } from "~/models/glossary.server";
import { addGlossaryEntry, removeGlossaryEntry } from "~/services/glossary.server";
import { isUuid, requireGlobalPermission } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { pageTitle } from "~/utils/meta";
import type { MessageKey } from "~/i18n/catalog";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "glossary.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireGlobalPermission(request, context, "glossary:manage");
  return { entries: await listGlossaryEntries(context.db), builtinCount: builtinGlossary.length };
}

type Values = { kind: string; vi: string; en: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireGlobalPermission(request, context, "glossary:manage");
  const raw = formDataToObject(await readForm(request));
  const values: Values = {
    kind: typeof raw.kind === "string" ? raw.kind : "",
    vi: typeof raw.vi === "string" ? raw.vi : "",
    en: typeof raw.en === "string" ? raw.en : "",
  };
  if (raw.intent === "delete") {
    const id = typeof raw.id === "string" && isUuid(raw.id) ? raw.id : null;
    if (!id) return data({ fieldErrors: null, values: null, saved: false }, { status: 400 });
    await removeGlossaryEntry(context.db, admin, id);
    return { fieldErrors: null, values: null, saved: false };
  }
  const parsed = glossaryEntrySchema.safeParse(values);
  if (!parsed.success) return data({ fieldErrors: fieldErrors(parsed.error), values, saved: false }, { status: 400 });
  await addGlossaryEntry(context.db, admin, parsed.data);
  return { fieldErrors: null, values: null, saved: true };
}

export default function GlossaryPage() {
  const { entries, builtinCount } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useT();
  const errors = result?.fieldErrors ?? {};
  const values = result?.values ?? { kind: "position", vi: "", en: "" };
  const kindLabel = (k: string) => t(`glossary.kind.${k}` as MessageKey);
  return (
    <>
      <h1>{t("glossary.title")}</h1>
      <p className="muted">{t("glossary.intro", { count: builtinCount })}</p>
      <section className="section">
        <h2>{t("glossary.add")}</h2>
        {result?.saved ? (
          <p className="notice" role="status">
            {t("glossary.saved")}
          </p>
        ) : null}
        {/* A new key per answer: the inputs show what the server echoed (kept on an error, cleared after a save). */}
        <Form method="post" className="grid-3" key={JSON.stringify(result ?? {})}>
          <div className={`field${errors.kind ? " field-invalid" : ""}`}>
            <label htmlFor="glossary-kind">{t("glossary.field.kind")}</label>
            <select id="glossary-kind" name="kind" defaultValue={values.kind}>
              {glossaryKinds.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${errors.vi ? " field-invalid" : ""}`}>
            <label htmlFor="glossary-vi">{t("glossary.field.vi")}</label>
            <input id="glossary-vi" name="vi" defaultValue={values.vi} maxLength={GLOSSARY_TERM_MAX} aria-invalid={!!errors.vi} />
            {errors.vi ? (
              <p className="field-error" role="alert">
                {t(errors.vi as MessageKey)}
              </p>
            ) : null}
          </div>
          <div className={`field${errors.en ? " field-invalid" : ""}`}>
            <label htmlFor="glossary-en">{t("glossary.field.en")}</label>
            <input id="glossary-en" name="en" defaultValue={values.en} maxLength={GLOSSARY_TERM_MAX} aria-invalid={!!errors.en} />
            {errors.en ? (
              <p className="field-error" role="alert">
                {t(errors.en as MessageKey)}
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit" name="intent" value="save" className="button">
              {t("glossary.save")}
            </button>
          </div>
        </Form>
      </section>
      <section className="section">
        <h2>{t("glossary.own")}</h2>
        {entries.length === 0 ? (
          <p className="muted">{t("glossary.none")}</p>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th>{t("glossary.field.kind")}</th>
                <th>{t("glossary.field.vi")}</th>
                <th>{t("glossary.field.en")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{kindLabel(e.kind)}</td>
                  <td lang="vi">{e.vi}</td>
                  <td lang="en">{e.en}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="id" value={e.id} />
                      <button type="submit" name="intent" value="delete" className="button button-secondary">
                        {t("glossary.delete")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
