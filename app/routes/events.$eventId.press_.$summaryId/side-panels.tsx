import { Form, Link, useNavigation, useSearchParams, type useActionData, type useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { DiffView, Parts } from "./diff-view";
import type { action, loader } from "./route";

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = NonNullable<ReturnType<typeof useActionData<typeof action>>>;

/** Workflow buttons, redraft, comments, history, sources: everything around the editor. */
export function PressSidePanels({ loaded, actionData }: { loaded: Loaded; actionData: ActionData | null }) {
  return (
    <div className="press-side">
      <WorkflowPanel loaded={loaded} actionData={actionData?.intent === "transition" ? actionData : null} />
      {loaded.actions.regenerate && loaded.untranslatedTerms.length ? <UntranslatedPanel loaded={loaded} actionData={actionData?.intent === "glossaryAdd" ? actionData : null} /> : null}
      {loaded.actions.regenerate ? <RegeneratePanel loaded={loaded} actionData={actionData?.intent === "regenerate" ? actionData : null} /> : null}
      <CommentsPanel loaded={loaded} actionData={actionData?.intent === "comment" ? actionData : null} />
      <HistoryPanel loaded={loaded} />
      <SourcesPanel loaded={loaded} />
    </div>
  );
}

function useWhen(timeZone: string) {
  const { locale } = useT();
  return (d: Date | string) => formatDateTime(new Date(d), timeZone, locale);
}

type Transition = Loaded["actions"]["transitions"][number];

/** The hidden fields of a workflow step, and the before-the-event confirmation where the step needs it now. */
function StepFields({ tr, version, error }: { tr: Transition; version: number; error: string | undefined }) {
  const { t, tError } = useT();
  const id = `press-confirm-before-${tr.name}`;
  return (
    <>
      <input type="hidden" name="intent" value="transition" />
      <input type="hidden" name="to" value={tr.to} />
      <input type="hidden" name="version" value={version} />
      {tr.confirmBeforeEvent ? (
        <div className="press-confirm-before">
          <label className="checkbox" htmlFor={id}>
            <input
              type="checkbox"
              id={id}
              name="confirmBeforeEvent"
              value="yes"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : "press-before-event-warning"}
            />
            {t("press.workflow.beforeEvent.confirm")}
          </label>
          {error ? (
            <p className="field-error" role="alert" id={`${id}-error`}>
              {tError(error)}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function WorkflowPanel({ loaded, actionData }: { loaded: Loaded; actionData: ActionData | null }) {
  const { t, tError } = useT();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const when = useWhen(loaded.timeZone);
  const busy = navigation.state === "submitting";
  const { summary, actions } = loaded;
  const confirm = params.get("confirm");
  const commentError = actionData?.fieldErrors?.comment;
  const beforeEventError = actionData?.fieldErrors?.confirmBeforeEvent;
  const plain = actions.transitions.filter((tr) => !tr.needsComment && !tr.blocked);
  // The step whose confirmation checkbox is on the page (a step behind ?confirm= only once it is opened).
  const shownBeforeEventStep = plain.find((tr) => tr.confirmBeforeEvent && (!tr.confirm || confirm === tr.name));
  const errorBesideField = commentError || (beforeEventError && shownBeforeEventStep);
  return (
    <section className="card press-section press-workflow" aria-labelledby="press-workflow-title">
      <h3 id="press-workflow-title">{t("press.workflow.title")}</h3>
      {actionData?.formError && !errorBesideField ? (
        <div className="notice notice-error" role="alert">
          {tError(actionData.formError)}
        </div>
      ) : null}
      {summary.publicPath ? (
        <p>
          {t("press.workflow.publicLink", { url: "" })}
          <a href={summary.publicPath}>{summary.publicPath}</a>
        </p>
      ) : null}
      {actions.eventEndsAt && actions.transitions.some((tr) => tr.confirmBeforeEvent) ? (
        <p className="notice notice-warn" role="note" id="press-before-event-warning" data-testid="press-before-event">
          {t("press.workflow.beforeEvent.warning", { at: when(actions.eventEndsAt) })}
        </p>
      ) : null}
      {actions.requireSecondApprover && !actions.transitions.some((tr) => tr.blocked) ? <p className="muted">{t("press.workflow.fourEyes.on")}</p> : null}
      {actions.transitions
        .filter((tr) => tr.blocked)
        .map((tr) => (
          <p key={tr.name} className="notice notice-warn" role="note" data-testid="press-four-eyes">
            {tError(tr.blocked!)}
          </p>
        ))}
      {actions.transitions.length === 0 ? <p className="muted">{t("press.workflow.none")}</p> : null}
      <div className="actions">
        {plain.map((tr) =>
          tr.confirm && confirm !== tr.name ? (
            <Link key={tr.name} to={`?confirm=${tr.name}`} className={`button${tr.name === "unpublish" ? " danger secondary" : ""}`} preventScrollReset>
              {t(`press.workflow.${tr.name}`)}
            </Link>
          ) : tr.confirm ? null : (
            <Form method="post" key={tr.name} className={tr.confirmBeforeEvent ? "press-step-before-event" : undefined}>
              <StepFields tr={tr} version={summary.version} error={beforeEventError} />
              <button type="submit" className="button" disabled={busy}>
                {t(`press.workflow.${tr.name}`)}
              </button>
            </Form>
          ),
        )}
      </div>
      {plain
        .filter((tr) => tr.confirm && confirm === tr.name)
        .map((tr) => (
          <div key={tr.name} className="notice notice-warn press-confirm" role="alertdialog" aria-label={t(`press.workflow.${tr.name}`)}>
            <p>{t(`press.workflow.confirm.${tr.name}` as MessageKey)}</p>
            <Form method="post">
              <StepFields tr={tr} version={summary.version} error={beforeEventError} />
              <div className="actions">
                <button type="submit" className={`button${tr.name === "unpublish" ? " danger" : ""}`} disabled={busy}>
                  {t("action.confirm")}: {t(`press.workflow.${tr.name}`)}
                </button>
                <Link to="." className="button secondary" preventScrollReset>
                  {t("action.back")}
                </Link>
              </div>
            </Form>
          </div>
        ))}
      {actions.transitions
        .filter((tr) => tr.needsComment)
        .map((tr) => (
          <Form method="post" key={tr.name} className="send-back">
            <input type="hidden" name="intent" value="transition" />
            <input type="hidden" name="to" value={tr.to} />
            <input type="hidden" name="version" value={summary.version} />
            <label htmlFor="press-send-back-comment">{t("press.workflow.comment")}</label>
            <textarea
              id="press-send-back-comment"
              name="comment"
              required
              defaultValue={actionData?.comment ?? ""}
              aria-invalid={commentError ? true : undefined}
              aria-describedby="press-send-back-hint"
            />
            <p className="hint" id="press-send-back-hint">
              {t("press.workflow.commentHint")}
            </p>
            {commentError ? (
              <p className="field-error" role="alert">
                {tError(commentError)}
              </p>
            ) : null}
            <div>
              <button type="submit" className="button secondary" disabled={busy}>
                {t(`press.workflow.${tr.name}`)}
              </button>
            </div>
          </Form>
        ))}
      {actions.approverOnlyNote ? <p className="muted">{t("press.workflow.organizerNote")}</p> : null}
    </section>
  );
}

function RegeneratePanel({ loaded, actionData }: { loaded: Loaded; actionData: ActionData | null }) {
  const { t } = useT();
  const navigation = useNavigation();
  const report = actionData?.regenerated ?? null;
  const { summary } = loaded;
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "regenerate";
  return (
    <section className="card press-section" aria-labelledby="press-regen-title">
      <h3 id="press-regen-title">{t("press.regenerate.title")}</h3>
      <p className="muted">{t("press.regenerate.hint")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="regenerate" />
        <input type="hidden" name="version" value={summary.version} />
        <button type="submit" className="button secondary" disabled={busy}>
          {t("press.regenerate.submit")}
        </button>
      </Form>
      {report ? (
        <div className="press-regen-report" role="status" data-testid="press-regen-report">
          <p>
            <strong>{report.unchanged ? t("press.regenerate.nothing") : t("press.regenerate.done", { version: report.version })}</strong>
          </p>
          {report.approvalLapsed ? <p className="notice notice-warn">{t("press.editor.savedLapsed", { version: report.version })}</p> : null}
          {report.changes.length ? (
            <>
              <h4>{t("press.regenerate.changes")}</h4>
              <ul className="press-change-list press-diff">
                {report.changes.map((c, i) => {
                  const parts = report.changeParts[i];
                  return (
                    <li key={i}>
                      <strong>{t(`press.regenerate.change.${c.kind}`)}</strong> ({t(`press.regenerate.outcome.${c.outcome}`)}):{" "}
                      {parts ? (
                        <Parts parts={parts} />
                      ) : (
                        <>
                          {c.before.length ? <del>{c.before.join("\n\n")}</del> : null}
                          {c.after.length ? <ins>{c.after.join("\n\n")}</ins> : null}
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
          {report.title.conflict ? (
            <div className="press-regen-conflict">
              <p>{t("press.regenerate.titleConflict", { title: report.title.conflict.theirs })}</p>
              <Form method="post">
                <input type="hidden" name="intent" value="adoptTitle" />
                <input type="hidden" name="version" value={summary.version} />
                <input type="hidden" name="title" value={report.title.conflict.theirs} />
                <button type="submit" className="button secondary">
                  {t("press.regenerate.adopt")}
                </button>
              </Form>
            </div>
          ) : null}
          {report.conflicts.length ? (
            <>
              <h4>{t("press.regenerate.conflicts")}</h4>
              <p className="muted">{t("press.regenerate.conflictHint")}</p>
              {report.conflicts.map((c, i) => (
                <div key={i} className="press-regen-conflict">
                  <p className="muted">{t("press.regenerate.yours")}</p>
                  <blockquote>{c.mine.length ? c.mine.join("\n\n") : t("press.regenerate.deleted")}</blockquote>
                  <p className="muted">{t("press.regenerate.generated")}</p>
                  <blockquote>{c.theirs.join("\n\n")}</blockquote>
                  <Form method="post">
                    <input type="hidden" name="intent" value="adopt" />
                    <input type="hidden" name="version" value={summary.version} />
                    <input type="hidden" name="at" value={c.at} />
                    <input type="hidden" name="mine" value={JSON.stringify(c.mine)} />
                    <input type="hidden" name="theirs" value={JSON.stringify(c.theirs)} />
                    <button type="submit" className="button secondary">
                      {t("press.regenerate.adopt")}
                    </button>
                  </Form>
                </div>
              ))}
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function CommentsPanel({ loaded, actionData }: { loaded: Loaded; actionData: ActionData | null }) {
  const { t, tError } = useT();
  const when = useWhen(loaded.timeZone);
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "comment";
  const error = actionData?.fieldErrors?.body ?? actionData?.formError;
  return (
    <section className="card press-section" id="comments" aria-labelledby="press-comments-title">
      <h3 id="press-comments-title">{t("press.comments.title")}</h3>
      {loaded.comments.length === 0 ? (
        <p className="muted">{t("press.comments.empty")}</p>
      ) : (
        <ul className="press-comments">
          {loaded.comments.map((c) => (
            <li key={c.id}>
              <div className="press-comment-meta">
                <strong>{c.authorName ?? t("press.who.unknown")}</strong> · {when(c.createdAt)} · {t("press.comments.on", { version: c.version })}
              </div>
              {c.body}
            </li>
          ))}
        </ul>
      )}
      {loaded.actions.comment ? (
        <Form method="post" key={loaded.comments.length}>
          <input type="hidden" name="intent" value="comment" />
          <div className={`field${error ? " field-invalid" : ""}`}>
            <label htmlFor="press-comment-body">{t("press.comments.field")}</label>
            <textarea id="press-comment-body" name="body" required defaultValue={actionData?.comment ?? ""} aria-invalid={error ? true : undefined} />
            {error ? (
              <p className="field-error" role="alert">
                {tError(error)}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button secondary" disabled={busy}>
            {t("press.comments.add")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function HistoryPanel({ loaded }: { loaded: Loaded }) {
  const { t } = useT();
  const when = useWhen(loaded.timeZone);
  const { versions, diff } = loaded;
  const latest = versions[0]?.version ?? 1;
  const noteText = (note: string | null) => {
    if (!note) return "";
    return note
      .split(" ")
      .map((n) => {
        if (n === "correction") return t("press.history.correction");
        if (n === "lapsed") return t("press.history.note.lapsed");
        if (n === "adopted") return t("press.regenerate.adopt");
        if (["submit", "approve", "sendBack", "publish", "unpublish"].includes(n)) return t(`press.history.note.${n}` as MessageKey);
        return n;
      })
      .join(", ");
  };
  return (
    <section className="card press-section" id="history" aria-labelledby="press-history-title">
      <h3 id="press-history-title">{t("press.history.title")}</h3>
      <table className="list press-versions">
        <thead>
          <tr>
            <th>{t("press.field.version")}</th>
            <th>{t("press.col.status")}</th>
            <th>{t("press.col.updated")}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>
                {v.version} · {t(`press.history.kind.${v.kind}`)}
                {v.note ? <div className="muted">{noteText(v.note)}</div> : null}
              </td>
              <td>{t(`press.status.${v.status}`)}</td>
              <td>
                {v.authorName ?? t("press.who.unknown")}
                <div className="muted">{when(v.createdAt)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.length > 1 ? (
        <Form method="get" className="actions" preventScrollReset>
          <label>
            {t("press.history.from")}{" "}
            <select name="from" defaultValue={diff?.from ?? versions[1]?.version ?? 1}>
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  {v.version}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("press.history.to")}{" "}
            <select name="to" defaultValue={diff?.to ?? latest}>
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  {v.version}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button secondary">
            {t("press.history.show")}
          </button>
        </Form>
      ) : null}
      {diff ? (
        <div data-testid="press-history-diff">
          <h4>{t("press.history.diffTitle", { from: diff.from, to: diff.to })}</h4>
          <DiffView diff={diff.diff} label={t("press.history.diffTitle", { from: diff.from, to: diff.to })} />
        </div>
      ) : null}
    </section>
  );
}

/** English drafts: each term the glossary could not translate, with an inline form that adds it and redrafts. */
function UntranslatedPanel({ loaded, actionData }: { loaded: Loaded; actionData: ActionData | null }) {
  const { t, tError } = useT();
  const kinds = ["body", "position", "title", "rank", "honorific", "place", "term"] as const;
  return (
    <section className="card press-section" aria-labelledby="press-untranslated-title">
      <h3 id="press-untranslated-title">{t("glossary.untranslated.title")}</h3>
      <p className="muted">{t("glossary.untranslated.hint")}</p>
      <ul className="press-untranslated">
        {loaded.untranslatedTerms.map((term, i) => {
          const failed = actionData?.glossaryTerm === term ? actionData : null;
          return (
            <li key={term}>
              <Form method="post">
                <input type="hidden" name="intent" value="glossaryAdd" />
                <input type="hidden" name="version" value={loaded.summary.version} />
                <input type="hidden" name="vi" value={term} />
                <p lang="vi">
                  <strong>{term}</strong>
                </p>
                <div className="field">
                  <label htmlFor={`glossary-kind-${i}`}>{t("glossary.field.kind")}</label>
                  <select id={`glossary-kind-${i}`} name="kind" defaultValue="body">
                    {kinds.map((k) => (
                      <option key={k} value={k}>
                        {t(`glossary.kind.${k}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className={`field${failed?.fieldErrors?.en ? " field-invalid" : ""}`}>
                  <label htmlFor={`glossary-en-${i}`}>{t("glossary.field.en")}</label>
                  <input id={`glossary-en-${i}`} name="en" lang="en" maxLength={300} defaultValue={failed?.glossaryEn ?? ""} />
                  {failed?.fieldErrors?.en ? (
                    <p className="field-error" role="alert">
                      {tError(failed.fieldErrors.en)}
                    </p>
                  ) : null}
                </div>
                <button type="submit" className="button button-secondary">
                  {t("glossary.untranslated.addAndRedraft")}
                </button>
              </Form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function SourcesPanel({ loaded }: { loaded: Loaded }) {
  const { t } = useT();
  const sources = loaded.summary.sources;
  return (
    <section className="card press-section" aria-labelledby="press-sources-title">
      <details>
        <summary>
          <h3 id="press-sources-title" style={{ display: "inline" }}>
            {t("press.sources.title")}
          </h3>
        </summary>
        <p className="muted">{t("press.sources.hint")}</p>
        {sources.length === 0 ? (
          <p className="muted">{t("press.sources.empty")}</p>
        ) : (
          <ol className="press-sources">
            {sources.map((s, i) => (
              <li key={i}>
                <strong>{t(`press.sources.part.${s.part}`)}</strong>
                <blockquote>{s.text}</blockquote>
                <ul>
                  {s.facts.map((f, j) => (
                    <li key={j}>
                      <code>{f}</code>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </details>
    </section>
  );
}
