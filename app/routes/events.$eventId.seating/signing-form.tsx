import { Form, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { FormErrorSummary, useSchemaForm } from "~/components/forms";
import { agreementSigningSchema, tableSides } from "~/domain/protocol/seating.schema";
import { useT } from "~/i18n/use-t";
import type { SeatingLoaderData } from "./route";

/**
 * The signing arrangements: each party's signatory (a dignitary) and signing order, the number of originals,
 * and the side of the signing table the host takes. The signing table's proposal reads them.
 */
export function SigningForm({
  data,
  serverErrors,
  formError,
}: {
  data: SeatingLoaderData;
  serverErrors: Record<string, string> | null;
  formError: string | null;
}) {
  const { t, tError, locale } = useT();
  const { signing, signatoryOptions, canUpdate } = data;
  const agreement = signing.agreement;
  // A party named only by a label (no organization) has its signatories set on the dignitaries page.
  const parties = signing.parties.flatMap((p) => (p.organizationId ? [{ ...p, organizationId: p.organizationId }] : []));
  const defaults = {
    hostSide: agreement?.hostSide ?? "right",
    originals: agreement?.originals?.toString() ?? "",
    parties: parties.map((p) => ({
      organizationId: p.organizationId,
      dignitaryId: p.dignitaryId ?? "",
      signingOrder: String(p.signingOrder),
    })),
  };
  const { form, onSubmit } = useSchemaForm(agreementSigningSchema, { defaultValues: defaults, serverErrors: null });
  const busy = useNavigation().state !== "idle";
  const id = useId();
  if (!agreement) return null;
  const errorAt = (path: string): string | undefined => {
    if (serverErrors?.[path]) return serverErrors[path];
    const [, index, field] = path.split(".");
    const partyErrors = form.formState.errors.parties as unknown as Record<string, Record<string, { message?: string }> | undefined> | undefined;
    return partyErrors?.[index ?? ""]?.[field ?? ""]?.message;
  };
  const orgName = (p: (typeof signing.parties)[number]) => (locale === "en" && p.nameEn ? p.nameEn : p.nameVi);
  if (parties.length === 0)
    return (
      <section className="card">
        <h3 style={{ marginTop: 0 }}>{t("protocol.agreement.title")}</h3>
        <p className="muted">{t("protocol.agreement.none")}</p>
      </section>
    );
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} style={{ marginTop: 0 }}>
        {t("protocol.agreement.title")}
      </h3>
      <p className="hint" style={{ marginBottom: ".75rem" }}>
        {agreement.title} — {t("protocol.agreement.intro")}
      </p>
      <FormErrorSummary show={!!formError || !!serverErrors} message={formError && formError !== "form.fixErrors" ? formError : undefined} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <fieldset disabled={!canUpdate} style={{ border: 0, padding: 0, margin: 0 }}>
          <table className="signing-parties">
            <thead>
              <tr>
                <th>{t("protocol.agreement.party")}</th>
                <th>{t("protocol.agreement.signatory")}</th>
                <th>{t("protocol.agreement.order")}</th>
              </tr>
            </thead>
            <tbody>
              {parties.map((p, i) => {
                const signatoryError = errorAt(`parties.${i}.dignitaryId`);
                const orderError = errorAt(`parties.${i}.signingOrder`);
                return (
                  <tr key={p.organizationId}>
                    <td>
                      <input type="hidden" defaultValue={p.organizationId} {...form.register(`parties.${i}.organizationId`)} />
                      {orgName(p)}
                      {p.isHost ? <span className="muted"> ({t("protocol.agreement.hostParty")})</span> : null}
                    </td>
                    <td>
                      <select
                        aria-label={`${t("protocol.agreement.signatory")}: ${orgName(p)}`}
                        defaultValue={p.dignitaryId ?? ""}
                        aria-invalid={signatoryError ? true : undefined}
                        {...form.register(`parties.${i}.dignitaryId`)}
                      >
                        <option value="">{t("protocol.agreement.noSignatory")}</option>
                        {signatoryOptions.map((d) => (
                          <option key={d.id} value={d.id}>
                            {d.place}. {d.label}
                          </option>
                        ))}
                      </select>
                      {signatoryError ? (
                        <p className="field-error" role="alert">
                          {tError(signatoryError)}
                        </p>
                      ) : null}
                    </td>
                    <td>
                      <input
                        type="number"
                        min={1}
                        max={50}
                        inputMode="numeric"
                        aria-label={`${t("protocol.agreement.order")}: ${orgName(p)}`}
                        defaultValue={String(p.signingOrder)}
                        aria-invalid={orderError ? true : undefined}
                        {...form.register(`parties.${i}.signingOrder`)}
                      />
                      {orderError ? (
                        <p className="field-error" role="alert">
                          {tError(orderError)}
                        </p>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="grid-2">
            <fieldset className="field">
              <legend>{t("protocol.agreement.hostSide")}</legend>
              <div className="radio-list">
                {tableSides.map((side) => (
                  <label key={side}>
                    <input type="radio" value={side} defaultChecked={agreement.hostSide === side} {...form.register("hostSide")} />
                    {t(`protocol.agreement.hostSide.${side}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor={`${id}-originals`}>{t("protocol.agreement.originals")}</label>
              <input
                id={`${id}-originals`}
                type="number"
                min={1}
                max={100}
                inputMode="numeric"
                defaultValue={defaults.originals}
                aria-invalid={errorAt("originals") ? true : undefined}
                {...form.register("originals")}
              />
              {serverErrors?.originals || form.formState.errors.originals?.message ? (
                <p className="field-error" role="alert">
                  {tError(serverErrors?.originals ?? form.formState.errors.originals?.message)}
                </p>
              ) : null}
            </div>
          </div>
          {canUpdate ? (
            <div className="actions" style={{ marginTop: 0 }}>
              <button type="submit" name="intent" value="signing" className="button" disabled={busy}>
                {t("protocol.agreement.save")}
              </button>
            </div>
          ) : null}
        </fieldset>
      </Form>
    </section>
  );
}
