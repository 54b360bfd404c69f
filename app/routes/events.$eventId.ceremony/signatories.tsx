import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { CeremonyData } from "./ceremony-forms";
import { useSideName } from "./use-side-name";
import type { CeremonyActionData } from "./route";

type Side = CeremonyData["sides"][number];
type Doc = CeremonyData["documents"][number];

/** Who signs the document for each of its parties: one small form per party. */
export function Signatories({
  data,
  doc,
  signing,
  answerFor,
}: {
  data: CeremonyData;
  doc: Doc;
  signing: Side[];
  answerFor: (form: string) => CeremonyActionData | undefined;
}) {
  const { t, tError } = useT();
  const nameOf = useSideName();
  return (
    <div className="signatories">
      <h5>{t("ceremony.signatories.title")}</h5>
      <div className="grid-2">
        {signing.map((side) => {
          const key = `signatories:${doc.id}:${side.id}`;
          const failed = answerFor(key);
          const current = new Set(
            data.people.filter((p) => p.roles.some((r) => r.kind === "signatory" && r.documentId === doc.id && r.sideId === side.id)).map((p) => p.id),
          );
          const offered = data.people.filter((p) => p.sideId === side.id || current.has(p.id));
          return (
            <Form method="post" key={side.id} className="field checkbox-group" aria-label={t("ceremony.signatories.for", { side: nameOf(side) })}>
              <input type="hidden" name="id" value={doc.id} />
              <input type="hidden" name="sideId" value={side.id} />
              <fieldset className={failed ? "field-invalid" : undefined}>
                <legend>{t("ceremony.signatories.for", { side: nameOf(side) })}</legend>
                {offered.length === 0 ? <p className="muted">{t("ceremony.signatories.none")}</p> : null}
                <div className="checkbox-list">
                  {offered.map((p) => (
                    <label key={p.id} className="checkbox">
                      <input type="checkbox" name="signatoryIds" value={p.id} defaultChecked={current.has(p.id)} disabled={!data.canUpdate} /> {p.fullAddress}
                    </label>
                  ))}
                </div>
                {failed?.formError ? (
                  <p className="field-error" role="alert">
                    {tError(failed.fieldErrors ? Object.values(failed.fieldErrors)[0] : failed.formError)}
                  </p>
                ) : null}
              </fieldset>
              {data.canUpdate && offered.length ? (
                <button type="submit" name="intent" value="signatories" className="button secondary">
                  {t("ceremony.signatories.save")}
                </button>
              ) : null}
            </Form>
          );
        })}
      </div>
    </div>
  );
}
