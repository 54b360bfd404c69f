import { zodResolver } from "@hookform/resolvers/zod";
import { Link, useSubmit } from "@remix-run/react";
import { useId, useMemo, useState, type FormEvent, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useForm, useWatch, type Control, type DefaultValues, type FieldErrors, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/use-t";

/**
 * react-hook-form + the shared zod schema. Validates in the browser, then lets Remix submit the real <form>,
 * so the same fields reach the action (which parses the same schema) — and the form works before JS loads.
 * Server field errors are shown in place; what the user typed stays in the inputs.
 */
export function useSchemaForm<S extends z.ZodTypeAny>(
  schema: S,
  options: { defaultValues: DefaultValues<z.input<S>>; serverErrors?: Record<string, string> | null },
) {
  const { serverErrors } = options;
  // Server errors go in as RHF's `errors` option so they render on the server too (no JS needed).
  const errors = useMemo(() => {
    if (!serverErrors) return undefined;
    const out: Record<string, { type: string; message: string }> = {};
    for (const [name, message] of Object.entries(serverErrors)) out[name] = { type: "server", message };
    return out as FieldErrors<z.input<S>>;
  }, [serverErrors]);
  // No defaultValues for RHF: the fields render them as DOM defaults, and RHF reads the DOM when it
  // registers each field at hydration — so whatever a person typed before JavaScript loaded is kept.
  // The one exception: a checkbox group's list (CheckboxGroupField). Without an array default, react-hook-form takes
  // the group's first box, registered alone, for a single checkbox and stores its value as a string; registering the
  // next box then writes that string back to the whole group, and a non-array value ticks every box. An array
  // default makes it treat the boxes as one list (boxes ticked before hydration are still read from the DOM).
  const [listDefaults] = useState(
    () =>
      Object.fromEntries(
        Object.entries(options.defaultValues as Record<string, unknown>).filter(([, v]) => Array.isArray(v) && v.every((x) => typeof x === "string")),
      ) as DefaultValues<z.input<S>>,
  );
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    defaultValues: listDefaults,
    resolver: zodResolver(schema),
    // Checked on submit, then again as the person corrects. Not on blur: an error appearing when a field loses
    // focus moved the submit button under the pointer between mousedown and click, the click was lost, and only
    // that field's error showed (an empty name stayed unflagged beside a bad e-mail).
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: true,
    errors,
  });
  defaultsByControl.set(form.control as unknown as Control, options.defaultValues as Record<string, unknown>);
  const submit = useSubmit();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // React bubbles events through portals: the submit of another form rendered inside this one (e.g. a
    // fetcher form in a portal) must not validate and post this form with the other form's fields.
    if (event.target !== event.currentTarget) return;
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    // A button marked formNoValidate (e.g. "add an organization" inside the event form) posts the form as it
    // is, for its own intent: no validation of the main fields, and the page keeps its scroll position.
    if (submitter instanceof HTMLButtonElement && submitter.formNoValidate) {
      event.preventDefault();
      submit(submitter, {
        method: (formElement.getAttribute("method") ?? "post") as "post",
        action: formElement.getAttribute("action") ?? undefined,
        preventScrollReset: true,
      });
      return;
    }
    void form.handleSubmit(() => {
      submit(submitter instanceof HTMLButtonElement ? submitter : formElement, {
        method: (formElement.getAttribute("method") ?? "post") as "post",
        action: formElement.getAttribute("action") ?? undefined,
      });
    })(event);
  };
  return { form, onSubmit, defaults: options.defaultValues };
}

const defaultsByControl = new WeakMap<Control, Record<string, unknown>>();

function defaultOf(form: { control: unknown }, name: string): unknown {
  return defaultsByControl.get(form.control as Control)?.[name];
}

function defaultText(form: { control: unknown }, name: string): string | undefined {
  const value = defaultOf(form, name);
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

type AnyForm = UseFormReturn<FieldValues, unknown, FieldValues>;

function errorOf(form: AnyForm, name: string): string | undefined {
  const error = form.formState.errors[name];
  return typeof error?.message === "string" ? error.message : undefined;
}

export function Field({
  label,
  error,
  hint,
  id,
  children,
  optional,
  anchor,
}: {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  id: string;
  children: ReactNode;
  optional?: boolean;
  /** The wrapper's id, which the error summary links to. */
  anchor?: string;
}) {
  const { t, tError } = useT();
  return (
    <div className={`field${error ? " field-invalid" : ""}`} id={anchor}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="muted"> {t("form.optional")}</span> : null}
      </label>
      {children}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {tError(error)}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode, counted?: boolean) {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null, counted ? `${id}-count` : null].filter(Boolean).join(" ") || undefined;
}

/**
 * "123/200 characters" under a field with a limit, updated as the person types. The limit is the schema's
 * (the same constant goes to maxLength), so nobody meets a silent cut. Without JavaScript it shows the count of
 * the value the page was rendered with.
 */
export function CharacterCount({ count, max, id }: { count: number; max: number; id?: string }) {
  const { t } = useT();
  const state = count > max ? " char-count-over" : count >= max * 0.9 ? " char-count-near" : "";
  return (
    <p className={`char-count${state}`} id={id} data-testid="char-count">
      {t("form.charCount", { count, max })}
    </p>
  );
}

/** A plain input (outside react-hook-form) with its limit and the live counter under it. */
export function CountedInput({
  id,
  maxLength,
  defaultValue,
  onInput,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "maxLength" | "defaultValue"> & { id: string; maxLength: number; defaultValue?: string | null }) {
  const [count, setCount] = useState((defaultValue ?? "").length);
  return (
    <>
      <input
        id={id}
        defaultValue={defaultValue ?? undefined}
        maxLength={maxLength}
        {...props}
        aria-describedby={[props["aria-describedby"], `${id}-count`].filter(Boolean).join(" ")}
        onInput={(event) => {
          setCount(event.currentTarget.value.length);
          onInput?.(event);
        }}
      />
      <CharacterCount count={count} max={maxLength} id={`${id}-count`} />
    </>
  );
}

function FieldCharacterCount<T extends FieldValues>({
  form,
  name,
  max,
  id,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the form's input type varies per schema
  form: UseFormReturn<T, any, any>;
  name: Path<T>;
  max: number;
  id: string;
}) {
  const watched: unknown = useWatch({ control: form.control, name });
  const value = typeof watched === "string" ? watched : (defaultText(form, name) ?? "");
  return <CharacterCount count={value.length} max={max} id={id} />;
}

interface Common<T extends FieldValues> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the form's input type varies per schema
  form: UseFormReturn<T, any, any>;
  name: Path<T>;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
}

export function TextField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  optional,
  ...props
}: Common<T> & Omit<InputHTMLAttributes<HTMLInputElement>, "form" | "name">) {
  const id = useId();
  const error = errorOf(form as unknown as AnyForm, name);
  // A counter helps with text; not with a password, an e-mail address, a phone number.
  const counted = props.maxLength !== undefined && !["password", "email", "tel", "number"].includes(props.type ?? "text");
  return (
    <Field label={label} error={error} hint={hint} id={id} optional={optional} anchor={fieldAnchor(name)}>
      <input
        id={id}
        defaultValue={props.type === "password" ? undefined : defaultText(form, name)}
        {...props}
        {...form.register(name)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint, counted)}
      />
      {counted ? <FieldCharacterCount form={form} name={name} max={props.maxLength!} id={`${id}-count`} /> : null}
    </Field>
  );
}

export function TextAreaField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  optional,
  ...props
}: Common<T> & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "form" | "name">) {
  const id = useId();
  const error = errorOf(form as unknown as AnyForm, name);
  return (
    <Field label={label} error={error} hint={hint} id={id} optional={optional} anchor={fieldAnchor(name)}>
      <textarea
        id={id}
        defaultValue={defaultText(form, name)}
        {...props}
        {...form.register(name)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint, props.maxLength !== undefined)}
      />
      {props.maxLength !== undefined ? <FieldCharacterCount form={form} name={name} max={props.maxLength} id={`${id}-count`} /> : null}
    </Field>
  );
}

export function SelectField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  optional,
  options,
  ...props
}: Common<T> & Omit<SelectHTMLAttributes<HTMLSelectElement>, "form" | "name"> & { options: { value: string; label: string }[] }) {
  const id = useId();
  const error = errorOf(form as unknown as AnyForm, name);
  return (
    <Field label={label} error={error} hint={hint} id={id} optional={optional} anchor={fieldAnchor(name)}>
      <select
        id={id}
        defaultValue={defaultText(form, name)}
        {...props}
        {...form.register(name)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CheckboxGroupField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  optional,
  options,
}: Common<T> & { options: { value: string; label: string }[] }) {
  const id = useId();
  const error = errorOf(form as unknown as AnyForm, name);
  return (
    <fieldset className={`field checkbox-group${error ? " field-invalid" : ""}`} id={fieldAnchor(name)} aria-describedby={describedBy(id, error, hint)}>
      <legend>
        {label}
        {optional ? <OptionalMark /> : null}
      </legend>
      <div className="checkbox-list">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input
              type="checkbox"
              value={o.value}
              defaultChecked={(() => {
                const d = defaultOf(form, name);
                return Array.isArray(d) && d.includes(o.value);
              })()}
              {...form.register(name)}
            />{" "}
            {o.label}
          </label>
        ))}
      </div>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
    </fieldset>
  );
}

function OptionalMark() {
  const { t } = useT();
  return <span className="muted"> {t("form.optional")}</span>;
}

function FieldError({ id, message }: { id: string; message: string }) {
  const { tError } = useT();
  return (
    <p className="field-error" id={id} role="alert">
      {tError(message)}
    </p>
  );
}

/**
 * The banner above a form that failed: with `errors` and `labels` it lists every error of the submission, each
 * with its field's label, linked to the field.
 */
export function FormErrorSummary({
  show,
  message,
  errors,
  labels,
}: {
  show: boolean;
  message?: string;
  errors?: Record<string, string | undefined> | null;
  labels?: Record<string, ReactNode>;
}) {
  const { t, tError } = useT();
  if (!show) return null;
  const order = Object.keys(labels ?? {});
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  // In the form's order, whatever order the checks ran in.
  const items = Object.entries(errors ?? {})
    .filter((e): e is [string, string] => typeof e[1] === "string")
    .sort((a, b) => rank(a[0]) - rank(b[0]));
  return (
    <Notice tone="error" className="error-summary">
      <p>{message ? tError(message) : t("form.fixErrors")}</p>
      {items.length > 0 ? (
        <ul>
          {items.map(([name, error]) => (
            <li key={name}>
              {labels?.[name] ? (
                <a href={`#${fieldAnchor(name)}`}>
                  {labels[name]}: {tError(error)}
                </a>
              ) : (
                tError(error)
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}

/** The id of the wrapper of a named field, for the summary's links. */
export function fieldAnchor(name: string) {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** Form errors as a flat map: react-hook-form's (browser) or the action's, whichever is current. */
export function currentErrors(form: { formState: { errors: FieldErrors } }, serverErrors?: Record<string, string> | null) {
  const out: Record<string, string> = {};
  for (const [name, error] of Object.entries(form.formState.errors)) {
    if (error && typeof error.message === "string") out[name] = error.message;
  }
  return Object.keys(out).length > 0 ? out : (serverErrors ?? {});
}

/** A form's closing row: the submit button (with its `intent`, when the page has several) and a link back. */
export function FormActions({ submitLabel, cancelHref, busy, intent }: { submitLabel: ReactNode; cancelHref: string; busy: boolean; intent?: string }) {
  const { t } = useT();
  return (
    <div className="actions">
      <button type="submit" name={intent ? "intent" : undefined} value={intent} className="button" disabled={busy}>
        {submitLabel}
      </button>
      <Link to={cancelHref} className="button secondary">
        {t("action.cancel")}
      </Link>
    </div>
  );
}
