import { Form, useNavigation } from "@remix-run/react";
import { FormErrorSummary, SelectField, TextField, useSchemaForm } from "~/components/forms";
import { attendanceLineSchema, type AttendanceLineFormValues } from "~/domain/ceremony/ceremony.schema";
import { mergeAttendance, type GroupAttendanceLine, type SideKind } from "~/domain/ceremony/types";
import { useT } from "~/i18n/use-t";
import { sideName } from "~/components/ceremony/side-name";

type Side = { id: string; kind: SideKind; labelVi: string | null; labelEn: string | null; organization: { nameVi: string; nameEn: string | null } | null };

export interface LineAnswer {
  form: string;
  fieldErrors: Record<string, string> | null;
  formError: string | null;
  values: Record<string, unknown>;
}

/**
 * The unnamed attendance lines ("các đồng chí trong Ban Thường vụ Tỉnh ủy"): the common order they take with the named
 * people (as the press draft and the MC script print it), and a form per line.
 */
export function AttendanceLines({
  people,
  lines,
  sides,
  canUpdate,
  answer,
}: {
  people: { id: string; sideId: string | null; fullAddress: string }[];
  lines: GroupAttendanceLine[];
  sides: Side[];
  canUpdate: boolean;
  answer?: LineAnswer;
}) {
  const { t, locale } = useT();
  const nameOf = (s: Side) => sideName(s, locale, (k) => t(`ceremony.side.kind.${k}`));
  const merged = mergeAttendance(people, lines);
  return (
    <section className="card" aria-labelledby="attendance-lines" id="lines">
      <h3 id="attendance-lines" className="flush-top">
        {t("ceremony.lines.title")}
      </h3>
      <p className="muted">{t("ceremony.lines.intro")}</p>
      {lines.length === 0 ? (
        <p className="muted">{t("ceremony.lines.empty")}</p>
      ) : (
        <ol className="merged-attendance" data-testid="merged-attendance">
          {merged.map((e) =>
            e.kind === "person" ? (
              <li key={e.person.id}>{e.person.fullAddress}</li>
            ) : (
              <li key={e.line.id} className="group-line" data-testid="group-line">
                <strong>{locale === "en" && e.line.textEn ? e.line.textEn : e.line.textVi}</strong>
              </li>
            ),
          )}
        </ol>
      )}
      {/* Without lines yet the forms stay folded (a <details>, so it opens without JavaScript too). */}
      {canUpdate ? (
        <details open={lines.length > 0 || !!answer}>
          <summary>{t("ceremony.lines.edit")}</summary>
          {[...lines, null].map((line) => (
            <LineForm
              key={line ? JSON.stringify(line) : `new:${lines.length}`}
              line={line}
              sides={sides.map((s) => ({ value: s.id, label: nameOf(s) }))}
              answer={answer?.form === `line:${line?.id ?? "new"}` ? answer : undefined}
            />
          ))}
        </details>
      ) : null}
    </section>
  );
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

function LineForm({
  line,
  sides,
  answer,
}: {
  line: GroupAttendanceLine | null;
  sides: { value: string; label: string }[];
  answer?: LineAnswer;
}) {
  const { t } = useT();
  const navigation = useNavigation();
  const v = answer?.values;
  const saved: AttendanceLineFormValues = {
    textVi: line?.textVi ?? "",
    textEn: line?.textEn ?? "",
    sideId: line?.sideId ?? "",
    place: line?.place != null ? String(line.place) : "",
  };
  const defaults: AttendanceLineFormValues = v ? { textVi: str(v.textVi), textEn: str(v.textEn), sideId: str(v.sideId), place: str(v.place) } : saved;
  const { form, onSubmit } = useSchemaForm(attendanceLineSchema, { defaultValues: defaults, serverErrors: answer?.fieldErrors });
  const hasErrors = Object.keys(form.formState.errors).length > 0 || !!answer?.fieldErrors;
  return (
    <Form
      method="post"
      noValidate
      onSubmit={onSubmit}
      className="line-form"
      id={line ? `line-${line.id}` : "line-new"}
      aria-label={line ? line.textVi : t("ceremony.line.add")}
    >
      <FormErrorSummary show={hasErrors || (!!answer?.formError && answer.formError !== "form.fixErrors")} message={answer?.formError ?? undefined} />
      <input type="hidden" name="lineId" value={line?.id ?? ""} />
      <div className="grid-2">
        <TextField form={form} name="textVi" label={t("ceremony.line.field.textVi")} />
        <TextField form={form} name="textEn" label={t("ceremony.line.field.textEn")} optional />
      </div>
      <div className="grid-2">
        <SelectField form={form} name="sideId" label={t("ceremony.line.field.side")} optional options={[{ value: "", label: t("ceremony.person.noSide") }, ...sides]} />
        <TextField form={form} name="place" label={t("ceremony.line.field.place")} hint={t("ceremony.line.field.placeHint")} inputMode="numeric" optional />
      </div>
      <div className="actions flush-top">
        <button type="submit" name="intent" value="line" className={line ? "button secondary" : "button"} disabled={navigation.state === "submitting"}>
          {line ? t("ceremony.line.save") : t("ceremony.line.add")}
        </button>
        {line ? (
          <button type="submit" name="intent" value="removeLine" className="button danger secondary" formNoValidate>
            {t("ceremony.line.remove")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}
