import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useMemo } from "react";
import { FormErrorSummary, TextAreaField, TextField, useSchemaForm } from "~/components/forms";
import { ATTENDEE_LIMITS, DEPUTY_NOTE_MAX, deputyFormSchema, emptyDeputyForm, MAX_POSITION_LENGTH, type DeputyFormValues } from "~/domain/attendees/attendee.schema";
import { COMPANION_NAME_MAX, companionField, companionsFormSchema } from "~/domain/rsvp/companions";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/use-t";

/** The invitee's two extra answers: who comes along (companions) and who goes in their place (a deputy). */

export interface FormResult {
  form: "companions" | "deputy";
  fieldErrors: Record<string, string> | null;
  error: string | null;
  values: Record<string, string> | null;
  saved: string | null;
}

export function CompanionsForm({ allowed, names, result }: { allowed: number; names: string[] | null; result: FormResult | null }) {
  const { t, tError } = useT();
  const navigation = useNavigation();
  const schema = useMemo(() => companionsFormSchema(allowed), [allowed]);
  const mine = result?.form === "companions" ? result : null;
  const defaults: Record<string, string> = mine?.values ?? {
    companionCount: String(names?.length ?? 0),
    ...Object.fromEntries(Array.from({ length: allowed }, (_, i) => [companionField(i), names?.[i] ?? ""])),
  };
  const { form, onSubmit } = useSchemaForm(schema, { defaultValues: defaults, serverErrors: mine?.fieldErrors });
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "companions";
  return (
    <section className="card" aria-labelledby="companions-heading" data-testid="companions-section">
      <h2 id="companions-heading">{t("rsvp.companions.heading")}</h2>
      <p>{t("rsvp.companions.intro", { max: allowed })}</p>
      {mine?.saved ? (
        <Notice tone="ok">{t("rsvp.companions.saved", { count: Number(mine.saved) })}</Notice>
      ) : null}
      {mine?.error ? (
        <Notice tone="error">{tError(mine.error)}</Notice>
      ) : null}
      {names !== null ? (
        <p className="muted" data-testid="companions-current">
          {names.length ? t("rsvp.companions.current", { names: names.join(", ") }) : t("rsvp.companions.noneComing")}
        </p>
      ) : null}
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <FormErrorSummary show={!!mine?.fieldErrors} />
        <TextField
          form={form}
          name="companionCount"
          label={t("rsvp.companions.count")}
          hint={t("rsvp.companions.countHint", { max: allowed })}
          type="number"
          inputMode="numeric"
          min={0}
          max={allowed}
          className="input-narrow"
        />
        {Array.from({ length: allowed }, (_, i) => (
          <TextField
            key={i}
            form={form}
            // react-hook-form's Path<> does not list the schema's `companion${n}` index keys: the name is one of them.
            name={companionField(i) as "companionCount"}
            label={t("rsvp.companions.name", { n: i + 1 })}
            maxLength={COMPANION_NAME_MAX}
            autoComplete="off"
          />
        ))}
        <div>
          <button type="submit" name="intent" value="companions" className="button" disabled={busy}>
            {t("rsvp.companions.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export interface DeputyState {
  status: "pending" | "accepted" | "refused";
  name: string;
  reason: string | null;
}

/** The deputy's form, shown once the invitee opens it (DeputySection): who, in which position, and a message. */
export function DeputyForm({ result, focusOnMount }: { result: FormResult | null; focusOnMount: boolean }) {
  const { t } = useT();
  const navigation = useNavigation();
  const mine = result?.form === "deputy" ? result : null;
  const defaults: DeputyFormValues = (mine?.values as DeputyFormValues | null) ?? emptyDeputyForm;
  const { form, onSubmit } = useSchemaForm(deputyFormSchema, { defaultValues: defaults, serverErrors: mine?.fieldErrors });
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "deputy";
  const { setFocus } = form;
  // Opened by the invitee's click: the first field takes the focus, where the button was.
  useEffect(() => {
    if (focusOnMount) setFocus("honorific");
  }, [focusOnMount, setFocus]);
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="stack">
      <FormErrorSummary show={!!mine?.fieldErrors} />
      <TextField form={form} name="honorific" label={t("rsvp.deputy.honorific")} hint={t("rsvp.deputy.honorificHint")} maxLength={ATTENDEE_LIMITS.honorific} optional />
      <TextField form={form} name="fullName" label={t("rsvp.deputy.fullName")} maxLength={ATTENDEE_LIMITS.fullName} autoComplete="off" />
      <TextField form={form} name="position" label={t("rsvp.deputy.position")} maxLength={MAX_POSITION_LENGTH} optional />
      <TextField form={form} name="organization" label={t("rsvp.deputy.organization")} maxLength={ATTENDEE_LIMITS.organization} optional />
      <TextField form={form} name="email" type="email" label={t("rsvp.deputy.email")} hint={t("rsvp.deputy.emailHint")} maxLength={ATTENDEE_LIMITS.email} optional />
      <TextAreaField form={form} name="note" label={t("rsvp.deputy.note")} rows={2} maxLength={DEPUTY_NOTE_MAX} optional />
      <div>
        <button type="submit" name="intent" value="deputy" className="button secondary" disabled={busy}>
          {t("rsvp.deputy.submit")}
        </button>
      </div>
    </Form>
  );
}
