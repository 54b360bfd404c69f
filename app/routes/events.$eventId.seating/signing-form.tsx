import { Form, useNavigation } from "@remix-run/react";
import { useId } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { FormErrorSummary, useSchemaForm } from "~/components/forms";
import { agreementSigningSchema, tableSides } from "~/domain/protocol/seating.schema";
import { useT } from "~/i18n/use-t";
import type { SeatingLoaderData } from "./route";

type SigningDocument = SeatingLoaderData["signing"]["documents"][number];
type SigningFormValues = z.input<typeof agreementSigningSchema>;
type SigningFormOutput = z.output<typeof agreementSigningSchema>;

/**
 * The signing arrangements, one block per document: each party's signatory and signing order, the number of
 * originals, and the side of the signing table the host takes. The signatories are the ceremony's signatory roles
 * (the same as on the ceremony page); the signing tables' proposal reads them.
 */
export function SigningForm({
  data,
  serverErrorsOf,
  formErrorOf,
  sentOf,
}: {
  data: SeatingLoaderData;
  serverErrorsOf: (documentId: string) => Record<string, string> | null;
  formErrorOf: (documentId: string) => string | null;
  /** The fields of a refused submission of that document's form. */
  sentOf: (documentId: string) => Record<string, string> | null;
}) {
  const { t } = useT();
  const documents = data.signing.documents;
  const withParties = documents.filter((d) => d.parties.length > 0);
  if (withParties.length === 0)
    return (
      <section className="card">
        <h3>{t("protocol.agreement.title")}</h3>
        <p className="muted">{t("protocol.agreement.none")}</p>
      </section>
    );
  return (
    <>
      {withParties.map((d) => (
        <DocumentSigningForm
          // A fresh form after each save, preselected with what is stored (or, when refused, with what was sent).
          key={`${d.id}:${JSON.stringify(d)}:${JSON.stringify(sentOf(d.id))}`}
          data={data}
          document={d}
          sent={sentOf(d.id)}
          serverErrors={serverErrorsOf(d.id)}
          formError={formErrorOf(d.id)}
        />
      ))}
    </>
  );
}

function DocumentSigningForm({
  data,
  document,
  serverErrors,
  formError,
  sent,
}: {
  data: SeatingLoaderData;
  document: SigningDocument;
  sent: Record<string, string> | null;
  serverErrors: Record<string, string> | null;
  formError: string | null;
}) {
  const { t, tError, locale } = useT();
  const { signatoryOptions, canUpdate } = data;
  const parties = document.parties;
  // What was sent for a party, found by its side (the form lists the parties in stored order).
  const sentFor = (sideId: string, field: "dignitaryId" | "signingOrder"): string | undefined => {
    if (!sent) return undefined;
    const key = Object.keys(sent).find((k) => /^parties\.\d+\.sideId$/.test(k) && sent[k] === sideId);
    return key ? sent[key.replace(/sideId$/, field)] : undefined;
  };
  const hostSide = tableSides.find((s) => s === sent?.hostSide) ?? document.hostSide;
  const defaults = {
    documentId: document.id,
    hostSide,
    originals: sent?.originals ?? document.originals?.toString() ?? "",
    parties: parties.map((p) => ({
      sideId: p.sideId,
      dignitaryId: sentFor(p.sideId, "dignitaryId") ?? p.dignitaryId ?? "",
      signingOrder: sentFor(p.sideId, "signingOrder") ?? String(p.signingOrder),
    })),
  };
  const { form, onSubmit } = useSchemaForm(agreementSigningSchema, { defaultValues: defaults, serverErrors: null });
  const busy = useNavigation().state !== "idle";
  const id = useId();
  const errorAt = (path: string): string | undefined => {
    if (serverErrors?.[path]) return serverErrors[path];
    const [, index, field] = path.split(".");
    const partyErrors = form.formState.errors.parties as unknown as Record<string, Record<string, { message?: string }> | undefined> | undefined;
    return partyErrors?.[index ?? ""]?.[field ?? ""]?.message;
  };
  const partyName = (p: SigningDocument["parties"][number]) => (locale === "en" && p.nameEn ? p.nameEn : p.nameVi);
  // A party's own people, those on no side, and whoever already signs for it.
  const choicesFor = (p: SigningDocument["parties"][number]) =>
    signatoryOptions.filter((d) => d.sideId === p.sideId || d.sideId === null || p.signatoryIds.includes(d.id));
  const originalsError = serverErrors?.originals ?? form.formState.errors.originals?.message;
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="signing-document">
      <h3 id={`${id}-heading`}>
        {t("protocol.agreement.title")}: {document.title}
      </h3>
      <p className="hint address-hint">
        {t("protocol.agreement.intro")}
      </p>
      <FormErrorSummary show={!!formError || !!serverErrors} message={formError && formError !== "form.fixErrors" ? formError : undefined} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="documentId" value={document.id} />
        <fieldset disabled={!canUpdate} className="bare-fieldset">
          <table className="signing-parties">
            <thead>
              <tr>
                <th>{t("protocol.agreement.party")}</th>
                <th>{t("protocol.agreement.signatory")}</th>
                <th>{t("protocol.agreement.order")}</th>
              </tr>
            </thead>
            <tbody>
              {parties.map((p, i) => (
                <PartyRow
                  key={p.sideId}
                  form={form}
                  index={i}
                  sideId={p.sideId}
                  name={partyName(p)}
                  isHost={p.isHost}
                  choices={choicesFor(p)}
                  defaults={defaults.parties[i]}
                  errorAt={errorAt}
                />
              ))}
            </tbody>
          </table>
          <div className="grid-2">
            <fieldset className="field">
              <legend>{t("protocol.agreement.hostSide")}</legend>
              <div className="radio-list">
                {tableSides.map((side) => (
                  <label key={side}>
                    <input type="radio" value={side} defaultChecked={hostSide === side} {...form.register("hostSide")} />
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
                aria-invalid={originalsError ? true : undefined}
                {...form.register("originals")}
              />
              {originalsError ? (
                <p className="field-error" role="alert">
                  {tError(originalsError)}
                </p>
              ) : null}
            </div>
          </div>
          {canUpdate ? (
            <div className="actions flush-top">
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

/** One party's line: who signs for it, and in which order. */
function PartyRow({
  form,
  index,
  sideId,
  name,
  isHost,
  choices,
  defaults,
  errorAt,
}: {
  form: UseFormReturn<SigningFormValues, unknown, SigningFormOutput>;
  index: number;
  sideId: string;
  name: string;
  isHost: boolean;
  choices: SeatingLoaderData["signatoryOptions"];
  defaults: { sideId: string; dignitaryId: string; signingOrder: string } | undefined;
  errorAt: (path: string) => string | undefined;
}) {
  const { t, tError } = useT();
  const signatoryError = errorAt(`parties.${index}.dignitaryId`) ?? errorAt(`parties.${index}.sideId`);
  const orderError = errorAt(`parties.${index}.signingOrder`);
  return (
    <tr>
      <td>
        <input type="hidden" defaultValue={sideId} {...form.register(`parties.${index}.sideId`)} />
        {name}
        {isHost ? <span className="muted"> ({t("protocol.agreement.hostParty")})</span> : null}
      </td>
      <td>
        <select
          aria-label={`${t("protocol.agreement.signatory")}: ${name}`}
          defaultValue={defaults?.dignitaryId}
          aria-invalid={signatoryError ? true : undefined}
          {...form.register(`parties.${index}.dignitaryId`)}
        >
          <option value="">{t("protocol.agreement.noSignatory")}</option>
          {choices.map((d) => (
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
          aria-label={`${t("protocol.agreement.order")}: ${name}`}
          defaultValue={defaults?.signingOrder}
          aria-invalid={orderError ? true : undefined}
          {...form.register(`parties.${index}.signingOrder`)}
        />
        {orderError ? (
          <p className="field-error" role="alert">
            {tError(orderError)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
