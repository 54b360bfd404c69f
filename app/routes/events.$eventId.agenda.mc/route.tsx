import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrorSummary, TextAreaField, useSchemaForm } from "~/components/forms";
import { canOnEvent } from "~/domain/access/permissions";
import { parseMcScriptText } from "~/domain/agenda/mc-script-text";
import { mcScriptFormSchema } from "~/domain/agenda/mc-script.schema";
import { formatDateTime, type Locale } from "~/domain/dates/phrasing";
import { isLocale } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { Notice } from "~/components/ui/notice";
import { attempt, parseForm } from "~/utils/action-kit.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { dropAbsentFromMcScript, getMcScript, mcPresence, regenerateMcScript, saveMcScript } from "~/services/mc-script.server";
import { requireEventPermission } from "~/services/auth.server";
import { mcActionSchema } from "./mc.schema";
import { pageTitle } from "~/utils/meta";
import { ConfirmPanel } from "~/components/ui/confirm-panel";

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
  };
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod && formMethod.toUpperCase() !== "GET" ? true : defaultShouldRevalidate;

const notices = { save: "agenda.mc.saved", regenerate: "agenda.mc.regenerated", dropAbsent: "mc.presence.dropped" } as const;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  const actor = { id: access.user.id, name: access.user.name };
  const form = await parseForm(request, mcActionSchema);
  const text = typeof form.values.text === "string" ? form.values.text : "";
  if (!form.success) {
    const fields = form.fieldErrors.intent ? null : form.fieldErrors;
    return data({ fieldErrors: fields, error: fields ? null : "errors.invalid", text }, { status: 400 });
  }
  const change = form.data;
  const lang: Locale = isLocale(change.lang) ? change.lang : access.user.locale;
  const eventId = access.event.id;
  const done = await attempt(() =>
    change.intent === "dropAbsent"
      ? dropAbsentFromMcScript(context.db, actor, eventId, lang, change.version)
      : change.intent === "regenerate"
        ? regenerateMcScript(context.db, actor, eventId, lang, change.version)
        : saveMcScript(context.db, actor, eventId, lang, change.text, change.version),
  );
  if (!done.ok) {
    const fields = Object.keys(done.error.fields).length ? done.error.fields : null;
    return data({ fieldErrors: fields, error: done.error.message, text }, { status: done.status });
  }
  return redirectWithNotice(context, `/events/${eventId}/agenda/mc?lang=${lang}`, { key: notices[change.intent] });
}

export default function McScriptPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, tError, locale } = useT();
  const confirmRegenerate = params.get("confirm") === "regenerate";
  const blocks = parseMcScriptText(d.text);
  const error = actionData?.error && !actionData.fieldErrors ? actionData.error : null;
  return (
    <>
      <div className="mc-toolbar">
        <div>
          <h2 className="flush">{t("agenda.mc.title")}</h2>
          <p className="muted mc-intro">
            {t("agenda.mc.intro")}
          </p>
        </div>
        <div className="actions flush-top">
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

      {error ? <Notice tone="error">{tError(error)}</Notice> : null}
      {d.itemCount === 0 ? (
        <Notice tone="warn" as="p" role="note">
          {t("agenda.mc.emptyAgenda")}
        </Notice>
      ) : null}
      {d.dignitaryCount === 0 ? (
        <Notice tone="warn" as="p" role="note">
          {t("agenda.mc.noDignitaries")}
        </Notice>
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
      {d.saved && d.outOfDate ? (
        <Notice tone="warn" as="p" role="note">
          {t("agenda.mc.outOfDate")}
        </Notice>
      ) : null}

      {d.presence.arrivals > 0 && d.presence.dignitaries.length > 0 ? (
        <section className="card mc-presence" aria-labelledby="mc-presence-heading" data-testid="mc-presence">
          <h3 id="mc-presence-heading" className="flush">
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
        <ConfirmPanel label={t("agenda.mc.regenerate")}>
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
        </ConfirmPanel>
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
