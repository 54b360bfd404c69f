import type { DiffPart, VersionDiff } from "~/domain/press/diff";
import { useT } from "~/i18n/use-t";

export function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === "ins" ? <ins key={i}>{p.text}</ins> : p.kind === "del" ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}

/** A version diff as text with <ins>/<del> (React escapes every part: nothing in a version can run). */
export function DiffView({ diff, label }: { diff: VersionDiff; label: string }) {
  const { t } = useT();
  if (diff.same) return <p className="muted">{t("press.history.noDiff")}</p>;
  const titleChanged = diff.title.some((p) => p.kind !== "same");
  const bylineChanged = diff.byline.some((p) => p.kind !== "same");
  return (
    <div className="press-diff" aria-label={label}>
      {titleChanged ? (
        <p>
          <strong>{t("press.field.title")}: </strong>
          <Parts parts={diff.title} />
        </p>
      ) : null}
      {diff.body.map((p, i) => (
        <p key={i} className={`press-diff-${p.kind}`}>
          <Parts parts={p.parts} />
        </p>
      ))}
      {bylineChanged ? (
        <p>
          <strong>{t("press.field.byline")}: </strong>
          <Parts parts={diff.byline} />
        </p>
      ) : null}
    </div>
  );
}
