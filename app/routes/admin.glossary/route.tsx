import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/ui/notice";
import { builtinGlossary } from "~/domain/glossary/builtin";
import { GLOSSARY_TERM_MAX } from "~/domain/glossary/glossary.schema";
import { glossaryKinds } from "~/domain/glossary/types";
import { useT } from "~/i18n/use-t";
import { listGlossaryEntries } from "~/models/glossary.server";
import { addGlossaryEntry, removeGlossaryEntry } from "~/services/glossary.server";
import { requireGlobalPermission } from "~/services/auth.server";
import { parseForm } from "~/utils/action-kit.server";
import { pageTitle } from "~/utils/meta";
import type { MessageKey } from "~/i18n/catalog";
import { glossaryActionSchema } from "./glossary-action.schema";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "glossary.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireGlobalPermission(request, context, "glossary:manage");
  return { entries: await listGlossaryEntries(context.db), builtinCount: builtinGlossary.length };
}

type Values = { kind: string; vi: string; en: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireGlobalPermission(request, context, "glossary:manage");
  const form = await parseForm(request, glossaryActionSchema);
  if (!form.success) {
    if (form.values.intent === "delete") return data({ fieldErrors: null, values: null, saved: false }, { status: 400 });
    const text = (key: string) => (typeof form.values[key] === "string" ? (form.values[key] as string) : "");
    const values: Values = { kind: text("kind"), vi: text("vi"), en: text("en") };
    return data({ fieldErrors: form.fieldErrors, values, saved: false }, { status: 400 });
  }
  const input = form.data;
  if (input.intent === "delete") {
    await removeGlossaryEntry(context.db, admin, input.id);
    return data({ fieldErrors: null, values: null, saved: false });
  }
  await addGlossaryEntry(context.db, admin, { kind: input.kind, vi: input.vi, en: input.en });
  return data({ fieldErrors: null, values: null, saved: true });
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
          <Notice as="p" tone="ok">
            {t("glossary.saved")}
          </Notice>
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
