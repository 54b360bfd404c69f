import { conflictText } from "~/domain/protocol/conflict-text";
import { useT } from "~/i18n/use-t";
import type { SeatingLoaderData } from "./route";

/** Conflicts are shown, not refused: a plan may be unfinished. */
export function ConflictList({ data }: { data: SeatingLoaderData }) {
  const { t } = useT();
  if (data.tables.length === 0) return null;
  if (data.conflicts.length === 0)
    return (
      <p className="notice notice-ok" data-testid="conflicts" role="status">
        {t("protocol.conflicts.none")}
      </p>
    );
  return (
    <section className="notice notice-warn" data-testid="conflicts" aria-labelledby="conflicts-heading">
      <strong id="conflicts-heading">{t("protocol.conflicts.title")}</strong>
      <ul className="conflict-list">
        {data.conflicts.map((c, i) => (
          <li key={i}>{conflictText(c, data.tables, data.labels, t)}</li>
        ))}
      </ul>
    </section>
  );
}
