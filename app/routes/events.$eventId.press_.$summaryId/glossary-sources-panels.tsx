import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { ActionData, Loaded } from "./panel-types";

/** English drafts: each term the glossary could not translate, with an inline form that adds it and redrafts. */
export function UntranslatedPanel({ loaded, actionData }: { loaded: Loaded; actionData: ActionData | null }) {
  const { t, tError } = useT();
  const kinds = ["body", "position", "title", "rank", "honorific", "place", "term"] as const;
  return (
    <section className="card press-section" aria-labelledby="press-untranslated-title">
      <h3 id="press-untranslated-title">{t("glossary.untranslated.title")}</h3>
      <p className="muted">{t("glossary.untranslated.hint")}</p>
      <ul className="press-untranslated">
        {loaded.untranslatedTerms.map((term, i) => {
          const failed = actionData?.glossaryTerm === term ? actionData : null;
          return (
            <li key={term}>
              <Form method="post">
                <input type="hidden" name="intent" value="glossaryAdd" />
                <input type="hidden" name="version" value={loaded.summary.version} />
                <input type="hidden" name="vi" value={term} />
                <p lang="vi">
                  <strong>{term}</strong>
                </p>
                <div className="field">
                  <label htmlFor={`glossary-kind-${i}`}>{t("glossary.field.kind")}</label>
                  <select id={`glossary-kind-${i}`} name="kind" defaultValue="body">
                    {kinds.map((k) => (
                      <option key={k} value={k}>
                        {t(`glossary.kind.${k}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className={`field${failed?.fieldErrors?.en ? " field-invalid" : ""}`}>
                  <label htmlFor={`glossary-en-${i}`}>{t("glossary.field.en")}</label>
                  <input id={`glossary-en-${i}`} name="en" lang="en" maxLength={300} defaultValue={failed?.glossaryEn ?? ""} />
                  {failed?.fieldErrors?.en ? (
                    <p className="field-error" role="alert">
                      {tError(failed.fieldErrors.en)}
                    </p>
                  ) : null}
                </div>
                <button type="submit" className="button button-secondary">
                  {t("glossary.untranslated.addAndRedraft")}
                </button>
              </Form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Where each sentence of the draft came from (the facts it was written from). */
export function SourcesPanel({ loaded }: { loaded: Loaded }) {
  const { t } = useT();
  const sources = loaded.summary.sources;
  return (
    <section className="card press-section" aria-labelledby="press-sources-title">
      <details>
        <summary>
          <h3 id="press-sources-title" className="press-sources-title">
            {t("press.sources.title")}
          </h3>
        </summary>
        <p className="muted">{t("press.sources.hint")}</p>
        {sources.length === 0 ? (
          <p className="muted">{t("press.sources.empty")}</p>
        ) : (
          <ol className="press-sources">
            {sources.map((s, i) => (
              <li key={i}>
                <strong>{t(`press.sources.part.${s.part}`)}</strong>
                <blockquote>{s.text}</blockquote>
                <ul>
                  {s.facts.map((f, j) => (
                    <li key={j}>
                      <code>{f}</code>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </details>
    </section>
  );
}
