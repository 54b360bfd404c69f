import { Form, useNavigation } from "@remix-run/react";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/use-t";
import { Parts } from "./diff-view";
import type { ActionData, Loaded } from "./panel-types";

/** Redraft from the event's data: the button, then the report (what changed, what needs a choice). */
export function RegeneratePanel({ loaded, actionData }: { loaded: Loaded; actionData: ActionData | null }) {
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
          {report.approvalLapsed ? (
            // Inside the report's own live region: a note, not a second status.
            <Notice as="p" tone="warn" role="note">
              {t("press.editor.savedLapsed", { version: report.version })}
            </Notice>
          ) : null}
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
