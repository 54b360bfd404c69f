import { Form, Link } from "@remix-run/react";
import { useMemo } from "react";
import { FormErrorSummary, SelectField, TextAreaField, TextField, useSchemaForm } from "~/components/forms";
import { agendaKinds, type AgendaKind } from "~/domain/agenda/agenda";
import { z } from "zod";
import { agendaItemFormSchema } from "~/domain/agenda/agenda-item.schema";
import { agendaItemCeremonySchema } from "~/domain/ceremony/ceremony.schema";
import { instantToLocalInput } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { CeremonyFields, EndPreview } from "./agenda-item-fields";
import type { UseFormReturn } from "react-hook-form";

/** The add/edit form validates the item and its part in the ceremony together, in the event's time zone. */
const itemSchema = (zone: string) => z.intersection(agendaItemFormSchema(zone), agendaItemCeremonySchema);
type ItemSchema = ReturnType<typeof itemSchema>;
export type AgendaForm = UseFormReturn<z.input<ItemSchema>, unknown, z.output<ItemSchema>>;

/** What the add/edit form sends and shows: strings, the start as wall-clock time in the event's zone. */
export interface FormValues {
  startsAt: string;
  durationMinutes: string;
  title: string;
  titleEn: string;
  kind: AgendaKind;
  responsibleUserId: string;
  speakerInvitationId: string;
  place: string;
  notes: string;
  keyPoints: string;
  /** A signing item's document; a proceeding's collective subject ("Hai bên") when nobody is named as speaker. */
  documentId: string;
  subject: string;
  subjectEn: string;
}

export function emptyFormValues(startsAt: Date, zone: string): FormValues {
  return {
    startsAt: instantToLocalInput(startsAt, zone),
    durationMinutes: "10",
    title: "",
    titleEn: "",
    kind: "speech",
    responsibleUserId: "",
    speakerInvitationId: "",
    place: "",
    notes: "",
    keyPoints: "",
    documentId: "",
    subject: "",
    subjectEn: "",
  };
}

export function itemFormValues(
  item: {
    startsAt: Date;
    durationMinutes: number;
    title: string;
    titleEn?: string | null;
    kind: AgendaKind;
    responsibleUserId: string | null;
    speakerInvitationId: string | null;
    place: string | null;
    notes: string | null;
    keyPoints: string[];
    documentId?: string | null;
    subject?: string | null;
    subjectEn?: string | null;
  },
  zone: string,
): FormValues {
  return {
    startsAt: instantToLocalInput(item.startsAt, zone),
    durationMinutes: String(item.durationMinutes),
    title: item.title,
    titleEn: item.titleEn ?? "",
    kind: item.kind,
    responsibleUserId: item.responsibleUserId ?? "",
    speakerInvitationId: item.speakerInvitationId ?? "",
    place: item.place ?? "",
    notes: item.notes ?? "",
    keyPoints: item.keyPoints.join("\n"),
    documentId: item.documentId ?? "",
    subject: item.subject ?? "",
    subjectEn: item.subjectEn ?? "",
  };
}

/** What was posted, to show it again next to the errors (nothing typed is lost). */
export function formValuesOf(raw: Record<string, unknown>): FormValues {
  const s = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  const kind = agendaKinds.find((k) => k === raw.kind) ?? "other";
  return {
    startsAt: s("startsAt"),
    durationMinutes: s("durationMinutes"),
    title: s("title"),
    titleEn: s("titleEn"),
    kind,
    responsibleUserId: s("responsibleUserId"),
    speakerInvitationId: s("speakerInvitationId"),
    place: s("place"),
    notes: s("notes"),
    keyPoints: s("keyPoints"),
    documentId: s("documentId"),
    subject: s("subject"),
    subjectEn: s("subjectEn"),
  };
}

export interface SpeakerOptionView {
  value: string;
  name: string;
  status: string;
}

export interface StaffOptionView {
  value: string;
  name: string;
  active: boolean;
}

export function AgendaItemForm({
  mode,
  zone,
  itemId,
  itemVersion,
  title,
  defaults,
  serverErrors,
  speakerOptions,
  speakerTruncated,
  staffOptions,
  documentOptions,
}: {
  mode: "create" | "update";
  zone: string;
  itemId?: string;
  itemVersion?: string;
  title?: string;
  defaults: FormValues;
  serverErrors: Record<string, string> | null;
  speakerOptions: SpeakerOptionView[];
  speakerTruncated: boolean;
  staffOptions: StaffOptionView[];
  documentOptions: { value: string; label: string }[];
}) {
  const { t } = useT();
  const schema = useMemo(() => itemSchema(zone), [zone]);
  const { form, onSubmit } = useSchemaForm(schema, { defaultValues: defaults, serverErrors });
  const none = { value: "", label: t("agenda.field.none") };
  const speakers = [
    none,
    ...speakerOptions.map((o) => ({
      value: o.value,
      label:
        o.status === "declined"
          ? `${o.name} (${t("agenda.speaker.declined")})`
          : o.status === "withdrawn"
            ? `${o.name} (${t("agenda.speaker.withdrawn")})`
            : o.name,
    })),
  ];
  const staff = [
    none,
    ...staffOptions.map((o) => ({ value: o.value, label: o.active ? o.name : `${o.name} (${t("agenda.staff.inactive")})` })),
  ];
  const prefix = mode === "create" ? "add" : `edit-${itemId}`;
  const watched = form.watch(["startsAt", "durationMinutes"]);
  return (
    <Form method="post" noValidate onSubmit={onSubmit} replace className="agenda-form" aria-label={mode === "create" ? t("agenda.addTitle") : t("agenda.editTitle", { title: title ?? "" })}>
      {mode === "update" ? <h3 className="agenda-form-title">{t("agenda.editTitle", { title: title ?? "" })}</h3> : null}
      <FormErrorSummary show={!!serverErrors} />
      <input type="hidden" name="intent" value={mode} />
      {itemId ? <input type="hidden" name="itemId" value={itemId} /> : null}
      {itemVersion ? <input type="hidden" name="itemVersion" value={itemVersion} /> : null}
      <div className="agenda-form-times">
        <TextField
          form={form}
          name="startsAt"
          label={t("agenda.field.startsAt")}
          type="datetime-local"
          hint={t("agenda.field.startsAtHint", { zone })}
        />
        <TextField
          form={form}
          name="durationMinutes"
          label={t("agenda.field.durationMinutes")}
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
        />
        <EndPreview
          startsAt={typeof watched[0] === "string" ? watched[0] : defaults.startsAt}
          duration={watched[1] !== undefined && watched[1] !== null ? String(watched[1]) : defaults.durationMinutes}
          zone={zone}
          id={`${prefix}-end`}
        />
      </div>
      <div className="grid-2">
        <TextField form={form} name="title" label={t("agenda.field.title")} autoComplete="off" />
        <SelectField
          form={form}
          name="kind"
          label={t("agenda.field.kind")}
          options={agendaKinds.map((k) => ({ value: k, label: t(`agenda.kind.${k}`) }))}
        />
      </div>
      <TextField form={form} name="titleEn" label={t("agenda.field.titleEn")} hint={t("agenda.field.titleEnHint")} lang="en" autoComplete="off" optional />
      <div className="grid-2">
        <SelectField
          form={form}
          name="speakerInvitationId"
          label={t("agenda.field.speaker")}
          optional
          options={speakers}
          hint={
            speakerOptions.length === 0
              ? t("agenda.speaker.noInvitees")
              : speakerTruncated
                ? t("agenda.speaker.truncated", { count: speakerOptions.length })
                : t("agenda.field.speakerHint")
          }
        />
        <SelectField form={form} name="responsibleUserId" label={t("agenda.field.responsible")} optional options={staff} />
      </div>
      <TextField form={form} name="place" label={t("agenda.field.place")} optional autoComplete="off" />
      <CeremonyFields form={form} documentOptions={documentOptions} />
      <div className="grid-2">
        <TextAreaField
          form={form}
          name="keyPoints"
          label={t("agenda.field.keyPoints")}
          optional
          rows={4}
          hint={t("agenda.field.keyPointsHint")}
        />
        <TextAreaField form={form} name="notes" label={t("agenda.field.notes")} optional rows={4} />
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {mode === "create" ? t("agenda.add") : t("action.save")}
        </button>
        {mode === "update" ? (
          <Link to={{ search: "", hash: `item-${itemId}` }} className="button secondary" preventScrollReset>
            {t("action.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
