import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TeamAccessHint } from "~/components/team-access-hint";
import { formatDateTime } from "~/domain/dates/phrasing";
import { countWords } from "~/domain/press/markdown";
import { pressLanguageSchema } from "~/domain/press/press.schema";
import { pressLanguages, type PressLanguage } from "~/domain/press/types";
import { useT } from "~/i18n/use-t";
import { listTeamManagers } from "~/models/events.server";
import { getPressEvent } from "~/models/press.server";
import { isServiceError } from "~/services/errors";
import { createPressSummary, listEventPressSummaries, pressPermissions } from "~/services/press.server";
import { requireEventPermission } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { notFound } from "~/utils/responses.server";
import { PressStatusBadge } from "./press-status";
import styles from "./press.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "press.tab.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const event = await getPressEvent(context.db, access.event.id);
  if (!event) throw notFound();
  const [summaries, can] = await Promise.all([
    listEventPressSummaries(context.db, event.id),
    pressPermissions(context.db, access.user, event.id),
  ]);
  return {
    eventId: event.id,
    timeZone: event.timeZone,
    cancelled: event.status === "cancelled",
    canDraft: (can.edit || can.approve) && event.status !== "cancelled",
    // Someone who may only read is told who can add them to the event's team.
    inTeam: can.edit || can.approve,
    teamManagers: can.edit || can.approve ? [] : await listTeamManagers(context.db, event.id),
    summaries: summaries.map((s) => ({
      id: s.id,
      language: s.language,
      title: s.title,
      status: s.status,
      version: s.version,
      words: countWords(s.body),
      createdByName: s.createdByName,
      createdAt: s.createdAt,
      submittedByName: s.submittedByName,
      submittedAt: s.submittedAt,
      approvedByName: s.approvedByName,
      approvedAt: s.approvedAt,
      publishedByName: s.publishedByName,
      publishedAt: s.publishedAt,
      updatedAt: s.updatedAt,
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const form = await request.formData();
  const parsed = pressLanguageSchema.safeParse(form.get("language"));
  if (!parsed.success) return data({ error: "errors.choice" }, { status: 400 });
  try {
    const summary = await createPressSummary(context.db, access.user, access.event.id, parsed.data);
    throw redirect(`/events/${access.event.id}/press/${summary.id}?done=created`);
  } catch (error) {
    if (!isServiceError(error)) throw error;
    const status = error.code === "forbidden" ? 403 : error.code === "not_found" ? 404 : error.code === "conflict" ? 409 : 422;
    return data({ error: error.message }, { status });
  }
}

export default function PressTab() {
  const { eventId, timeZone, summaries, canDraft, cancelled, inTeam, teamManagers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, tError, locale } = useT();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const countIn = (language: PressLanguage) => summaries.filter((s) => s.language === language).length;
  const at = (d: Date | string) => formatDateTime(new Date(d), timeZone, locale);
  const who = (name: string | null) => name ?? t("press.who.unknown");
  return (
    <section className="press-tab">
      <h2>{t("press.tab.title")}</h2>
      <p className="muted press-intro">{t("press.tab.intro")}</p>
      {actionData?.error ? (
        <div className="notice notice-error" role="alert">
          {tError(actionData.error)}
        </div>
      ) : null}
      {cancelled ? (
        <div className="notice notice-warn" role="status">
          {t("press.errors.eventCancelled")}
        </div>
      ) : null}
      {canDraft ? (
        <Form method="post" className="actions press-draft-buttons">
          {pressLanguages.map((language: PressLanguage) => (
            <button key={language} type="submit" name="language" value={language} className={`button${language === "vi" ? "" : " secondary"}`} disabled={busy}>
              {t(`press.draft.${language}`)}
            </button>
          ))}
          {countIn("vi") + countIn("en") > 0 ? <p className="muted press-draft-note">{t("press.draft.another")}</p> : null}
        </Form>
      ) : (
        <>
          <p className="muted">{t("press.tab.readOnly")}</p>
          {inTeam ? null : <TeamAccessHint managers={teamManagers} />}
        </>
      )}
      {summaries.length === 0 ? (
        <p className="card muted">{t("press.tab.empty")}</p>
      ) : (
        <ul className="press-summary-list">
          {summaries.map((s) => (
            <li key={s.id} className="card press-summary-item">
              <div className="press-summary-head">
                <span className="badge">{t(`press.language.${s.language}`)}</span>
                <PressStatusBadge status={s.status} />
                <span className="muted">{t("press.editor.words", { count: s.words })}</span>
              </div>
              <h3>
                <Link to={`/events/${eventId}/press/${s.id}`}>{s.title}</Link>
              </h3>
              <ul className="press-who muted">
                <li>{t("press.who.created", { name: who(s.createdByName), at: at(s.createdAt) })}</li>
                {s.submittedAt ? <li>{t("press.who.submitted", { name: who(s.submittedByName), at: at(s.submittedAt) })}</li> : null}
                {s.approvedAt ? <li>{t("press.who.approved", { name: who(s.approvedByName), at: at(s.approvedAt) })}</li> : null}
                {s.publishedAt ? <li>{t("press.who.published", { name: who(s.publishedByName), at: at(s.publishedAt) })}</li> : null}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
