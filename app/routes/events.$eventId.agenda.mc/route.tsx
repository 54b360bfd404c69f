import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrorSummary, TextAreaField, useSchemaForm } from "~/components/forms";
import { canOnEvent } from "~/domain/access/permissions";
import { parseMcScriptText } from "~/domain/agenda/mc-script-text";
import { mcScriptFormSchema } from "~/domain/agenda/mc-script.schema";
import { formatDateTime, type Locale } from "~/domain/dates/phrasing";
import { fieldErrors } from "~/domain/forms/fields";
import { isLocale } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { isServiceError } from "~/utils/errors";
import { dropAbsentFromMcScript, getMcScript, mcPresence, regenerateMcScript, saveMcScript } from "~/services/mc-script.server";
import { requireEventPermission } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "agenda.mc.pageTitle");

function scriptLocale(request: Request, fallback: Locale): Locale {
  const lang = new URL(request.url).searchParams.get("lang");
  return isLocale(lang) ? lang : fallback;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const lang = scriptLocale(request, access.user.locale);
  const [view, presence] = await Promise.all([getMcScript(context.db, access.event.id, lang), mcPresence(context.db, access.event.id)]);
  const canEdit =
    view.event.status !== "cancelled" &&
    canOnEvent(access.user, "event:update", { ownerId: access.event.createdBy, memberRole: access.memberRole });
  const url = new URL(request.url);
  return {
    eventId: view.event.id,
    timeZone: view.event.timeZone,
    lang,
    text: view.text,
    saved: view.saved,
    outOfDate: view.outOfDate,
    version: view.version,
    itemCount: view.itemCount,
    dignitaryCount: view.dignitaryCount,
    presence,
    canEdit,
    done: url.searchParams.get("done"),
  };
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod && formMethod.toUpperCase() !== "GET" ? true : defaultShouldRevalidate;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  const actor = { id: access.user.id, name: access.user.name };
  const raw = formDataToObject(await readForm(request));
  const lang: Locale = isLocale(raw.lang) ? raw.lang : access.user.locale;
  const version = typeof raw.version === "string" ? raw.version : undefined;
  const text = typeof raw.text === "string" ? raw.text : "";
  const back = (done: string) => redirect(`/events/${access.event.id}/agenda/mc?lang=${lang}&done=${done}`);
  try {
    if (raw.intent === "dropAbsent") {
      await dropAbsentFromMcScript(context.db, actor, access.event.id, lang, version);
      return back("droppedAbsent");
    }
    if (raw.intent === "regenerate") {
      await regenerateMcScript(context.db, actor, access.event.id, lang, version);
      return back("regenerated");
    }
    const parsed = mcScriptFormSchema.safeParse(raw);
    if (!parsed.success) return data({ fieldErrors: fieldErrors(parsed.error), error: null, text }, { status: 400 });
    await saveMcScript(context.db, actor, access.event.id, lang, parsed.data.text, version);
    return back("saved");
  } catch (error) {
    if (!isServiceError(error)) throw error;
    const fields = Object.keys(error.fields).length ? error.fields : null;
    return data({ fieldErrors: fields, error: error.message, text }, { status: error.code === "conflict" ? 409 : 422 });
  }
}

export default function McScriptPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, tError, locale } = useT();
  const confirmRegenerate = params.get("confirm") === "regenerate";
  const blocks = parseMcScriptText(d.text);
  const notice =
    d.done === "saved" ? t("agenda.mc.saved") : d.done === "regenerated" ? t("agenda.mc.regenerated") : d.done === "droppedAbsent" ? t("mc.presence.dropped") : null;
  const error = actionData?.error && !actionData.fieldErrors ? actionData.error : null;
  return (
    <>
      <div className="mc-toolbar">
        <div>
          <h2 style={{ margin: 0 }}>{t("agenda.mc.title")}</h2>
          <p className="muted" style={{ margin: ".25rem 0 0" }}>
            {t("agenda.mc.intro")}
          </p>
        </div>
        <div className="actions" style={{ marginTop: 0 }}>
          <nav className="mc-langs" aria-label={t("agenda.mc.language")}>
            {(["vi", "en"] as const).map((l) => (
              <Link key={l} to={`?lang=${l}`} aria-current={d.lang === l ? "true" : undefined} lang={l}>
                {t(`agenda.mc.lang.${l}`)}
              </Link>
            ))}
          </nav>
          <Link to={`/events/${d.eventId}/agenda/mc/print?lang=${d.lang}`} className="button secondary">
            {t("agenda.mc.print")}
          </Link>
        </div>
      </div>

      <div aria-live="polite" role="status">
        {notice && !error ? <div className="notice notice-ok">{notice}</div> : null}
      </div>
      {error ? (
        <div className="notice notice-error" role="alert">
          {tError(error)}
        </div>
      ) : null}
      {d.itemCount === 0 ? <p className="notice notice-warn">{t("agenda.mc.emptyAgenda")}</p> : null}
      {d.dignitaryCount === 0 ? (
        <p className="notice notice-warn">{t("agenda.mc.noDignitaries")}</p>
      ) : (
        <p className="muted mc-status">{t("agenda.mc.dignitaries", { count: d.dignitaryCount })}</p>
      )}
      <p className="mc-status" data-testid="mc-status">
        {d.saved
          ? t("agenda.mc.edited", {
              date: d.saved.updatedAt ? formatDateTime(new Date(d.saved.updatedAt), d.timeZone, locale) : "—",
              name: d.saved.updatedBy ?? "—",
            })
          : t("agenda.mc.generated")}
      </p>
      {d.saved && d.outOfDate ? <p className="notice notice-warn">{t("agenda.mc.outOfDate")}</p> : null}

      {d.presence.arrivals > 0 && d.presence.dignitaries.length > 0 ? (
        <section className="card mc-presence" aria-labelledby="mc-presence-heading" data-testid="mc-presence">
          <h3 id="mc-presence-heading" style={{ margin: 0 }}>
            {t("mc.presence.heading", { present: d.presence.dignitaries.length - d.presence.absent, total: d.presence.dignitaries.length })}{" "}
            <Link to={`/events/${d.eventId}/arrivals`} className="muted">
              {t("board.open")}
            </Link>
          </h3>
          <ul className="mc-presence-list">
            {d.presence.dignitaries.map((p) => (
              <li key={p.id} data-present={p.present ? "true" : "false"}>
                {p.present ? "✓" : "✗"} {p.address} — {p.present ? t("mc.presence.present") : t("mc.presence.absent")}
              </li>
            ))}
          </ul>
          {d.canEdit && d.presence.absent > 0 ? (
            <Form method="post" replace className="actions">
              <input type="hidden" name="intent" value="dropAbsent" />
              <input type="hidden" name="lang" value={d.lang} />
              <input type="hidden" name="version" value={d.version} />
              <button type="submit" className="button secondary">
                {t("mc.presence.drop", { count: d.presence.absent })}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {d.canEdit && confirmRegenerate && d.saved ? (
        <div className="card notice-warn" role="alertdialog" aria-label={t("agenda.mc.regenerate")}>
          <p>{t("agenda.mc.regenerateConfirm")}</p>
          <Form method="post" replace className="actions">
            <input type="hidden" name="intent" value="regenerate" />
            <input type="hidden" name="lang" value={d.lang} />
            <input type="hidden" name="version" value={d.version} />
            <button type="submit" className="button danger">
              {t("action.confirm")}: {t("agenda.mc.regenerate")}
            </button>
            <Link to={`?lang=${d.lang}`} className="button secondary">
              {t("action.back")}
            </Link>
          </Form>
        </div>
      ) : null}

      <div className={d.canEdit ? "mc-columns" : undefined}>
        {d.canEdit ? (
          <McEditor
            key={`${d.lang}-${d.version}`}
            lang={d.lang}
            version={d.version}
            text={actionData?.text ?? d.text}
            serverErrors={actionData?.fieldErrors ?? null}
            canRegenerate={!!d.saved}
          />
        ) : null}
        <section className="card mc-preview" lang={d.lang} aria-label={t("agenda.mc.preview")} data-testid="mc-preview">
          {blocks.map((b, i) => (
            <div key={i}>
              {b.title ? (
                <h3>
                  {b.time ? <span className="mc-time">{b.time}</span> : null}
                  {b.title}
                </h3>
              ) : null}
              {b.lines.map((line, j) => (
                <p key={j}>{line}</p>
              ))}
            </div>
          ))}
        </section>
      </div>
    </>
  );
}

function McEditor({
  lang,
  version,
  text,
  serverErrors,
  canRegenerate,
}: {
  lang: Locale;
  version: string;
  text: string;
  serverErrors: Record<string, string> | null;
  canRegenerate: boolean;
}) {
  const { t } = useT();
  const { form, onSubmit } = useSchemaForm(mcScriptFormSchema, { defaultValues: { text }, serverErrors });
  return (
    <section className="card mc-editor">
      <FormErrorSummary show={!!serverErrors} />
      <Form method="post" noValidate onSubmit={onSubmit} replace>
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="lang" value={lang} />
        <input type="hidden" name="version" value={version} />
        <TextAreaField form={form} name="text" label={t("agenda.mc.text")} hint={t("agenda.mc.textHint")} lang={lang} spellCheck={false} />
        <div className="actions">
          <button type="submit" className="button">
            {t("agenda.mc.save")}
          </button>
          {canRegenerate ? (
            <Link to={`?lang=${lang}&confirm=regenerate`} className="button secondary">
              {t("agenda.mc.regenerate")}
            </Link>
          ) : null}
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
