import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import { Notice } from "~/components/ui/notice";
import { ConfirmPanel } from "~/components/ui/confirm-panel";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { useWhen, type ActionData, type Loaded } from "./panel-types";

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

/** The workflow: the public link, the steps this person may take now (with their confirmations), sending back. */
export function WorkflowPanel({ loaded, actionData }: { loaded: Loaded; actionData: ActionData | null }) {
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
      {actionData?.formError && !errorBesideField ? <Notice tone="error">{tError(actionData.formError)}</Notice> : null}
      {summary.publicPath ? (
        <p>
          {t("press.workflow.publicLink", { url: "" })}
          <a href={summary.publicPath}>{summary.publicPath}</a>
        </p>
      ) : null}
      {actions.eventEndsAt && actions.transitions.some((tr) => tr.confirmBeforeEvent) ? (
        <Notice as="p" tone="warn" role="note" id="press-before-event-warning" data-testid="press-before-event">
          {t("press.workflow.beforeEvent.warning", { at: when(actions.eventEndsAt) })}
        </Notice>
      ) : null}
      {actions.requireSecondApprover && !actions.transitions.some((tr) => tr.blocked) ? <p className="muted">{t("press.workflow.fourEyes.on")}</p> : null}
      {actions.transitions
        .filter((tr) => tr.blocked)
        .map((tr) => (
          <Notice as="p" key={tr.name} tone="warn" role="note" data-testid="press-four-eyes">
            {tError(tr.blocked!)}
          </Notice>
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
          <ConfirmPanel key={tr.name} label={t(`press.workflow.${tr.name}`)} className="press-confirm">
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
          </ConfirmPanel>
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
