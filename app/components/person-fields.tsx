/**
 * The fields that describe a person, as the attendee form and the dignitary form both ask for them: the name,
 * honorific, positions (one a line), organization, e-mail and notes. Each fixes what the two forms share (the field's
 * name, optional or not, no autofill, the rows) and takes the rest — label, hint, limit — from the form.
 */
import type { FieldValues, Path } from "react-hook-form";
import { TextAreaField, TextField } from "~/components/forms";

type TextProps<T extends FieldValues> = Parameters<typeof TextField<T>>[0];
type AreaProps<T extends FieldValues> = Parameters<typeof TextAreaField<T>>[0];
/** With `suggestions`, the field offers them as a list to pick from (a `<datalist id="<name>-suggestions">`). */
type Suggested = { suggestions?: readonly string[] };

function Suggestions({ id, values }: { id: string; values: readonly string[] }) {
  return (
    <datalist id={id}>
      {values.map((v) => (
        <option key={v} value={v} />
      ))}
    </datalist>
  );
}

/** A text field with an optional list of suggestions beside it. */
function SuggestedTextField<T extends FieldValues>({ suggestions, ...props }: TextProps<T> & Suggested) {
  const listId = suggestions ? `${props.name}-suggestions` : undefined;
  return (
    <>
      <TextField list={listId} {...props} />
      {suggestions && listId ? <Suggestions id={listId} values={suggestions} /> : null}
    </>
  );
}

/** The person's full name (`name`: the form's field, `fullName` or `name`). Not autofilled: it is someone else's. */
export function PersonNameField<T extends FieldValues>(props: TextProps<T>) {
  return <TextField autoComplete="off" {...props} />;
}

/** "Ông", "Đồng chí", "PGS.TS.": optional, not autofilled. */
export function HonorificField<T extends FieldValues>(props: Omit<TextProps<T>, "name"> & Suggested) {
  return <SuggestedTextField name={"honorific" as Path<T>} autoComplete="off" optional {...props} />;
}

/** Positions, one a line, in the order they are read. */
export function PositionsField<T extends FieldValues>(props: Omit<AreaProps<T>, "name">) {
  return <TextAreaField name={"positions" as Path<T>} rows={3} optional {...props} />;
}

export function OrganizationField<T extends FieldValues>(props: Omit<TextProps<T>, "name"> & Suggested) {
  return <SuggestedTextField name={"organization" as Path<T>} optional {...props} />;
}

export function PersonEmailField<T extends FieldValues>(props: Omit<TextProps<T>, "name" | "type">) {
  return <TextField name={"email" as Path<T>} type="email" optional {...props} />;
}

export function PersonNotesField<T extends FieldValues>(props: Omit<AreaProps<T>, "name">) {
  return <TextAreaField name={"notes" as Path<T>} rows={2} optional {...props} />;
}
