import { Form, useNavigation } from "@remix-run/react";
import { FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { MAX_CAPTION, MAX_CREDIT, photoEditClientSchema } from "~/domain/photos/photo.schema";
import { useT } from "~/i18n/use-t";
import type { PhotoActionResult, PhotoFormValues } from "./photo-actions.server";
import type { PhotoPageData } from "./route";

type Photo = PhotoPageData["photo"];

/**
 * Captions, credit, "in the press", "cover": the form for the event's team. After a refusal it keeps what was
 * typed; after a conflict it shows what the other person saved and saves over that version knowingly.
 */
export function PhotoDetailsForm({ photo, actionData }: { photo: Photo; actionData: PhotoActionResult | null }) {
  const navigation = useNavigation();
  const { t } = useT();
  const busy = navigation.state !== "idle";
  const theirs = actionData?.theirs ?? null;
  const defaults: PhotoFormValues = actionData?.values ?? {
    captionVi: photo.captionVi ?? "",
    captionEn: photo.captionEn ?? "",
    credit: photo.credit ?? "",
    includeInPress: photo.includeInPress,
    isCover: photo.isCover,
  };
  const { form, onSubmit } = useSchemaForm(photoEditClientSchema, {
    defaultValues: defaults,
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <Form method="post" className="card" onSubmit={onSubmit} noValidate aria-label={t("photos.edit.details")}>
      <FormErrorSummary show={!!actionData?.fieldErrors} />
      {theirs ? (
        <div className="theirs" data-testid="theirs">
          <strong>{t("photos.edit.theirs")}</strong>
          <dl>
            <dt>{t("photos.field.captionVi")}</dt>
            <dd>{theirs.captionVi || "—"}</dd>
            <dt>{t("photos.field.captionEn")}</dt>
            <dd>{theirs.captionEn || "—"}</dd>
            <dt>{t("photos.field.credit")}</dt>
            <dd>{theirs.credit || "—"}</dd>
          </dl>
        </div>
      ) : null}
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="version" value={theirs?.version ?? photo.version} />
      <TextField form={form} name="captionVi" label={t("photos.field.captionVi")} lang="vi" maxLength={MAX_CAPTION} />
      <TextField form={form} name="captionEn" label={t("photos.field.captionEn")} lang="en" maxLength={MAX_CAPTION} />
      <TextField form={form} name="credit" label={t("photos.field.credit")} maxLength={MAX_CREDIT} />
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" value="on" defaultChecked={defaults.includeInPress} {...form.register("includeInPress")} />{" "}
          {t("photos.field.includeInPress")}
        </label>
        <label className="checkbox">
          <input type="checkbox" value="on" defaultChecked={defaults.isCover} {...form.register("isCover")} /> {t("photos.field.isCover")}
        </label>
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t("action.save")}
      </button>
    </Form>
  );
}

/** The same details for someone who may only look. */
export function PhotoDetailsCard({ photo }: { photo: Photo }) {
  const { t } = useT();
  return (
    <div className="card">
      <p className="photo-caption" lang="vi">{photo.captionVi ?? t("photos.noCaption")}</p>
      {photo.captionEn ? <p className="photo-caption en" lang="en">{photo.captionEn}</p> : null}
      {photo.credit ? <p className="photo-meta">{t("photos.creditLabel", { credit: photo.credit })}</p> : null}
      <p className="photo-meta">
        {photo.isCover ? `${t("photos.cover")} · ` : ""}
        {t(photo.includeInPress ? "photos.inPress" : "photos.notInPress")}
      </p>
    </div>
  );
}
