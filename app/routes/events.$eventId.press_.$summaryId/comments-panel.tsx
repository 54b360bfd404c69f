import { Form, useNavigation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { useWhen, type ActionData, type Loaded } from "./panel-types";

/** The review comments, and the form to add one (it keeps what was typed after a refusal). */
export function CommentsPanel({ loaded, actionData }: { loaded: Loaded; actionData: ActionData | null }) {
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
