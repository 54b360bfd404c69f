import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useId, useMemo, type FormEvent, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useForm, type Control, type DefaultValues, type FieldErrors, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
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
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    mode: "onTouched",
    shouldFocusError: true,
    errors,
  });
  defaultsByControl.set(form.control as unknown as Control, options.defaultValues as Record<string, unknown>);
  const submit = useSubmit();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
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
}: {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  id: string;
  children: ReactNode;
  optional?: boolean;
}) {
  const { t, tError } = useT();
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
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

function describedBy(id: string, error?: string, hint?: ReactNode) {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
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
  return (
    <Field label={label} error={error} hint={hint} id={id} optional={optional}>
      <input
        id={id}
        defaultValue={props.type === "password" ? undefined : defaultText(form, name)}
        {...props}
        {...form.register(name)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
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
    <Field label={label} error={error} hint={hint} id={id} optional={optional}>
      <textarea
        id={id}
        defaultValue={defaultText(form, name)}
        {...props}
        {...form.register(name)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
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
    <Field label={label} error={error} hint={hint} id={id} optional={optional}>
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
    <fieldset className={`field checkbox-group${error ? " field-invalid" : ""}`} aria-describedby={describedBy(id, error, hint)}>
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

export function FormErrorSummary({ show, message }: { show: boolean; message?: string }) {
  const { t, tError } = useT();
  if (!show) return null;
  return (
    <div className="notice notice-error" role="alert">
      {message ? tError(message) : t("form.fixErrors")}
    </div>
  );
}
