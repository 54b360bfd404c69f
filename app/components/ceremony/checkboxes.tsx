import { useT } from "~/i18n/use-t";
/**
 * A checkbox group left to the browser (not registered with react-hook-form, which re-checks a remounted group from
 * its own copy): the form posts what is ticked, and the action parses it with the same schema.
 */
export function Checkboxes({
  name,
  label,
  options,
  checked,
  error,
  hint,
}: {
  name: string;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
  checked: unknown;
  error?: string;
}) {
  const { t, tError } = useT();
  const ticked = new Set<string>(Array.isArray(checked) ? (checked as string[]) : typeof checked === "string" ? [checked] : []);
  return (
    <fieldset className={`field checkbox-group${error ? " field-invalid" : ""}`}>
      <legend>
        {label}
        <span className="muted"> {t("form.optional")}</span>
      </legend>
      <div className="checkbox-list">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="checkbox" name={name} value={o.value} defaultChecked={ticked.has(o.value)} /> {o.label}
          </label>
        ))}
      </div>
      {hint ? <p className="hint">{hint}</p> : null}
      {error ? (
        <p className="field-error" role="alert">
          {tError(error)}
        </p>
      ) : null}
    </fieldset>
  );
}
