import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { DiffView } from "./diff-view";
import { useWhen, type Loaded } from "./panel-types";

/** Every version with who and when, and the difference between two of them (?from=&to=). */
export function HistoryPanel({ loaded }: { loaded: Loaded }) {
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
