import { Form, useNavigation } from "@remix-run/react";
import { SelectField, TextField, useSchemaForm } from "~/components/forms";
import { seatingModes, seatingTableSchema, tableKinds, tableSides, type SeatingTableFormValues } from "~/domain/protocol/seating.schema";
import { useT } from "~/i18n/use-t";

/** Add or edit one table: name, kind, number of seats, and how precedence fills it. */
export function TableForm({
  intent,
  tableId,
  defaults,
  serverErrors,
  submitLabel,
}: {
  intent: "addTable" | "updateTable";
  tableId?: string;
  defaults: SeatingTableFormValues;
  serverErrors: Record<string, string> | null;
  submitLabel: string;
}) {
  const { t } = useT();
  const { form, onSubmit } = useSchemaForm(seatingTableSchema, { defaultValues: defaults, serverErrors });
  const busy = useNavigation().state !== "idle";
  return (
    <>
    <Form method="post" noValidate onSubmit={onSubmit}>
      {tableId ? <input type="hidden" name="tableId" value={tableId} /> : null}
      <div className="grid-3">
        <TextField form={form} name="name" label={t("protocol.table.name")} />
        <SelectField
          form={form}
          name="kind"
          label={t("protocol.table.kind")}
          options={tableKinds.map((k) => ({ value: k, label: t(`protocol.table.kind.${k}`) }))}
        />
        <TextField
          form={form}
          name="seatCount"
          type="number"
          min={1}
          max={200}
          inputMode="numeric"
          label={t("protocol.table.seatCount")}
          hint={t("protocol.table.seatCountHint")}
        />
        <SelectField
          form={form}
          name="mode"
          label={t("protocol.table.mode")}
          options={seatingModes.map((m) => ({ value: m, label: t(`protocol.table.mode.${m}`) }))}
        />
        <SelectField
          form={form}
          name="secondTo"
          label={t("protocol.table.secondTo")}
          options={tableSides.map((s) => ({ value: s, label: t(`protocol.table.secondTo.${s}`) }))}
        />
      </div>
      <div className="actions flush-top">
        <button type="submit" name="intent" value={intent} className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
    {tableId ? (
      <Form method="post" className="actions">
        <input type="hidden" name="tableId" value={tableId} />
        <button type="submit" name="intent" value="deleteTable" className="button danger secondary" disabled={busy}>
          {t("protocol.table.delete")}
        </button>
      </Form>
    ) : null}
    </>
  );
}
