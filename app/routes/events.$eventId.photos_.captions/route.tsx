import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CountedInput } from "~/components/forms";
import { Notice } from "~/components/ui/notice";
import { fieldErrors } from "~/domain/forms/fields";
import { bulkCaptionsFormSchema, MAX_CAPTION, MAX_CREDIT, photoTextSchema } from "~/domain/photos/photo.schema";
import { useT } from "~/i18n/use-t";
import { CaptionConflictError, listEventPhotos, saveCaptions, type CaptionEntryInput } from "~/services/photos.server";
import { requireEventPermission } from "~/services/auth.server";
import { attempt, parseForm } from "~/utils/action-kit.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithNotice } from "~/utils/notice.server";
import styles from "~/components/photos/photos.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "photos.bulk.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "photos:manage");
  const photos = await listEventPhotos(context.db, access.event.id);
  return {
    eventId: access.event.id,
    photos: photos.map((p) => ({
      id: p.id,
      number: p.number,
      thumbnailUrl: p.thumbnailUrl,
      captionVi: p.captionVi ?? "",
      captionEn: p.captionEn ?? "",
      credit: p.credit ?? "",
      version: p.version,
    })),
  };
}

interface Row {
  id: string;
  version: number;
  captionVi: string;
  captionEn: string;
  credit: string;
}

const CAPTION_FIELDS = ["id", "version", "captionVi", "captionEn", "credit"] as const;

interface ActionResult {
  error: string | null;
  /** What was typed, per photo id. */
  values: Record<string, Row> | null;
  /** Per photo id, per field: an i18n error key. */
  errors: Record<string, Record<string, string>> | null;
  /** Per photo id: what someone else saved meanwhile (and its version), or "removed". */
  conflicts: Record<string, Row | "removed"> | null;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "photos:manage");
  const eventId = access.event.id;
  const result = (r: Partial<ActionResult>, status: number) =>
    data<ActionResult>({ error: null, values: null, errors: null, conflicts: null, ...r }, { status });
  const form = await parseForm(request, bulkCaptionsFormSchema, { arrayFields: CAPTION_FIELDS });
  if (!form.success) return result({ error: "errors.invalid" }, 400);
  const values = Object.fromEntries(form.data.map((row) => [row.id, row]));
  const entries: CaptionEntryInput[] = [];
  const errors: Record<string, Record<string, string>> = {};
  for (const row of form.data) {
    const text = photoTextSchema.safeParse(row);
    if (text.success) entries.push({ id: row.id, version: row.version, ...text.data });
    else errors[row.id] = fieldErrors(text.error);
  }
  if (Object.keys(errors).length) return result({ error: "form.fixErrors", values, errors }, 400);
  const saved = await attempt(() => saveCaptions(context.db, { id: access.user.id, name: access.user.name }, eventId, entries));
  if (saved.ok) {
    const count = saved.value;
    throw await redirectWithNotice(context, `/events/${eventId}/photos`, { key: count ? "photos.bulk.saved" : "photos.bulk.nothing", params: { count } });
  }
  const error = saved.error;
  if (!(error instanceof CaptionConflictError)) return result({ error: error.message, values }, saved.status);
  const conflicts: Record<string, Row | "removed"> = {};
  for (const p of error.conflict.stale)
    conflicts[p.id] = { id: p.id, version: p.version, captionVi: p.captionVi ?? "", captionEn: p.captionEn ?? "", credit: p.credit ?? "" };
  for (const id of error.conflict.removed) conflicts[id] = "removed";
  return result({ error: error.message, values, conflicts }, 409);
}

export default function BulkCaptionsPage() {
  const { eventId, photos } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, tError } = useT();
  const busy = navigation.state !== "idle";
  const conflicts = actionData?.conflicts ?? {};
  // Rows as typed (after a refusal), else as saved; photos deleted meanwhile drop out after the notice.
  const rows = photos.map((p) => ({ ...p, ...(actionData?.values?.[p.id] ?? {}) }));
  return (
    <>
      <p className="flush-top">
        <Link to={`/events/${eventId}/photos`}>← {t("photos.edit.back")}</Link>
      </p>
      <h2>{t("photos.bulk.title")}</h2>
      <p className="muted">{t("photos.bulk.intro")}</p>
      {actionData?.error ? (
        <Notice tone={actionData.conflicts ? "warn" : "error"} role="alert">
          {tError(actionData.error)}
        </Notice>
      ) : null}
      {photos.length === 0 ? (
        <p className="card muted">{t("photos.empty")}</p>
      ) : (
        <Form method="post" className="card" aria-label={t("photos.bulk.title")}>
          <table className="captions-table" data-testid="captions-table">
            <thead>
              <tr>
                <th>{t("photos.col.order")}</th>
                <th>{t("photos.field.captionVi")}</th>
                <th>{t("photos.field.captionEn")}</th>
                <th>{t("photos.field.credit")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const theirs = conflicts[row.id];
                const errs = actionData?.errors?.[row.id] ?? {};
                // Saving again after a conflict replaces their text knowingly: send the version they saved.
                const version = theirs && theirs !== "removed" ? theirs.version : row.version;
                const field = (name: "captionVi" | "captionEn" | "credit", label: string, max: number) => (
                  <td>
                    <label className="visually-hidden" htmlFor={`${name}-${row.id}`}>
                      {label} — {t("photos.number", { number: row.number })}
                    </label>
                    <CountedInput
                      id={`${name}-${row.id}`}
                      name={name}
                      defaultValue={row[name]}
                      maxLength={max}
                      lang={name === "captionEn" ? "en" : name === "captionVi" ? "vi" : undefined}
                      aria-invalid={errs[name] ? true : undefined}
                    />
                    {errs[name] ? <p className="field-error">{tError(errs[name])}</p> : null}
                  </td>
                );
                return (
                  <tr key={row.id} className={theirs ? "conflict" : undefined} data-testid="caption-row">
                    <td>
                      <input type="hidden" name="id" value={row.id} />
                      <input type="hidden" name="version" value={version} />
                      <img src={row.thumbnailUrl} alt="" width={96} />
                      <span className="photo-number">{t("photos.number", { number: row.number })}</span>
                      {theirs === "removed" ? <p className="their-text">{t("photos.bulk.removed")}</p> : null}
                      {theirs && theirs !== "removed" ? (
                        <p className="their-text" data-testid="their-text">
                          {t("photos.bulk.changedBy", { captionVi: theirs.captionVi || "—", captionEn: theirs.captionEn || "—", credit: theirs.credit || "—" })}
                        </p>
                      ) : null}
                    </td>
                    {field("captionVi", t("photos.field.captionVi"), MAX_CAPTION)}
                    {field("captionEn", t("photos.field.captionEn"), MAX_CAPTION)}
                    {field("credit", t("photos.field.credit"), MAX_CREDIT)}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t("photos.bulk.save")}
            </button>
            <Link to={`/events/${eventId}/photos`} className="button secondary">
              {t("action.cancel")}
            </Link>
          </div>
        </Form>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
