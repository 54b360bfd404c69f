/**
 * The registration form (react-hook-form + webhookFormSchema, the schema the action parses). A Remix form: it works
 * before JavaScript loads, and a refused registration keeps what was typed.
 */
import { Form } from "@remix-run/react";
import type { FormEvent } from "react";
import { FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { WEBHOOK_EVENT_TYPES } from "~/domain/webhooks/event-types";
import { webhookFormSchema } from "~/domain/webhooks/webhook.schema";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import type { WebhooksActionData } from "./webhooks-manager";

export function WebhookForm({
  values,
  serverErrors,
  submitted,
  busy,
}: {
  values: WebhooksActionData["values"] | undefined;
  serverErrors: Record<string, string> | null | undefined;
  submitted: () => void;
  busy: boolean;
}) {
  const { t, tError } = useT();
  const { form, onSubmit } = useSchemaForm(webhookFormSchema, {
    defaultValues: {
      url: values?.url ?? "",
      description: values?.description ?? "",
      events: values?.events ?? [],
      includePersonalData: values?.includePersonalData ?? false,
    },
    serverErrors: serverErrors ?? undefined,
  });
  const register = (event: FormEvent<HTMLFormElement>) => {
    submitted();
    onSubmit(event);
  };
  const eventsError = form.formState.errors.events?.message;
  return (
    <section className="card">
      <h2>{t("webhooks.add")}</h2>
      <FormErrorSummary show={!!serverErrors || Object.keys(form.formState.errors).length > 0} />
      <Form method="post" noValidate onSubmit={register}>
        <input type="hidden" name="intent" value="create" />
        <TextField form={form} name="url" label={t("webhooks.url")} type="url" inputMode="url" placeholder="https://" maxLength={2000} className="full-width" />
        <fieldset className={`field${eventsError ? " field-invalid" : ""}`} id="field-events" aria-describedby={eventsError ? "webhook-events-error" : undefined}>
          <legend>{t("webhooks.events")}</legend>
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="checkbox">
              <input type="checkbox" value={type} defaultChecked={values ? values.events.includes(type) : false} {...form.register("events")} />{" "}
              {t(`webhooks.type.${type}` as MessageKey)} <code className="muted">{type}</code>
            </label>
          ))}
          {typeof eventsError === "string" ? (
            <p className="field-error" id="webhook-events-error" role="alert">
              {tError(eventsError)}
            </p>
          ) : null}
        </fieldset>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" defaultChecked={values?.includePersonalData ?? false} aria-describedby="webhook-personal-hint" {...form.register("includePersonalData")} />{" "}
            {t("webhooks.personal")}
          </label>
          <p className="hint" id="webhook-personal-hint">
            {t("webhooks.personalHint")}
          </p>
        </div>
        <TextField form={form} name="description" label={t("webhooks.description")} optional maxLength={200} className="full-width" />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t("webhooks.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
