import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PressStatusBadge } from "~/components/press/press-status";
import styles from "~/components/press/press.css";
import { TeamAccessHint } from "~/components/team-access-hint";
import { Notice } from "~/components/ui/notice";
import { formatDateTime } from "~/domain/dates/phrasing";
import { countWords } from "~/domain/press/markdown";
import { pressLanguages, type PressLanguage } from "~/domain/press/types";
import { useT } from "~/i18n/use-t";
import { listTeamManagers } from "~/models/events.server";
import { getPressEvent } from "~/models/press.server";
import { pressAttendance } from "~/services/press-facts.server";
import {
  createPressSummary,
  getPressSettings,
  listEventPressSummaries,
  mayChangePressSettings,
  pressPermissions,
  updatePressSettings,
} from "~/services/press.server";
import { attempt, parseForm } from "~/utils/action-kit.server";
import { requireEventPermission } from "~/services/auth.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithNotice } from "~/utils/notice.server";
import { forbidden, notFound } from "~/utils/responses.server";
import { canComment } from "~/domain/press/workflow";
import { pressTabActionSchema, pressTabIntent } from "./press-tab.schema";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "press.tab.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const event = await getPressEvent(context.db, access.event.id);
  if (!event) throw notFound();
  const [summaries, can, settings, mayChangeSettings, attendance] = await Promise.all([
    listEventPressSummaries(context.db, event.id),
    pressPermissions(context.db, access.user, event.id),
    getPressSettings(context.db, event.id),
    mayChangePressSettings(context.db, access.user, event.id),
    pressAttendance(context.db, event.id),
  ]);
  return {
    attendance,
    eventId: event.id,
    settings: { requireSecondApprover: settings.requireSecondApprover, mayChange: mayChangeSettings },
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
  const eventId = access.event.id;
  // Both forms (a draft, the settings) are for the event's press editors: anyone else is refused before the form is read.
  const can = await pressPermissions(context.db, access.user, eventId);
  if (!canComment(can) && !(await mayChangePressSettings(context.db, access.user, eventId))) throw forbidden();
  const form = await parseForm(request, pressTabActionSchema);
  const intent = pressTabIntent(form.values);
  const fail = (status: number, error: string) => data({ error, intent }, { status });
  if (!form.success) return fail(400, intent === "settings" ? "errors.invalid" : "errors.choice");
  const { data: sent } = form;
  if (sent.intent === "settings") {
    const saved = await attempt(() => updatePressSettings(context.db, access.user, eventId, { requireSecondApprover: sent.requireSecondApprover }));
    if (!saved.ok) return fail(saved.status, saved.error.message);
    throw await redirectWithNotice(context, `/events/${eventId}/press`, { key: "press.settings.saved" });
  }
  const created = await attempt(() => createPressSummary(context.db, access.user, eventId, sent.language, { attendedOnly: sent.attendedOnly }));
  if (!created.ok) return fail(created.status, created.error.message);
  throw await redirectWithNotice(context, `/events/${eventId}/press/${created.value.id}`, { key: "press.created" });
}

/** The event's review rules: a form for its organizers and admins, a sentence for everyone else. */
function PressSettingsCard({ settings, error }: { settings: { requireSecondApprover: boolean; mayChange: boolean }; error: string | null }) {
  const { t, tError } = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "settings";
  return (
    <section className="card press-settings" aria-labelledby="press-settings-title">
      <h3 id="press-settings-title">{t("press.settings.title")}</h3>
      {error ? (
        <Notice as="p" tone="error">
          {tError(error)}
        </Notice>
      ) : null}
      {settings.mayChange ? (
        <Form method="post">
          <input type="hidden" name="intent" value="settings" />
          <label className="checkbox" htmlFor="press-second-approver">
            <input
              type="checkbox"
              id="press-second-approver"
              name="requireSecondApprover"
              value="yes"
              defaultChecked={settings.requireSecondApprover}
              aria-describedby="press-second-approver-hint"
            />
            {t("press.settings.secondApprover")}
          </label>
          <p className="hint" id="press-second-approver-hint">
            {t("press.settings.secondApproverHint")}
          </p>
          <button type="submit" className="button secondary" disabled={busy}>
            {t("press.settings.save")}
          </button>
        </Form>
      ) : (
        <>
          <p data-testid="press-settings-state">{t(settings.requireSecondApprover ? "press.settings.stateOn" : "press.settings.stateOff")}</p>
          <p className="muted">{t("press.settings.whoMay")}</p>
        </>
      )}
    </section>
  );
}

export default function PressTab() {
  const { eventId, timeZone, summaries, canDraft, cancelled, settings, inTeam, teamManagers, attendance } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, tError, locale } = useT();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST" && navigation.formData?.get("intent") !== "settings";
  const countIn = (language: PressLanguage) => summaries.filter((s) => s.language === language).length;
  const at = (d: Date | string) => formatDateTime(new Date(d), timeZone, locale);
  const who = (name: string | null) => name ?? t("press.who.unknown");
  return (
    <section className="press-tab">
      <h2>{t("press.tab.title")}</h2>
      <p className="muted press-intro">{t("press.tab.intro")}</p>
      {actionData?.error && actionData.intent !== "settings" ? <Notice tone="error">{tError(actionData.error)}</Notice> : null}
      {cancelled ? <Notice tone="warn">{t("press.errors.eventCancelled")}</Notice> : null}
      {canDraft ? (
        <Form method="post" className="actions press-draft-buttons">
          {pressLanguages.map((language: PressLanguage) => (
            <button key={language} type="submit" name="language" value={language} className={`button${language === "vi" ? "" : " secondary"}`} disabled={busy}>
              {t(`press.draft.${language}`)}
            </button>
          ))}
          {countIn("vi") + countIn("en") > 0 ? <p className="muted press-draft-note">{t("press.draft.another")}</p> : null}
          {attendance.arrivals > 0 ? (
            <div className="press-attended" data-testid="press-attended">
              <label className="checkbox">
                <input type="checkbox" name="attendedOnly" value="1" defaultChecked={attendance.attendedOnlyByDefault} /> {t("press.attended.label")}
              </label>
              <p className="muted">
                {t("press.attended.hint", { arrivals: attendance.arrivals })}{" "}
                {attendance.absent.length ? t("press.attended.absent", { names: attendance.absent.join("; ") }) : t("press.attended.noneAbsent")}
              </p>
            </div>
          ) : null}
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
      <PressSettingsCard settings={settings} error={actionData?.intent === "settings" ? actionData.error : null} />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
